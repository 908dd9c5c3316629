/*
** gc.h — the cycle collector's interface: allocation of container objects
** with a GC header in front, tracking, and collection.  Reference counting
** frees everything that is not in a cycle; this collector finds the
** cycles.  Three generations per interpreter (gp_gcstate_t lives in
** gp_interp_t), CPython's algorithm: subtract internal references,
** what keeps a positive count is reachable from outside, the rest is
** garbage; finalizers (__del__) run once (PEP 442), then `clear` slots
** break the cycles.
**
** Guard: the GIL of the interpreter that owns the objects.  Collections
** are triggered by allocation counts through the eval breaker bit
** GP_BREAK_GC (state.h), never from inside an allocation, so a collection
** only runs at a point where the VM can run arbitrary code.
*/
#ifndef GP_GC_H
#define GP_GC_H

#include "object.h"

/* Lives just before every GC object.  The link is the generation list
** while tracked; gc_refs is the collector's scratch count. */
typedef struct gp_gchead {
    struct gp_gchead *next, *prev;  /* NULL while untracked */
    gp_ssize_t gc_refs;
    uintptr_t flags;                /* finalized, collecting, ... */
} gp_gchead_t;

#define GP_GC_HEAD(o)  ((gp_gchead_t *)(o) - 1)
#define GP_GC_OBJ(h)   ((gp_obj_t *)((gp_gchead_t *)(h) + 1))
#define GP_IS_GC(o)    ((GP_TYPE(o)->flags & GP_TPFLAGS_HAVE_GC) != 0)

#define GP_GC_GENERATIONS 3

typedef struct {
    gp_gchead_t head;               /* list sentinel */
    int threshold;
    int count;
} gp_gcgen_t;

/* Per interpreter, guarded by its GIL. */
typedef struct gp_gcstate {
    gp_gcgen_t gen[GP_GC_GENERATIONS];
    gp_gcgen_t permanent;           /* gc.freeze() (not used yet) */
    int enabled;
    int collecting;                 /* re-entrancy guard */
    gp_ssize_t long_lived_total, long_lived_pending;
    gp_obj_t *garbage;              /* gc.garbage list, or NULL */
    gp_obj_t *callbacks;            /* gc.callbacks list, or NULL */
    gp_ssize_t collections[GP_GC_GENERATIONS];
    gp_ssize_t collected[GP_GC_GENERATIONS];
    gp_ssize_t uncollectable[GP_GC_GENERATIONS];
} gp_gcstate_t;

struct gp_interp;
void gp_gc_init(struct gp_interp *interp);
/* At interpreter exit: final collection, then frees what is left. */
void gp_gc_fini(struct gp_interp *interp);

/* Memory with a header in front, for gp_type_alloc of HAVE_GC types; the
** object is not tracked.  Counts towards generation 0. */
gp_obj_t *gp_gc_malloc(size_t basicsize);
/* Resize (var-sized GC objects only, untracked). */
gp_obj_t *gp_gc_resize(gp_obj_t *o, size_t newsize);
void gp_gc_free(gp_obj_t *o);

/* Start / stop following o (as PyObject_GC_Track / UnTrack).  A
** dealloc untracks first thing, before it drops references. */
void gp_gc_track(gp_obj_t *o);
void gp_gc_untrack(gp_obj_t *o);
int gp_gc_is_tracked(gp_obj_t *o);

/* PEP 442: a finalizer (__del__) runs at most once per object. */
int gp_gc_finalized(gp_obj_t *o);
void gp_gc_set_finalized(gp_obj_t *o);

/* gc.collect(generation): the number of unreachable objects found. */
gp_ssize_t gp_gc_collect(int generation);
/* The breaker's GP_BREAK_GC handler: collect what the thresholds say. */
void gp_gc_collect_scheduled(void);

#endif
