/*
** obj_dict.c — the dict type: a compact, insertion-ordered hash table.
** One allocation holds an index table (power-of-two slots of int32
** entry numbers, EMPTY / DUMMY markers) followed by the entry array
** (hash, key, value), appended in insertion order; probing is CPython's
** (i = 5*i + perturb + 1, perturb >>= 5).  Exact str keys compare by
** pointer, then by cached hash and content, without calling __eq__.
** Views and their iterators are in dict_views.c.
** Guard: the GIL.  A key's __eq__ may run arbitrary code that changes
** the dict: the lookup notices (table or entry changed) and restarts.
*/
#include <stdlib.h>
#include <string.h>
#include "dictobj.h"
#include "abstract.h"
#include "gc.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define MINSIZE 8

typedef struct {
    gp_hash_t hash;
    gp_obj_t *key;          /* NULL: deleted */
    gp_obj_t *value;
} entry_t;

typedef struct {
    gp_ssize_t size;        /* index slots, a power of two */
    gp_ssize_t usable;      /* entry slots */
    gp_ssize_t nentries;    /* entry slots used (deleted ones included) */
    /* int32_t indices[size]; entry_t entries[usable]; */
} keys_t;

struct gp_dict {
    gp_dict_head_t head;    /* ob and version: see dictobj.h */
    gp_ssize_t used;
    keys_t *keys;
};

#define D(o) ((gp_dict_t *)(o))

/* KeyError(key): a tuple key must not become the args tuple. */
void gp_err_set_key(gp_obj_t *key)
{
    gp_obj_t *t = gp_tuple_pack(1, key);
    if (t) {
        gp_err_set(&gp_exc_KeyError, t);
        GP_DECREF(t);
    }
}

static inline int32_t *k_indices(keys_t *k) { return (int32_t *)(k + 1); }
static inline entry_t *k_entries(keys_t *k)
{
    return (entry_t *)((char *)(k + 1) + (size_t)k->size * sizeof(int32_t));
}

static keys_t *keys_alloc(gp_ssize_t size)
{
    gp_ssize_t usable = (size << 1) / 3;
    size_t bytes = sizeof(keys_t) + (size_t)size * sizeof(int32_t) +
                   (size_t)usable * sizeof(entry_t);
    keys_t *k = malloc(bytes);
    if (!k) {
        gp_err_nomemory();
        return NULL;
    }
    k->size = size;
    k->usable = usable;
    k->nentries = 0;
    memset(k_indices(k), 0xff, (size_t)size * sizeof(int32_t));
    return k;
}

static inline gp_hash_t str_hash_fast(gp_obj_t *s)
{
    gp_hash_t h = ((gp_str_t *)s)->hash;
    return h != -1 ? h : gp_str_hash(s);
}

static inline gp_hash_t key_hash(gp_obj_t *key)
{
    if (GP_STR_CHECK_EXACT(key))
        return str_hash_fast(key);
    return gp_hash(key);
}

