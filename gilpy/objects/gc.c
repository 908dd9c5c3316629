/*
** gc.c — the generational cycle collector (gc.h).  Reference counting
** frees whatever is not in a cycle; this file finds the cycles among the
** tracked container objects and breaks them.
**
** Every GC object has a gp_gchead_t in front of it.  While tracked it sits
** on one of the three generation lists of its interpreter (gp_gcstate_t in
** gp_interp_t).  A collection of generation g takes generations 0..g,
** computes for each object how many references come from outside that set
** (refcnt minus the references found by traversing the set), keeps what is
** reachable from an object with outside references, and treats the rest as
** garbage: finalizers first (PEP 442: each at most once, and whatever they
** resurrect survives), then the `clear` slots, which break the cycles so
** reference counting frees the objects.
**
** Guard: the GIL of the interpreter that owns the objects.  Finalizers and
** clear slots run arbitrary code (which may switch threads, free other
** garbage, track new objects, or start another collection), so the
** collector only ever takes the first element of a list and never keeps a
** cursor across such a call; an object freed meanwhile unlinks itself
** through gp_gc_untrack.  A collection keeps its objects on lists of its
** own, tagged with its own token, so collections that interleave that way
** never see each other's objects.
*/
#include <stdlib.h>
#include <string.h>

#include "objects/gc.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

/* gp_gchead_t.flags: two bits, and above them the token of the
** collection whose set the object is in (0: none).  The token is the
** address of that collection's list sentinel (aligned, so its low bits are
** free): collections of different threads may interleave while one runs
** finalizers (which can switch threads), and each sees only its own set. */
enum {
    GC_FINALIZED   = 1u << 0,   /* the finalizer has run (PEP 442) */
    GC_UNREACHABLE = 1u << 1,   /* tentatively unreachable (scan phase) */
    GC_BITS        = 7u,
};
#define TOKEN(l) ((uintptr_t)(l))

/* Collections in progress at once (gp_gcstate_t.collecting counts them):
** one thread's may be paused in a finalizer while another thread, or a
** finalizer itself, collects; beyond this depth a request is dropped. */
#define GC_MAX_NESTED 4

/* Static objects (built-in types, the empty tuple ...) are immortal and
** have no gc header in front; the collector must never look at one. */
static inline int collectable(gp_obj_t *o)
{
    return GP_IS_GC(o) && o->refcnt < (GP_IMMORTAL_REFCNT >> 1);
}

/* ---- lists ---------------------------------------------------------------- */

static inline void list_init(gp_gchead_t *l)
{
    l->next = l->prev = l;
}

static inline int list_empty(gp_gchead_t *l)
{
    return l->next == l;
}

static inline void list_append(gp_gchead_t *h, gp_gchead_t *l)
{
    gp_gchead_t *last = l->prev;
    h->prev = last;
    h->next = l;
    last->next = h;
    l->prev = h;
}

static inline void list_unlink(gp_gchead_t *h)
{
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = NULL;
}

static inline void list_move(gp_gchead_t *h, gp_gchead_t *to)
{
    h->prev->next = h->next;
    h->next->prev = h->prev;
    list_append(h, to);
}

/* Append all of `from` to `to`, leaving `from` empty. */
static void list_merge(gp_gchead_t *from, gp_gchead_t *to)
{
    if (list_empty(from))
        return;
    gp_gchead_t *tail = to->prev;
    tail->next = from->next;
    from->next->prev = tail;
    to->prev = from->prev;
    to->prev->next = to;
    list_init(from);
}

/* ---- state ---------------------------------------------------------------- */

/* The collector of the calling thread's interpreter, or NULL before any
** thread is attached (static initialisation). */
static inline gp_gcstate_t *gc_cur(void)
{
    gil_tstate_t *ts = gil_tstate_current();
    if (!ts)
        return NULL;
    gp_thread_t *t = gil_tstate_data(ts);
    return t && t->interp ? &t->interp->gc : NULL;
}

static void gc_lists_init(gp_gcstate_t *gc)
{
    if (gc->gen[0].head.next)
        return;
    for (int i = 0; i < GP_GC_GENERATIONS; i++)
        list_init(&gc->gen[i].head);
    list_init(&gc->permanent.head);
}

void gp_gc_init(struct gp_interp *interp)
{
    gp_gcstate_t *gc = &interp->gc;
    gc_lists_init(gc);
    gc->gen[0].threshold = 700;
    gc->gen[1].threshold = 10;
    gc->gen[2].threshold = 10;
    gc->enabled = 1;
}

/* ---- memory and tracking -------------------------------------------------- */

