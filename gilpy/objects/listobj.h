/*
** listobj.h — list and tuple.  A list is an over-allocated array of
** references; a tuple holds its items inline and is immutable (the empty
** tuple is immortal and shared).  Both are GC containers; tuples of
** atomic items are untracked by the collector, as CPython does.
** Hash of a tuple: CPython 3.11's xxHash-based one (set orders match).
** Guard: the GIL.  list.sort is stable (merge sort / timsort), checks
** "list modified during sort", and applies key= and reverse=.
*/
#ifndef GP_LISTOBJ_H
#define GP_LISTOBJ_H

#include "object.h"

typedef struct {
    gp_varobj_t ob;         /* ob.size: number of items */
    gp_obj_t **items;
    gp_ssize_t allocated;
} gp_list_t;

typedef struct {
    gp_varobj_t ob;         /* ob.size: number of items */
    gp_hash_t hash;         /* -1 until computed (cache, not in CPython) */
    gp_obj_t *items[1];
} gp_tuple_t;

extern gp_type_t gp_list_type, gp_tuple_type;
#define GP_LIST_CHECK(o)        GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_LIST_SUBCLASS)
#define GP_LIST_CHECK_EXACT(o)  (GP_TYPE(o) == &gp_list_type)
#define GP_TUPLE_CHECK(o)       GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_TUPLE_SUBCLASS)
#define GP_TUPLE_CHECK_EXACT(o) (GP_TYPE(o) == &gp_tuple_type)
#define GP_LIST_ITEMS(o)        (((gp_list_t *)(o))->items)
#define GP_TUPLE_ITEMS(o)       (((gp_tuple_t *)(o))->items)
#define GP_LIST_GET(o, i)       (GP_LIST_ITEMS(o)[i])   /* borrowed */
#define GP_TUPLE_GET(o, i)      (GP_TUPLE_ITEMS(o)[i])  /* borrowed */
/* Fill a fresh tuple / list slot: steals v. */
#define GP_TUPLE_SET(o, i, v)   (GP_TUPLE_ITEMS(o)[i] = (v))
#define GP_LIST_SET(o, i, v)    (GP_LIST_ITEMS(o)[i] = (v))

/* n NULL slots, to be filled with GP_LIST_SET before use. */
gp_obj_t *gp_list_new(gp_ssize_t n);
/* A start/stop argument of index() (list, tuple): None keeps *out, a
** negative one counts from n and is clamped at 0.  0 / -1 (TypeError). */
int gp_index_bound(gp_obj_t *v, gp_ssize_t n, gp_ssize_t *out);
int gp_list_append(gp_obj_t *list, gp_obj_t *v);          /* v borrowed */
int gp_list_extend(gp_obj_t *list, gp_obj_t *iterable);
int gp_list_insert(gp_obj_t *list, gp_ssize_t i, gp_obj_t *v);
gp_obj_t *gp_list_as_tuple(gp_obj_t *list);
int gp_list_sort(gp_obj_t *list, gp_obj_t *key, int reverse);
int gp_list_reverse(gp_obj_t *list);
gp_obj_t *gp_list_from_array(gp_obj_t *const *items, gp_ssize_t n);

/* n NULL slots, to be filled with GP_TUPLE_SET before use (n == 0 gives
** the shared empty tuple). */
gp_obj_t *gp_tuple_new(gp_ssize_t n);
gp_obj_t *gp_tuple_pack(gp_ssize_t n, ...);                 /* borrowed args */
gp_obj_t *gp_tuple_from_array(gp_obj_t *const *items, gp_ssize_t n);
gp_obj_t *gp_tuple_slice(gp_obj_t *t, gp_ssize_t lo, gp_ssize_t hi);
/* Shrink/grow a tuple nobody else has seen yet (*p may move). */
int gp_tuple_resize(gp_obj_t **p, gp_ssize_t n);

/* Shared by the containers (obj_list.c): Py_ReprEnter / Py_ReprLeave on
** the thread's repr_active list.  enter: 1 when o is already being
** repr'd (write "[...]"), 0 when entered, -1 on error. */
int gp_repr_enter(gp_obj_t *o);
void gp_repr_leave(gp_obj_t *o);
/* The list / tuple iterator types (for the VM's FOR_ITER fast paths). */
extern gp_type_t gp_list_iter_type, gp_list_reviter_type, gp_tuple_iter_type;
typedef struct {
    gp_obj_t ob;
    gp_ssize_t index;
    gp_obj_t *seq;          /* NULL once exhausted */
} gp_seq_iter_t;
/* list.sort on an item array (list_sort.c): stable, keys optional. */
int gp_list_sort_impl(gp_obj_t *list, gp_obj_t *key, int reverse);
/* Lexicographic rich comparison of two item arrays (list and tuple). */
gp_obj_t *gp_seq_richcompare(gp_obj_t *const *a, gp_ssize_t na,
                             gp_obj_t *const *b, gp_ssize_t nb, int op);
int gp_obj_list_init(void);
int gp_obj_tuple_init(void);

#endif