/* Find key: returns the entry number (>= 0), or -1 when missing with
** *slot the index slot where it would go, or -2 on error. */
static gp_ssize_t lookup(gp_dict_t *d, gp_obj_t *key, gp_hash_t hash,
                         gp_ssize_t *slot)
{
restart:;
    keys_t *k = d->keys;
    int32_t *ix = k_indices(k);
    entry_t *ents = k_entries(k);
    size_t mask = (size_t)k->size - 1;
    size_t i = (size_t)hash & mask, perturb = (size_t)hash;
    gp_ssize_t freeslot = -1;
    int key_is_str = GP_STR_CHECK_EXACT(key);
    for (;;) {
        int32_t e = ix[i];
        if (e == IX_EMPTY) {
            if (slot)
                *slot = freeslot >= 0 ? freeslot : (gp_ssize_t)i;
            return -1;
        }
        if (e == IX_DUMMY) {
            if (freeslot < 0)
                freeslot = (gp_ssize_t)i;
        } else {
            entry_t *ep = &ents[e];
            gp_obj_t *ek = ep->key;
            if (ek == key)
                return e;
            if (ep->hash == hash) {
                if (key_is_str && GP_STR_CHECK_EXACT(ek)) {
                    if (gp_str_eq(ek, key))
                        return e;
                } else {
                    GP_INCREF(ek);
                    int c = gp_richcompare_bool(ek, key, GP_EQ);
                    GP_DECREF(ek);
                    if (c < 0)
                        return -2;
                    if (d->keys != k || ep->key != ek)
                        goto restart;
                    if (c)
                        return e;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The first slot that is EMPTY for hash (tables without dummies). */
static size_t find_empty_slot(keys_t *k, gp_hash_t hash)
{
    int32_t *ix = k_indices(k);
    size_t mask = (size_t)k->size - 1;
    size_t i = (size_t)hash & mask, perturb = (size_t)hash;
    while (ix[i] != IX_EMPTY) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild with room for at least minused live entries, compacting. */
static int dict_resize(gp_dict_t *d, gp_ssize_t minused)
{
    gp_ssize_t size = MINSIZE;
    while (size < minused * 3 / 2 + 1 || (size << 1) / 3 < minused)
        size <<= 1;
    keys_t *old = d->keys;
    keys_t *nk = keys_alloc(size);
    if (!nk)
        return -1;
    entry_t *src = k_entries(old), *dst = k_entries(nk);
    gp_ssize_t n = 0;
    for (gp_ssize_t i = 0; i < old->nentries; i++) {
        if (!src[i].key)
            continue;
        dst[n] = src[i];
        k_indices(nk)[find_empty_slot(nk, src[i].hash)] = (int32_t)n;
        n++;
    }
    nk->nentries = n;
    d->keys = nk;
    free(old);
    return 0;
}

/* Every change gets a version no dict of this interpreter had before:
** see gp_dict_version. */
static inline void bump(gp_dict_t *d)
{
    d->head.version = ++gp_icur()->dict_version;
}

/* Insert or replace; key and value are new references (stolen). */
static int insert(gp_dict_t *d, gp_obj_t *key, gp_hash_t hash,
                  gp_obj_t *value)
{
    gp_ssize_t slot;
    gp_ssize_t e = lookup(d, key, hash, &slot);
    if (e == -2)
        goto fail;
    if (e >= 0) {
        entry_t *ep = &k_entries(d->keys)[e];
        gp_obj_t *old = ep->value;
        ep->value = value;
        bump(d);
        if (GP_IS_GC(value))
            gp_gc_track(GP_OBJ(d));
        GP_DECREF(key);
        GP_DECREF(old);
        return 0;
    }
    keys_t *k = d->keys;
    if (k->nentries >= k->usable) {
        if (dict_resize(d, d->used * 3 > MINSIZE ? d->used * 3 : MINSIZE) < 0)
            goto fail;
        k = d->keys;
        slot = (gp_ssize_t)find_empty_slot(k, hash);
    }
    entry_t *ep = &k_entries(k)[k->nentries];
    ep->hash = hash;
    ep->key = key;
    ep->value = value;
    k_indices(k)[slot] = (int32_t)k->nentries;
    k->nentries++;
    d->used++;
    bump(d);
    if (GP_IS_GC(key) || GP_IS_GC(value))
        gp_gc_track(GP_OBJ(d));
    return 0;
fail:
    GP_DECREF(key);
    GP_DECREF(value);
    return -1;
}

/* Remove entry e found at some slot: find the slot by the hash. */
static void delete_entry(gp_dict_t *d, gp_ssize_t e, gp_obj_t **okey,
                         gp_obj_t **oval)
{
    keys_t *k = d->keys;
    entry_t *ep = &k_entries(k)[e];
    int32_t *ix = k_indices(k);
    size_t mask = (size_t)k->size - 1;
    size_t i = (size_t)ep->hash & mask, perturb = (size_t)ep->hash;
    while (ix[i] != (int32_t)e) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    ix[i] = IX_DUMMY;
    *okey = ep->key;
    *oval = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    d->used--;
    bump(d);
}

/* ---- public API ------------------------------------------------------- */

static gp_obj_t *dict_alloc(gp_type_t *t)
{
    gp_dict_t *d = (gp_dict_t *)gp_type_alloc(t, 0);
    if (!d)
        return NULL;
    d->keys = keys_alloc(MINSIZE);
    if (!d->keys) {
        gp_object_free(GP_OBJ(d));
        return NULL;
    }
    d->used = 0;
    bump(d);
    if (t != &gp_dict_type)
        gp_gc_track(GP_OBJ(d));
    return GP_OBJ(d);
}

gp_obj_t *gp_dict_new(void)
{
    return dict_alloc(&gp_dict_type);
}

gp_ssize_t gp_dict_size(gp_obj_t *d) { return D(d)->used; }

gp_obj_t *gp_dict_getitem_hash(gp_obj_t *d, gp_obj_t *key, gp_hash_t h)
{
    gp_ssize_t e = lookup(D(d), key, h, NULL);
    if (e < 0)
        return NULL;
    return k_entries(D(d)->keys)[e].value;
}

gp_obj_t *gp_dict_getitem(gp_obj_t *d, gp_obj_t *key)
{
    gp_hash_t h;
    if (GP_STR_CHECK_EXACT(key)) {
        /* the common case of globals and attribute dicts, inline */
        h = str_hash_fast(key);
        keys_t *k = D(d)->keys;
        int32_t *ix = k_indices(k);
        entry_t *ents = k_entries(k);
        size_t mask = (size_t)k->size - 1;
        size_t i = (size_t)h & mask, perturb = (size_t)h;
        for (;;) {
            int32_t e = ix[i];
            if (e == IX_EMPTY)
                return NULL;
            if (e >= 0) {
                gp_obj_t *ek = ents[e].key;
                if (ek == key)
                    return ents[e].value;
                if (ents[e].hash == h) {
                    if (!GP_STR_CHECK_EXACT(ek))
                        break;      /* a non-str key: the general path */
                    if (gp_str_eq(ek, key))
                        return ents[e].value;
                }
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    } else {
        h = gp_hash(key);
        if (h == -1)
            return NULL;
    }
    return gp_dict_getitem_hash(d, key, h);
}

gp_obj_t *gp_dict_getitem_str(gp_obj_t *d, const char *key)
{
    gp_obj_t *k = gp_str_from_cstr(key);
    if (!k)
        return NULL;
    gp_obj_t *v = gp_dict_getitem(d, k);
    GP_DECREF(k);
    return v;
}

int gp_dict_setitem(gp_obj_t *d, gp_obj_t *key, gp_obj_t *v)
{
    gp_hash_t h = key_hash(key);
    if (h == -1)
        return -1;
    GP_INCREF(key);
    GP_INCREF(v);
    return insert(D(d), key, h, v);
}

static int setitem_hash(gp_obj_t *d, gp_obj_t *key, gp_hash_t h, gp_obj_t *v)
{
    GP_INCREF(key);
    GP_INCREF(v);
    return insert(D(d), key, h, v);
}

int gp_dict_setitem_str(gp_obj_t *d, const char *key, gp_obj_t *v)
{
    gp_obj_t *k = gp_str_intern_cstr(key);
    if (!k)
        return -1;
    int r = gp_dict_setitem(d, k, v);
    GP_DECREF(k);
    return r;
}

static int delitem_hash(gp_obj_t *d, gp_obj_t *key, gp_hash_t h)
{
    gp_ssize_t e = lookup(D(d), key, h, NULL);
    if (e == -2)
        return -1;
    if (e < 0) {
        gp_err_set_key(key);
        return -1;
    }
    gp_obj_t *ok, *ov;
    delete_entry(D(d), e, &ok, &ov);
    GP_DECREF(ok);
    GP_DECREF(ov);
    return 0;
}

int gp_dict_delitem(gp_obj_t *d, gp_obj_t *key)
{
    gp_hash_t h = key_hash(key);
    if (h == -1)
        return -1;
    return delitem_hash(d, key, h);
}

int gp_dict_delitem_str(gp_obj_t *d, const char *key)
{
    gp_obj_t *k = gp_str_from_cstr(key);
    if (!k)
        return -1;
    int r = gp_dict_delitem(d, k);
    GP_DECREF(k);
    return r;
}

int gp_dict_contains(gp_obj_t *d, gp_obj_t *key)
{
    gp_hash_t h = key_hash(key);
    if (h == -1)
        return -1;
    gp_ssize_t e = lookup(D(d), key, h, NULL);
    if (e == -2)
        return -1;
    return e >= 0;
}

int gp_dict_next(gp_obj_t *d, gp_ssize_t *pos, gp_obj_t **key,
                 gp_obj_t **value)
{
    keys_t *k = D(d)->keys;
    entry_t *ents = k_entries(k);
    gp_ssize_t i = *pos;
    while (i < k->nentries && !ents[i].key)
        i++;
    if (i >= k->nentries)
        return 0;
    *pos = i + 1;
    if (key)
        *key = ents[i].key;
    if (value)
        *value = ents[i].value;
    return 1;
}

int gp_dict_next_hash(gp_obj_t *d, gp_ssize_t *pos, gp_obj_t **key,
                      gp_obj_t **value, gp_hash_t *hash)
{
    keys_t *k = D(d)->keys;
    entry_t *ents = k_entries(k);
    gp_ssize_t i = *pos;
    while (i < k->nentries && !ents[i].key)
        i++;
    if (i >= k->nentries)
        return 0;
    *pos = i + 1;
    *key = ents[i].key;
    if (value)
        *value = ents[i].value;
    *hash = ents[i].hash;
    return 1;
}

int gp_dict_prev(gp_obj_t *d, gp_ssize_t *pos, gp_obj_t **key,
                 gp_obj_t **value)
{
    keys_t *k = D(d)->keys;
    entry_t *ents = k_entries(k);
    gp_ssize_t i = *pos;
    if (i > k->nentries - 1)
        i = k->nentries - 1;
    while (i >= 0 && !ents[i].key)
        i--;
    if (i < 0)
        return 0;
    *pos = i - 1;
    if (key)
        *key = ents[i].key;
    if (value)
        *value = ents[i].value;
    return 1;
}

gp_ssize_t gp_dict_last_pos(gp_obj_t *d) { return D(d)->keys->nentries - 1; }

gp_obj_t *gp_dict_copy(gp_obj_t *d)
{
    gp_obj_t *r = gp_dict_new();
    if (!r)
        return NULL;
    if (D(d)->used == 0)
        return r;
    if (dict_resize(D(r), D(d)->used) < 0) {
        GP_DECREF(r);
        return NULL;
    }
    gp_ssize_t pos = 0;
    gp_obj_t *k, *v;
    gp_hash_t h;
    while (gp_dict_next_hash(d, &pos, &k, &v, &h)) {
        if (setitem_hash(r, k, h, v) < 0) {
            GP_DECREF(r);
            return NULL;
        }
    }
    return r;
}

static int merge_from_seq2(gp_obj_t *d, gp_obj_t *seq2, int override)
{
    gp_obj_t *it = gp_iter(seq2);
    if (!it)
        return -1;
    for (gp_ssize_t i = 0;; i++) {
        gp_obj_t *item = gp_iter_next(it);
        if (!item) {
            GP_DECREF(it);
            return gp_err_occurred() ? -1 : 0;
        }
        gp_obj_t *fast = NULL;
        if (GP_LIST_CHECK_EXACT(item) || GP_TUPLE_CHECK_EXACT(item)) {
            fast = gp_newref(item);
        } else {
            fast = gp_sequence_list(item);
            if (!fast) {
                if (gp_err_matches(&gp_exc_TypeError)) {
                    gp_err_clear();
                    gp_err_format(&gp_exc_TypeError,
                                  "cannot convert dictionary update "
                                  "sequence element #%zd to a sequence", i);
                }
                GP_DECREF(item);
                GP_DECREF(it);
                return -1;
            }
        }
        gp_ssize_t n = GP_SIZE(fast);
        if (n != 2) {
            gp_err_format(&gp_exc_ValueError,
                          "dictionary update sequence element #%zd has "
                          "length %zd; 2 is required", i, n);
            GP_DECREF(fast);
            GP_DECREF(item);
            GP_DECREF(it);
            return -1;
        }
        gp_obj_t **a = GP_TUPLE_CHECK_EXACT(fast) ? GP_TUPLE_ITEMS(fast)
                                                   : GP_LIST_ITEMS(fast);
        gp_obj_t *key = gp_newref(a[0]), *value = gp_newref(a[1]);
        int rc = 0;
        if (override || !gp_dict_getitem(d, key)) {
            if (gp_err_occurred())
                rc = -1;
            else
                rc = gp_dict_setitem(d, key, value);
        }
        GP_DECREF(key);
        GP_DECREF(value);
        GP_DECREF(fast);
        GP_DECREF(item);
        if (rc < 0) {
            GP_DECREF(it);
            return -1;
        }
    }
}

int gp_dict_merge(gp_obj_t *d, gp_obj_t *other, int override)
{
    if (GP_DICT_CHECK(other) &&
        (GP_TYPE(other)->iter == gp_dict_type.iter)) {
        if (other == d || D(other)->used == 0)
            return 0;
        if (D(d)->used == 0 && override != 2 &&
            D(d)->keys->usable < D(other)->used) {
            if (dict_resize(D(d), D(other)->used) < 0)
                return -1;
        }
        keys_t *ok = D(other)->keys;
        gp_ssize_t n = ok->nentries, used = D(other)->used;
        for (gp_ssize_t i = 0; i < n; i++) {
            entry_t *ep = &k_entries(ok)[i];
            if (!ep->key)
                continue;
            gp_obj_t *key = gp_newref(ep->key), *val = gp_newref(ep->value);
            gp_hash_t h = ep->hash;
            int rc = 0;
            if (override == 1) {
                rc = insert(D(d), key, h, val);
            } else {
                gp_ssize_t e = lookup(D(d), key, h, NULL);
                if (e == -2)
                    rc = -1;
                else if (e < 0) {
                    rc = insert(D(d), key, h, val);
                    key = val = NULL;
                } else if (override == 2) {
                    gp_err_set_key(key);
                    rc = -1;
                }
                if (key) {
                    GP_DECREF(key);
                    GP_DECREF(val);
                }
            }
            if (rc < 0)
                return -1;
            if (D(other)->keys != ok || D(other)->used != used) {
                gp_err_set_str(&gp_exc_RuntimeError,
                               "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* a generic mapping: keys() then __getitem__ */
    gp_obj_t *keys = gp_call_method(other, GP_ID(keys), 0);
    if (!keys)
        return -1;
    gp_obj_t *it = gp_iter(keys);
    GP_DECREF(keys);
    if (!it)
        return -1;
    for (;;) {
        gp_obj_t *key = gp_iter_next(it);
        if (!key)
            break;
        if (override != 1) {
            int c = gp_dict_contains(d, key);
            if (c != 0) {
                if (c > 0 && override == 2)
                    gp_err_set_key(key);
                if (c < 0 || override == 2) {
                    GP_DECREF(key);
                    GP_DECREF(it);
                    return -1;
                }
                GP_DECREF(key);
                continue;
            }
        }
        gp_obj_t *v = gp_getitem(other, key);
        if (!v) {
            GP_DECREF(key);
            GP_DECREF(it);
            return -1;
        }
        int rc = gp_dict_setitem(d, key, v);
        GP_DECREF(key);
        GP_DECREF(v);
        if (rc < 0) {
            GP_DECREF(it);
            return -1;
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

int gp_dict_update(gp_obj_t *d, gp_obj_t *other)
{
    if (GP_DICT_CHECK(other))
        return gp_dict_merge(d, other, 1);
    gp_obj_t *m;
    int r = gp_getattr_opt(other, GP_ID(keys), &m);
    if (r < 0)
        return -1;
    if (r) {
        GP_DECREF(m);
        return gp_dict_merge(d, other, 1);
    }
    return merge_from_seq2(d, other, 1);
}

static gp_obj_t *collect(gp_obj_t *d, int what)
{
    gp_obj_t *l = gp_list_new(D(d)->used);
    if (!l)
        return NULL;
    gp_ssize_t pos = 0, i = 0;
    gp_obj_t *k, *v;
    while (gp_dict_next(d, &pos, &k, &v)) {
        gp_obj_t *x;
        if (what == 0)
            x = gp_newref(k);
        else if (what == 1)
            x = gp_newref(v);
        else {
            x = gp_tuple_pack(2, k, v);
            if (!x) {
                GP_DECREF(l);
                return NULL;
            }
        }
        GP_LIST_SET(l, i, x);
        i++;
    }
    return l;
}

gp_obj_t *gp_dict_keys(gp_obj_t *d) { return collect(d, 0); }
gp_obj_t *gp_dict_values(gp_obj_t *d) { return collect(d, 1); }
gp_obj_t *gp_dict_items(gp_obj_t *d) { return collect(d, 2); }

static void clear_keys(keys_t *k)
{
    entry_t *ents = k_entries(k);
    for (gp_ssize_t i = 0; i < k->nentries; i++) {
        if (ents[i].key) {
            GP_DECREF(ents[i].key);
            GP_DECREF(ents[i].value);
        }
    }
    free(k);
}

void gp_dict_clear(gp_obj_t *d)
{
    keys_t *fresh = keys_alloc(MINSIZE);
    if (!fresh) {
        gp_err_clear();
        return;
    }
    keys_t *old = D(d)->keys;
    D(d)->keys = fresh;
    D(d)->used = 0;
    bump(D(d));
    clear_keys(old);
}

gp_obj_t *gp_dict_setdefault(gp_obj_t *d, gp_obj_t *key, gp_obj_t *dflt)
{
    gp_hash_t h = key_hash(key);
    if (h == -1)
        return NULL;
    gp_ssize_t e = lookup(D(d), key, h, NULL);
    if (e == -2)
        return NULL;
    if (e >= 0)
        return k_entries(D(d)->keys)[e].value;
    if (setitem_hash(d, key, h, dflt) < 0)
        return NULL;
    return dflt;
}

gp_obj_t *gp_dict_pop(gp_obj_t *d, gp_obj_t *key)
{
    if (D(d)->used == 0)
        return NULL;
    gp_hash_t h = key_hash(key);
    if (h == -1)
        return NULL;
    gp_ssize_t e = lookup(D(d), key, h, NULL);
    if (e < 0)
        return NULL;
    gp_obj_t *ok, *ov;
    delete_entry(D(d), e, &ok, &ov);
    GP_DECREF(ok);
    return ov;
}

/* ---- the type --------------------------------------------------------- */

static void dict_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    keys_t *k = D(o)->keys;
    D(o)->keys = NULL;
    if (k)
        clear_keys(k);
    gp_object_free(o);
}

static int dict_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    keys_t *k = D(o)->keys;
    entry_t *ents = k_entries(k);
    for (gp_ssize_t i = 0; i < k->nentries; i++) {
        if (ents[i].key) {
            GP_VISIT(ents[i].key);
            GP_VISIT(ents[i].value);
        }
    }
    return 0;
}

static int dict_gc_clear(gp_obj_t *o)
{
    gp_dict_clear(o);
    return 0;
}

static gp_obj_t *dict_repr(gp_obj_t *o)
{
    if (D(o)->used == 0)
        return gp_str_from_cstr("{}");
    int r = gp_repr_enter(o);
    if (r != 0)
        return r > 0 ? gp_str_from_cstr("{...}") : NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (gp_strbuf_char(&b, '{') < 0)
        goto fail;
    gp_ssize_t pos = 0;
    gp_obj_t *k, *v;
    int first = 1;
    while (gp_dict_next(o, &pos, &k, &v)) {
        if (!first && gp_strbuf_cstr(&b, ", ") < 0)
            goto fail;
        first = 0;
        GP_INCREF(k);
        GP_INCREF(v);
        gp_obj_t *s = gp_repr(k);
        int rc = s ? gp_strbuf_str(&b, s) : -1;
        GP_XDECREF(s);
        if (rc == 0)
            rc = gp_strbuf_cstr(&b, ": ");
        if (rc == 0) {
            s = gp_repr(v);
            rc = s ? gp_strbuf_str(&b, s) : -1;
            GP_XDECREF(s);
        }
        GP_DECREF(k);
        GP_DECREF(v);
        if (rc < 0)
            goto fail;
    }
    if (gp_strbuf_char(&b, '}') < 0)
        goto fail;
    gp_repr_leave(o);
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    gp_repr_leave(o);
    return NULL;
}

/* 1 equal, 0 not, -1 error. */
static int dict_equal(gp_obj_t *a, gp_obj_t *b)
{
    if (D(a)->used != D(b)->used)
        return 0;
    keys_t *k = D(a)->keys;
    for (gp_ssize_t i = 0; i < k->nentries; i++) {
        entry_t *ep = &k_entries(D(a)->keys)[i];
        if (!ep->key)
            continue;
        gp_obj_t *key = gp_newref(ep->key), *av = gp_newref(ep->value);
        gp_hash_t h = ep->hash;
        gp_ssize_t e = lookup(D(b), key, h, NULL);
        if (e < 0) {
            GP_DECREF(key);
            GP_DECREF(av);
            return e == -2 ? -1 : 0;
        }
        gp_obj_t *bv = gp_newref(k_entries(D(b)->keys)[e].value);
        int c = gp_richcompare_bool(av, bv, GP_EQ);
        GP_DECREF(key);
        GP_DECREF(av);
        GP_DECREF(bv);
        if (c <= 0)
            return c;
        if (i >= D(a)->keys->nentries)
            break;
    }
    return 1;
}

static gp_obj_t *dict_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_DICT_CHECK(a) || !GP_DICT_CHECK(b) ||
        (op != GP_EQ && op != GP_NE))
        GP_RETURN_NOTIMPLEMENTED;
    int c = dict_equal(a, b);
    if (c < 0)
        return NULL;
    return gp_bool_from(op == GP_EQ ? c : !c);
}

static gp_ssize_t dict_length(gp_obj_t *o) { return D(o)->used; }

static gp_obj_t *dict_subscript(gp_obj_t *o, gp_obj_t *key)
{
    gp_hash_t h = key_hash(key);
    if (h == -1)
        return NULL;
    gp_ssize_t e = lookup(D(o), key, h, NULL);
    if (e == -2)
        return NULL;
    if (e >= 0)
        return gp_newref(k_entries(D(o)->keys)[e].value);
    if (!GP_DICT_CHECK_EXACT(o)) {
        gp_obj_t *m = gp_type_lookup(GP_TYPE(o), GP_ID(__missing__));
        if (m) {
            GP_INCREF(m);
            gp_obj_t *r = gp_call_args(m, 2, o, key);
            GP_DECREF(m);
            return r;
        }
    }
    gp_err_set_key(key);
    return NULL;
}

static int dict_ass_subscript(gp_obj_t *o, gp_obj_t *key, gp_obj_t *v)
{
    if (v)
        return gp_dict_setitem(o, key, v);
    return gp_dict_delitem(o, key);
}

static int dict_contains_slot(gp_obj_t *o, gp_obj_t *key)
{
    return gp_dict_contains(o, key);
}

static gp_obj_t *dict_iter(gp_obj_t *o) { return gp_dictiter_new(o, 0, 0); }

/* ---- methods ---------------------------------------------------------- */

static gp_obj_t *dict_get_m(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("get", nargs, 1, 2) < 0)
        return NULL;
    gp_obj_t *v = gp_dict_getitem(self, args[0]);
    if (v)
        return gp_newref(v);
    if (gp_err_occurred())
        return NULL;
    return gp_newref(nargs > 1 ? args[1] : GP_NONE);
}

static gp_obj_t *dict_setdefault_m(gp_obj_t *self, gp_obj_t *const *args,
                                   gp_ssize_t nargs)
{
    if (gp_arg_count("setdefault", nargs, 1, 2) < 0)
        return NULL;
    gp_obj_t *v = gp_dict_setdefault(self, args[0],
                                     nargs > 1 ? args[1] : GP_NONE);
    return v ? gp_newref(v) : NULL;
}

static gp_obj_t *dict_pop_m(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("pop", nargs, 1, 2) < 0)
        return NULL;
    gp_obj_t *v = gp_dict_pop(self, args[0]);
    if (v || gp_err_occurred())
        return v;
    if (nargs > 1)
        return gp_newref(args[1]);
    gp_err_set_key(args[0]);
    return NULL;
}

static gp_obj_t *dict_popitem_m(gp_obj_t *self, gp_obj_t *unused)
{
    gp_dict_t *d = D(self);
    if (d->used == 0) {
        gp_err_set_str(&gp_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    keys_t *k = d->keys;
    gp_ssize_t i = k->nentries - 1;
    while (i >= 0 && !k_entries(k)[i].key)
        i--;
    gp_obj_t *ok, *ov;
    delete_entry(d, i, &ok, &ov);
    /* later inserts reuse the tail, as CPython's popitem does */
    k->nentries = i;
    gp_obj_t *r = gp_tuple_new(2);
    if (!r) {
        GP_DECREF(ok);
        GP_DECREF(ov);
        return NULL;
    }
    GP_TUPLE_SET(r, 0, ok);
    GP_TUPLE_SET(r, 1, ov);
    return r;
}

static int update_common(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames,
                         const char *fname)
{
    if (gp_arg_count(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && gp_dict_update(self, args[0]) < 0)
        return -1;
    if (kwnames) {
        for (gp_ssize_t i = 0; i < GP_SIZE(kwnames); i++)
            if (gp_dict_setitem(self, GP_TUPLE_GET(kwnames, i),
                                args[nargs + i]) < 0)
                return -1;
    }
    return 0;
}

static gp_obj_t *dict_update_m(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (update_common(self, args, nargs, kwnames, "update") < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *dict_copy_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_dict_copy(self);
}

static gp_obj_t *dict_clear_m(gp_obj_t *self, gp_obj_t *unused)
{
    gp_dict_clear(self);
    GP_RETURN_NONE;
}

static gp_obj_t *dict_keys_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_dictview_new(self, &gp_dict_keys_type);
}

static gp_obj_t *dict_values_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_dictview_new(self, &gp_dict_values_type);
}

static gp_obj_t *dict_items_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_dictview_new(self, &gp_dict_items_type);
}

static gp_obj_t *dict_reversed_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_dictiter_new(self, 0, 1);
}

static gp_obj_t *dict_contains_m(gp_obj_t *self, gp_obj_t *key)
{
    int c = gp_dict_contains(self, key);
    return c < 0 ? NULL : gp_bool_from(c);
}

static gp_obj_t *dict_getitem_m(gp_obj_t *self, gp_obj_t *key)
{
    return dict_subscript(self, key);
}

static gp_obj_t *dict_sizeof_m(gp_obj_t *self, gp_obj_t *unused)
{
    keys_t *k = D(self)->keys;
    return gp_int_from_ssize((gp_ssize_t)sizeof(gp_dict_t) +
                             (gp_ssize_t)sizeof(keys_t) + k->size * 4 +
                             k->usable * (gp_ssize_t)sizeof(entry_t));
}

static gp_obj_t *dict_fromkeys_m(gp_obj_t *cls, gp_obj_t *const *args,
                                 gp_ssize_t nargs)
{
    if (gp_arg_count("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    gp_obj_t *value = nargs > 1 ? args[1] : GP_NONE;
    gp_obj_t *d = gp_call_noargs(cls);
    if (!d)
        return NULL;
    gp_obj_t *it = gp_iter(args[0]);
    if (!it) {
        GP_DECREF(d);
        return NULL;
    }
    int exact = GP_DICT_CHECK_EXACT(d);
    for (;;) {
        gp_obj_t *k = gp_iter_next(it);
        if (!k)
            break;
        int rc = exact ? gp_dict_setitem(d, k, value)
                       : gp_setitem(d, k, value);
        GP_DECREF(k);
        if (rc < 0) {
            GP_DECREF(it);
            GP_DECREF(d);
            return NULL;
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred()) {
        GP_DECREF(d);
        return NULL;
    }
    return d;
}

static gp_methoddef_t dict_methods[] = {
    {"__contains__", GP_METH_FN(dict_contains_m), GP_METH_O,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", GP_METH_FN(dict_getitem_m), GP_METH_O,
     "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", GP_METH_FN(dict_sizeof_m), GP_METH_NOARGS, NULL},
    {"get", GP_METH_FN(dict_get_m), GP_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", GP_METH_FN(dict_setdefault_m), GP_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", GP_METH_FN(dict_pop_m), GP_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding "
     "value."},
    {"popitem", GP_METH_FN(dict_popitem_m), GP_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", GP_METH_FN(dict_keys_m), GP_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", GP_METH_FN(dict_items_m), GP_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", GP_METH_FN(dict_values_m), GP_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", GP_METH_FN(dict_update_m), GP_METH_FASTCALL | GP_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", GP_METH_FN(dict_fromkeys_m), GP_METH_FASTCALL | GP_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to "
     "value."},
    {"clear", GP_METH_FN(dict_clear_m), GP_METH_NOARGS,
     "D.clear() -> None.  Remove all items from D."},
    {"copy", GP_METH_FN(dict_copy_m), GP_METH_NOARGS,
     "D.copy() -> a shallow copy of D"},
    {"__reversed__", GP_METH_FN(dict_reversed_m), GP_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *dict_or(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_DICT_CHECK(a) || !GP_DICT_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    gp_obj_t *r = GP_DICT_CHECK_EXACT(a) ? gp_dict_copy(a)
                                         : gp_call_method_str(a, "copy", 0);
    if (!r)
        return NULL;
    if (gp_dict_update(r, b) < 0) {
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

static gp_obj_t *dict_ior(gp_obj_t *a, gp_obj_t *b)
{
    if (gp_dict_update(a, b) < 0)
        return NULL;
    return gp_newref(a);
}

static gp_obj_t *dict_new_(gp_type_t *type, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return dict_alloc(type);
}

static int dict_init(gp_obj_t *self, gp_obj_t *const *args,
                     gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError,
                      "dict expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    return update_common(self, args, nargs, kwnames, "dict");
}

static gp_number_methods_t dict_as_number = {
    .binop = {[GP_NB_OR] = dict_or},
    .ibinop = {[GP_NB_OR] = dict_ior},
};

static gp_sequence_methods_t dict_as_sequence = {
    .contains = dict_contains_slot,
};

static gp_mapping_methods_t dict_as_mapping = {
    .length = dict_length,
    .subscript = dict_subscript,
    .ass_subscript = dict_ass_subscript,
};

gp_type_t gp_dict_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "dict",
    .basicsize = sizeof(gp_dict_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE |
             GP_TPFLAGS_DICT_SUBCLASS,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = gp_hash_not_implemented,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .new_ = dict_new_,
    .init = dict_init,
    .traverse = dict_traverse,
    .clear = dict_gc_clear,
    .as_number = &dict_as_number,
    .as_sequence = &dict_as_sequence,
    .as_mapping = &dict_as_mapping,
    .methods = dict_methods,
    .base = &gp_object_type,
    .doc = "dict() -> new empty dictionary\n"
           "dict(mapping) -> new dictionary initialized from a mapping "
           "object's\n    (key, value) pairs\n"
           "dict(iterable) -> new dictionary initialized as if via:\n"
           "    d = {}\n    for k, v in iterable:\n        d[k] = v\n"
           "dict(**kwargs) -> new dictionary initialized with the name=value "
           "pairs\n    in the keyword argument list.  For example:  "
           "dict(one=1, two=2)",
};

int gp_obj_dict_init(void)
{
    if (gp_type_ready(&gp_dict_type) < 0)
        return -1;
    return gp_dict_views_init();
}