gp_obj_t *gp_gc_malloc(size_t basicsize)
{
    gp_gchead_t *h = malloc(sizeof(gp_gchead_t) + basicsize);
    if (!h)
        return NULL;
    h->next = h->prev = NULL;
    h->gc_refs = 0;
    h->flags = 0;
    gil_tstate_t *ts = gil_tstate_current();
    gp_thread_t *t = ts ? gil_tstate_data(ts) : NULL;
    if (t && t->interp) {
        gp_gcstate_t *gc = &t->interp->gc;
        gp_gcgen_t *g0 = &gc->gen[0];
        if (++g0->count > g0->threshold && g0->threshold && gc->enabled &&
            gc->collecting < GC_MAX_NESTED)
            gil_breaker_set(ts, GP_BREAK_GC);
    }
    return GP_GC_OBJ(h);
}

gp_obj_t *gp_gc_resize(gp_obj_t *o, size_t newsize)
{
    gp_gchead_t *h = GP_GC_HEAD(o);
    int tracked = h->next != NULL;
    gp_gchead_t *prev = h->prev, *next = h->next;
    gp_gchead_t *n = realloc(h, sizeof(gp_gchead_t) + newsize);
    if (!n)
        return NULL;
    if (tracked) {
        /* Should not happen (untracked only), but keep the list sound. */
        prev->next = n;
        next->prev = n;
    }
    return GP_GC_OBJ(n);
}

void gp_gc_free(gp_obj_t *o)
{
    gp_gchead_t *h = GP_GC_HEAD(o);
    if (h->next)
        list_unlink(h);
    gp_gcstate_t *gc = gc_cur();
    if (gc && gc->gen[0].count > 0)
        gc->gen[0].count--;
    free(h);
}

void gp_gc_track(gp_obj_t *o)
{
    gp_gchead_t *h = GP_GC_HEAD(o);
    if (h->next)
        return;
    gp_gcstate_t *gc = gc_cur();
    if (!gc)
        return;     /* before the interpreter: stays untracked, immortal */
    gc_lists_init(gc);
    h->flags &= GC_FINALIZED;
    list_append(h, &gc->gen[0].head);
}

void gp_gc_untrack(gp_obj_t *o)
{
    gp_gchead_t *h = GP_GC_HEAD(o);
    if (h->next)
        list_unlink(h);
    h->flags &= GC_FINALIZED;
}

int gp_gc_is_tracked(gp_obj_t *o)
{
    return collectable(o) && GP_GC_HEAD(o)->next != NULL;
}

int gp_gc_finalized(gp_obj_t *o)
{
    if (!collectable(o))
        return 0;
    return (GP_GC_HEAD(o)->flags & GC_FINALIZED) != 0;
}

void gp_gc_set_finalized(gp_obj_t *o)
{
    if (!collectable(o))
        return;
    GP_GC_HEAD(o)->flags |= GC_FINALIZED;
}

/* ---- collection ----------------------------------------------------------- */

/* Only objects of the set being collected take part; everything else
** (older generations, untracked objects, static objects) counts as
** outside. */
static inline gp_gchead_t *in_set(gp_obj_t *o, uintptr_t token)
{
    if (!collectable(o))
        return NULL;
    gp_gchead_t *h = GP_GC_HEAD(o);
    return h->next && (h->flags & ~(uintptr_t)GC_BITS) == token ? h : NULL;
}

static int visit_decref(gp_obj_t *o, void *arg)
{
    gp_gchead_t *h = in_set(o, TOKEN(arg));
    if (h)
        h->gc_refs--;
    return 0;
}

static void traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_traverse_fn tr = GP_TYPE(o)->traverse;
    if (tr)
        tr(o, visit, arg);
}

/* gc_refs = the references from outside the list; marks the list as the
** set being collected. */
static gp_ssize_t count_outside_refs(gp_gchead_t *l)
{
    gp_ssize_t n = 0;
    for (gp_gchead_t *h = l->next; h != l; h = h->next) {
        h->gc_refs = GP_GC_OBJ(h)->refcnt;
        h->flags = (h->flags & GC_FINALIZED) | TOKEN(l);
        n++;
    }
    for (gp_gchead_t *h = l->next; h != l; h = h->next)
        traverse(GP_GC_OBJ(h), visit_decref, l);
    return n;
}

