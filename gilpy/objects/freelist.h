/*
** freelist.h — short per-thread lists of freed objects of one fixed size
** (floats, word-sized ints), kept for reuse: arithmetic loops allocate one
** result per operation, and malloc + free cost more than the arithmetic.
** A list lives in its thread's gp_thread_t and only that thread touches
** it (gp_thread_clear frees it, with the GIL), so it needs no lock and no
** shared static.  While an object waits on a list its type field links
** the list.
*/
#ifndef GP_FREELIST_H
#define GP_FREELIST_H

#include <stdlib.h>

#include "object.h"

#define GP_FREELIST_MAX 100     /* objects kept per list */

typedef struct {
    gp_obj_t *head;
    int n;
} gp_freelist_t;

/* A freed object's memory, or NULL when the list is empty. */
static inline void *gp_freelist_pop(gp_freelist_t *fl)
{
    gp_obj_t *o = fl->head;
    if (o) {
        fl->head = (gp_obj_t *)o->type;
        fl->n--;
    }
    return o;
}

/* Keep o (memory from malloc) for reuse: 1, or 0 when the list is full
** and the caller must free it. */
static inline int gp_freelist_push(gp_freelist_t *fl, gp_obj_t *o)
{
    if (fl->n >= GP_FREELIST_MAX)
        return 0;
    o->type = (gp_type_t *)fl->head;
    fl->head = o;
    fl->n++;
    return 1;
}

static inline void gp_freelist_clear(gp_freelist_t *fl)
{
    void *o;
    while ((o = gp_freelist_pop(fl)))
        free(o);
}

#endif
