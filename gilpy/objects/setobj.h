/*
** setobj.h — set and frozenset: a hash table of keys laid out and probed
** exactly as CPython 3.11's (same table sizes, linear probes then
** perturbation, same growth), so iteration order and repr match CPython
** for the same hashes.  frozenset is hashable (CPython's algorithm), and
** the empty frozenset is immortal.  Guard: the GIL.
*/
#ifndef GP_SETOBJ_H
#define GP_SETOBJ_H

#include "object.h"

extern gp_type_t gp_set_type, gp_frozenset_type;
#define GP_ANYSET_CHECK(o) \
    (GP_ISINSTANCE_OF(o, &gp_set_type) || GP_ISINSTANCE_OF(o, &gp_frozenset_type))

gp_obj_t *gp_set_new(gp_obj_t *iterable);        /* iterable may be NULL */
gp_obj_t *gp_frozenset_new(gp_obj_t *iterable);
int gp_set_add(gp_obj_t *set, gp_obj_t *key);
int gp_set_discard(gp_obj_t *set, gp_obj_t *key); /* 1 found, 0 not, -1 */
int gp_set_contains(gp_obj_t *set, gp_obj_t *key);
gp_ssize_t gp_set_size(gp_obj_t *set);
/* Iterate: pos starts at 0; borrowed key and its hash; 0 at the end. */
int gp_set_next(gp_obj_t *set, gp_ssize_t *pos, gp_obj_t **key,
                gp_hash_t *hash);
int gp_set_update(gp_obj_t *set, gp_obj_t *iterable);

int gp_obj_set_init(void);

#endif