/* An object referenced by a reachable one is reachable: if the scan had
** already put it aside, it goes back to the end of the list being scanned
** (so its own referents get scanned too). */
static int visit_reachable(gp_obj_t *o, void *arg)
{
    gp_gchead_t *h = in_set(o, TOKEN(arg));
    if (!h)
        return 0;
    if (h->flags & GC_UNREACHABLE) {
        h->flags &= ~(uintptr_t)GC_UNREACHABLE;
        h->gc_refs = 1;
        list_move(h, (gp_gchead_t *)arg);
    } else if (h->gc_refs <= 0) {
        /* <= rather than ==: a traverse that visits one reference twice
        ** (a subclass's and its base's traverse both visiting the dict)
        ** drives the count below zero; it is still reachable. */
        h->gc_refs = 1;
    }
    return 0;
}

/* Splits l: what is reachable from outside stays in l, the rest moves to
** `unreachable` (still tagged with l's token, GC_UNREACHABLE cleared).
** Returns how many are unreachable. */
static gp_ssize_t move_unreachable(gp_gchead_t *l, gp_gchead_t *unreachable)
{
    gp_gchead_t *h = l->next;
    while (h != l) {
        if (h->gc_refs > 0) {
            traverse(GP_GC_OBJ(h), visit_reachable, l);
            h = h->next;
        } else {
            gp_gchead_t *next = h->next;
            h->flags |= GC_UNREACHABLE;
            list_move(h, unreachable);
            h = next;
        }
    }
    gp_ssize_t n = 0;
    for (h = unreachable->next; h != unreachable; h = h->next) {
        h->flags &= ~(uintptr_t)GC_UNREACHABLE;
        n++;
    }
    return n;
}

static void end_collecting(gp_gchead_t *l)
{
    for (gp_gchead_t *h = l->next; h != l; h = h->next)
        h->flags &= GC_FINALIZED;
}

/* PEP 442: each finalizer once.  The object moves to `done` before its
** finalizer runs, so an object freed by some finalizer simply leaves the
** list it is on. */
static void run_finalizers(gp_gchead_t *unreachable)
{
    gp_gchead_t done;
    list_init(&done);
    while (!list_empty(unreachable)) {
        gp_gchead_t *h = unreachable->next;
        list_move(h, &done);
        gp_obj_t *o = GP_GC_OBJ(h);
        gp_destructor_fn fin = GP_TYPE(o)->finalize;
        if (!fin || (h->flags & GC_FINALIZED))
            continue;
        h->flags |= GC_FINALIZED;
        GP_INCREF(o);
        fin(o);
        if (gp_err_occurred())
            gp_err_write_unraisable(o);
        GP_DECREF(o);
    }
    list_merge(&done, unreachable);
}

/* After finalizers: whatever they made reachable again survives (with
** everything it references).  Survivors go to `old`. */
static void keep_resurrected(gp_gchead_t *unreachable, gp_gchead_t *garbage,
                             gp_gchead_t *old)
{
    count_outside_refs(unreachable);
    move_unreachable(unreachable, garbage);
    end_collecting(unreachable);
    list_merge(unreachable, old);
}

/* Break the cycles.  An object that survives its clear (something still
** references it) ends up in the old generation. */
static void clear_garbage(gp_gchead_t *garbage, gp_gchead_t *old)
{
    while (!list_empty(garbage)) {
        gp_gchead_t *h = garbage->next;
        gp_obj_t *o = GP_GC_OBJ(h);
        h->flags &= GC_FINALIZED;
        list_move(h, old);
        gp_inquiry_fn clr = GP_TYPE(o)->clear;
        if (!clr)
            continue;
        GP_INCREF(o);
        clr(o);
        if (gp_err_occurred())
            gp_err_write_unraisable(o);
        GP_DECREF(o);
    }
}

static gp_ssize_t collect(gp_gcstate_t *gc, int generation)
{
    gp_gchead_t young, unreachable, garbage;
    list_init(&young);
    list_init(&unreachable);
    list_init(&garbage);

    /* Take generations 0..g off their lists so objects tracked by code the
    ** finalizers run land in a fresh generation 0, outside this set. */
    for (int i = 0; i <= generation; i++) {
        list_merge(&gc->gen[i].head, &young);
        gc->gen[i].count = 0;
    }
    if (generation + 1 < GP_GC_GENERATIONS)
        gc->gen[generation + 1].count++;
    gp_gchead_t *old = generation + 1 < GP_GC_GENERATIONS
                       ? &gc->gen[generation + 1].head
                       : &gc->gen[generation].head;

    gp_ssize_t total = count_outside_refs(&young);
    gp_ssize_t found = move_unreachable(&young, &unreachable);
    end_collecting(&young);
    if (generation == GP_GC_GENERATIONS - 2) {
        gc->long_lived_pending += total - found;
    } else if (generation == GP_GC_GENERATIONS - 1) {
        gc->long_lived_total = total - found;
        gc->long_lived_pending = 0;
    }
    list_merge(&young, old);

    if (found) {
        run_finalizers(&unreachable);
        keep_resurrected(&unreachable, &garbage, old);
        clear_garbage(&garbage, old);
    }
    gc->collections[generation]++;
    gc->collected[generation] += found;
    return found;
}

