/*
** dictobj.h — dict: compact and insertion-ordered (an index table of
** slots pointing into an entry array, each entry caching its key's hash),
** open addressing with CPython's perturbed probing.  Views (keys, values,
** items) and their iterators; "dictionary changed size during iteration".
** Guard: the GIL.  A lookup may run __eq__ / __hash__ of keys, i.e.
** arbitrary code: callers must not keep pointers into the entry array
** across one, and the lookup restarts when the table changed under it.
*/
#ifndef GP_DICTOBJ_H
#define GP_DICTOBJ_H

#include "object.h"

typedef struct gp_dict gp_dict_t;    /* layout private to obj_dict.c */
/* ... but for its head, read inline by the VM's global-name cache. */
typedef struct {
    gp_obj_t ob;
    uint64_t version;
} gp_dict_head_t;

extern gp_type_t gp_dict_type, gp_dict_keys_type, gp_dict_values_type,
                 gp_dict_items_type;
#define GP_DICT_CHECK(o)       GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_DICT_SUBCLASS)
#define GP_DICT_CHECK_EXACT(o) (GP_TYPE(o) == &gp_dict_type)

gp_obj_t *gp_dict_new(void);
/* Raise KeyError(key) (a tuple key stays one argument). */
void gp_err_set_key(gp_obj_t *key);
gp_ssize_t gp_dict_size(gp_obj_t *d);
/* Borrowed value or NULL; NULL with an exception set means a key's hash
** or __eq__ failed (PyDict_GetItemWithError). */
gp_obj_t *gp_dict_getitem(gp_obj_t *d, gp_obj_t *key);
gp_obj_t *gp_dict_getitem_hash(gp_obj_t *d, gp_obj_t *key, gp_hash_t h);
gp_obj_t *gp_dict_getitem_str(gp_obj_t *d, const char *key);
int gp_dict_setitem(gp_obj_t *d, gp_obj_t *key, gp_obj_t *v);  /* borrowed */
int gp_dict_setitem_str(gp_obj_t *d, const char *key, gp_obj_t *v);
/* -1 with KeyError if missing. */
int gp_dict_delitem(gp_obj_t *d, gp_obj_t *key);
int gp_dict_delitem_str(gp_obj_t *d, const char *key);
int gp_dict_contains(gp_obj_t *d, gp_obj_t *key);              /* 1/0/-1 */
/* Iterate: pos starts at 0; borrowed key/value; 0 at the end. */
int gp_dict_next(gp_obj_t *d, gp_ssize_t *pos, gp_obj_t **key,
                 gp_obj_t **value);
gp_obj_t *gp_dict_copy(gp_obj_t *d);
int gp_dict_update(gp_obj_t *d, gp_obj_t *other);   /* mapping or pairs */
/* d[k] = v for every pair of mapping `other` whose key is not yet in d
** (override 0) or every pair (override 1); for **kwargs merging:
** override 2 raises on a duplicate key (the caller words the message). */
int gp_dict_merge(gp_obj_t *d, gp_obj_t *other, int override);
gp_obj_t *gp_dict_keys(gp_obj_t *d);                 /* new lists */
gp_obj_t *gp_dict_values(gp_obj_t *d);
gp_obj_t *gp_dict_items(gp_obj_t *d);
void gp_dict_clear(gp_obj_t *d);
/* d.setdefault(key, dflt): borrowed result. */
gp_obj_t *gp_dict_setdefault(gp_obj_t *d, gp_obj_t *key, gp_obj_t *dflt);
/* d.pop(key): new ref; NULL without exception if missing. */
gp_obj_t *gp_dict_pop(gp_obj_t *d, gp_obj_t *key);
/* A dict's version: a new one, from the interpreter's counter, at its
** creation and at every change, so two dicts never share a version and
** equal versions mean the same dict, unchanged (CPython 3.11's
** ma_version_tag).  The VM's global-name cache relies on that: a cached
** value is still the dict's while both versions match, even if the dict
** it came from was freed and another took its address. */
static inline uint64_t gp_dict_version(gp_obj_t *d)
{
    return ((gp_dict_head_t *)d)->version;
}

/* Iteration with the cached hash; and backwards (pos starts at
** gp_dict_last_pos(d), goes down). */
int gp_dict_next_hash(gp_obj_t *d, gp_ssize_t *pos, gp_obj_t **key,
                      gp_obj_t **value, gp_hash_t *hash);
int gp_dict_prev(gp_obj_t *d, gp_ssize_t *pos, gp_obj_t **key,
                 gp_obj_t **value);
gp_ssize_t gp_dict_last_pos(gp_obj_t *d);

/* dict_views.c: views (type: one of the three view types) and iterators
** (kind 0 keys, 1 values, 2 items; reversed or not). */
gp_obj_t *gp_dictview_new(gp_obj_t *d, gp_type_t *type);
gp_obj_t *gp_dictiter_new(gp_obj_t *d, int kind, int reversed);
extern gp_type_t gp_dict_keyiter_type, gp_dict_valueiter_type,
                 gp_dict_itemiter_type, gp_dict_revkeyiter_type,
                 gp_dict_revvalueiter_type, gp_dict_revitemiter_type;
int gp_obj_dict_init(void);
int gp_dict_views_init(void);

#endif