/* gc.callbacks: each called with ("start" | "stop", info dict). */
static void invoke_callbacks(gp_gcstate_t *gc, const char *phase,
                             int generation, gp_ssize_t collected)
{
    if (!gc->callbacks || !GP_LIST_CHECK(gc->callbacks) ||
        GP_SIZE(gc->callbacks) == 0)
        return;
    gp_obj_t *info = gp_dict_new();
    gp_obj_t *ph = gp_str_from_cstr(phase);
    gp_obj_t *gen = gp_int_from_i64(generation);
    gp_obj_t *col = gp_int_from_i64(collected);
    gp_obj_t *unc = gp_int_from_i64(0);
    if (!info || !ph || !gen || !col || !unc ||
        gp_dict_setitem_str(info, "generation", gen) < 0 ||
        gp_dict_setitem_str(info, "collected", col) < 0 ||
        gp_dict_setitem_str(info, "uncollectable", unc) < 0) {
        gp_err_write_unraisable(NULL);
    } else {
        /* A callback may change the list: call a snapshot. */
        gp_obj_t *cbs = gp_list_as_tuple(gc->callbacks);
        for (gp_ssize_t i = 0; cbs && i < GP_SIZE(cbs); i++) {
            gp_obj_t *r = gp_call_args(GP_TUPLE_GET(cbs, i), 2, ph, info);
            if (r)
                GP_DECREF(r);
            else
                gp_err_write_unraisable(GP_TUPLE_GET(cbs, i));
        }
        if (!cbs)
            gp_err_write_unraisable(NULL);
        GP_XDECREF(cbs);
    }
    GP_XDECREF(info);
    GP_XDECREF(ph);
    GP_XDECREF(gen);
    GP_XDECREF(col);
    GP_XDECREF(unc);
}

static gp_ssize_t collect_with_callbacks(gp_gcstate_t *gc, int generation)
{
    gc->collecting++;
    /* The collection must not see (or lose) an exception in flight. */
    gp_obj_t *saved = gp_err_fetch();
    invoke_callbacks(gc, "start", generation, 0);
    gp_ssize_t n = collect(gc, generation);
    invoke_callbacks(gc, "stop", generation, n);
    gp_err_restore(saved);
    gc->collecting--;
    /* Finalizers may have let other threads run, and what they allocated
    ** meanwhile could not schedule a collection: catch up at the next
    ** poll. */
    gp_gcgen_t *g0 = &gc->gen[0];
    gil_tstate_t *ts = gil_tstate_current();
    if (ts && gc->enabled && g0->threshold && g0->count > g0->threshold)
        gil_breaker_set(ts, GP_BREAK_GC);
    return n;
}

gp_ssize_t gp_gc_collect(int generation)
{
    gp_gcstate_t *gc = gc_cur();
    if (!gc || gc->collecting >= GC_MAX_NESTED)
        return 0;
    if (generation < 0)
        generation = 0;
    if (generation >= GP_GC_GENERATIONS)
        generation = GP_GC_GENERATIONS - 1;
    gc_lists_init(gc);
    return collect_with_callbacks(gc, generation);
}

void gp_gc_collect_scheduled(void)
{
    gp_gcstate_t *gc = gc_cur();
    if (!gc || gc->collecting >= GC_MAX_NESTED || !gc->enabled)
        return;
    gc_lists_init(gc);
    for (int i = GP_GC_GENERATIONS - 1; i >= 0; i--) {
        gp_gcgen_t *g = &gc->gen[i];
        if (g->count <= g->threshold || !g->threshold)
            continue;
        /* As CPython: a full collection only once the objects that
        ** survived the middle generation since the last one amount to a
        ** quarter of the long-lived ones, so it stays linear overall. */
        if (i == GP_GC_GENERATIONS - 1 &&
            gc->long_lived_pending < gc->long_lived_total / 4)
            continue;
        collect_with_callbacks(gc, i);
        break;
    }
}

void gp_gc_fini(struct gp_interp *interp)
{
    gp_gcstate_t *gc = &interp->gc;
    if (gc->gen[0].head.next && !gc->collecting)
        collect_with_callbacks(gc, GP_GC_GENERATIONS - 1);
    /* What is left stays allocated: freeing objects that something may
    ** still reference is not worth the risk at exit. */
    GP_CLEAR(gc->garbage);
    GP_CLEAR(gc->callbacks);
}
