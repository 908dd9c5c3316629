/*
** mod_gc.c — the `gc` module: collect, enable/disable, the thresholds and
** counts of the three generations, get_objects, is_tracked, gc.garbage
** and gc.callbacks (the lists live in the interpreter's gp_gcstate_t, the
** module holds the same objects).  The collector itself is objects/gc.c.
** Guard: the GIL.
*/
#include "modules/mod_gc.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

static gp_gcstate_t *gcs(void)
{
    return &gp_icur()->gc;
}

/* An int argument as a C int, with int()'s messages. */
static int int_arg(gp_obj_t *v, int *out)
{
    gp_ssize_t n = gp_number_as_ssize_t(v, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return -1;
    if (n > 0x7fffffff || n < -0x7fffffff - 1) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

static gp_obj_t *gc_collect_fn(gp_obj_t *m, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    gp_obj_t *a[1] = {NULL};
    if (gp_arg_parse("collect", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int gen = GP_GC_GENERATIONS - 1;
    if (a[0] && int_arg(a[0], &gen) < 0)
        return NULL;
    if (gen < 0 || gen >= GP_GC_GENERATIONS)
        return gp_err_format(&gp_exc_ValueError, "invalid generation");
    return gp_int_from_ssize(gp_gc_collect(gen));
}

static gp_obj_t *gc_enable(gp_obj_t *m, gp_obj_t *unused)
{
    gcs()->enabled = 1;
    GP_RETURN_NONE;
}

static gp_obj_t *gc_disable(gp_obj_t *m, gp_obj_t *unused)
{
    gcs()->enabled = 0;
    GP_RETURN_NONE;
}

static gp_obj_t *gc_isenabled(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_bool_from(gcs()->enabled);
}

static gp_obj_t *int_triple(gp_ssize_t a, gp_ssize_t b, gp_ssize_t c)
{
    gp_obj_t *x = gp_int_from_ssize(a), *y = gp_int_from_ssize(b);
    gp_obj_t *z = gp_int_from_ssize(c);
    gp_obj_t *t = x && y && z ? gp_tuple_pack(3, x, y, z) : NULL;
    GP_XDECREF(x);
    GP_XDECREF(y);
    GP_XDECREF(z);
    return t;
}

static gp_obj_t *gc_get_count(gp_obj_t *m, gp_obj_t *unused)
{
    gp_gcstate_t *gc = gcs();
    return int_triple(gc->gen[0].count, gc->gen[1].count, gc->gen[2].count);
}

static gp_obj_t *gc_get_threshold(gp_obj_t *m, gp_obj_t *unused)
{
    gp_gcstate_t *gc = gcs();
    return int_triple(gc->gen[0].threshold, gc->gen[1].threshold,
                      gc->gen[2].threshold);
}

static gp_obj_t *gc_set_threshold(gp_obj_t *m, gp_obj_t *const *args,
                                  gp_ssize_t nargs)
{
    if (nargs < 1)
        return gp_err_format(&gp_exc_TypeError, "set_threshold() takes at "
                             "least 1 argument (%zd given)", nargs);
    if (nargs > GP_GC_GENERATIONS)
        return gp_err_format(&gp_exc_TypeError, "set_threshold() takes at "
                             "most 3 arguments (%zd given)", nargs);
    int v[GP_GC_GENERATIONS];
    for (gp_ssize_t i = 0; i < nargs; i++)
        if (int_arg(args[i], &v[i]) < 0)
            return NULL;
    gp_gcstate_t *gc = gcs();
    for (gp_ssize_t i = 0; i < nargs; i++)
        gc->gen[i].threshold = v[i];
    GP_RETURN_NONE;
}

static int append_list(gp_obj_t *out, gp_gchead_t *l, gp_obj_t *skip)
{
    if (!l->next)
        return 0;
    for (gp_gchead_t *h = l->next; h != l; h = h->next) {
        gp_obj_t *o = GP_GC_OBJ(h);
        if (o != skip && gp_list_append(out, o) < 0)
            return -1;
    }
    return 0;
}

static gp_obj_t *gc_get_objects(gp_obj_t *m, gp_obj_t *const *args,
                                gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    gp_obj_t *a[1] = {NULL};
    if (gp_arg_parse("get_objects", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int gen = -1;
    if (a[0] && a[0] != GP_NONE) {
        if (int_arg(a[0], &gen) < 0)
            return NULL;
        if (gen >= GP_GC_GENERATIONS)
            return gp_err_format(&gp_exc_ValueError, "generation parameter "
                                 "must be less than the number of available "
                                 "generations (%i)", GP_GC_GENERATIONS);
        if (gen < 0)
            return gp_err_format(&gp_exc_ValueError, "generation parameter "
                                 "cannot be negative");
    }
    /* The result list is new and tracked (in generation 0): leave it out,
    ** as CPython does. */
    gp_obj_t *out = gp_list_new(0);
    if (!out)
        return NULL;
    gp_gcstate_t *gc = gcs();
    for (int i = 0; i < GP_GC_GENERATIONS; i++) {
        if (gen >= 0 && i != gen)
            continue;
        if (append_list(out, &gc->gen[i].head, out) < 0) {
            GP_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static gp_obj_t *gc_is_tracked(gp_obj_t *m, gp_obj_t *o)
{
    return gp_bool_from(gp_gc_is_tracked(o));
}

static gp_obj_t *gc_is_finalized(gp_obj_t *m, gp_obj_t *o)
{
    return gp_bool_from(GP_IS_GC(o) && gp_gc_is_tracked(o) &&
                        gp_gc_finalized(o));
}

static int visit_append(gp_obj_t *o, void *arg)
{
    return gp_list_append((gp_obj_t *)arg, o) < 0 ? -1 : 0;
}

static gp_obj_t *gc_get_referents(gp_obj_t *m, gp_obj_t *const *args,
                                  gp_ssize_t nargs)
{
    gp_obj_t *out = gp_list_new(0);
    if (!out)
        return NULL;
    for (gp_ssize_t i = 0; i < nargs; i++) {
        gp_obj_t *o = args[i];
        if (!GP_IS_GC(o) || !GP_TYPE(o)->traverse)
            continue;
        if (GP_TYPE(o)->traverse(o, visit_append, out) < 0) {
            GP_DECREF(out);
            return NULL;
        }
    }
    return out;
}

typedef struct {
    gp_obj_t *const *targets;
    gp_ssize_t n;
    int hit;
} referrer_search_t;

static int visit_find(gp_obj_t *o, void *arg)
{
    referrer_search_t *s = arg;
    for (gp_ssize_t i = 0; i < s->n; i++)
        if (s->targets[i] == o) {
            s->hit = 1;
            return 1;
        }
    return 0;
}

static gp_obj_t *gc_get_referrers(gp_obj_t *m, gp_obj_t *const *args,
                                  gp_ssize_t nargs)
{
    gp_obj_t *all = gp_list_new(0);
    if (!all)
        return NULL;
    gp_gcstate_t *gc = gcs();
    for (int i = 0; i < GP_GC_GENERATIONS; i++)
        if (append_list(all, &gc->gen[i].head, all) < 0) {
            GP_DECREF(all);
            return NULL;
        }
    gp_obj_t *out = gp_list_new(0);
    for (gp_ssize_t i = 0; out && i < GP_SIZE(all); i++) {
        gp_obj_t *o = GP_LIST_ITEMS(all)[i];
        referrer_search_t s = {args, nargs, 0};
        if (GP_TYPE(o)->traverse)
            GP_TYPE(o)->traverse(o, visit_find, &s);
        if (s.hit && gp_list_append(out, o) < 0)
            GP_CLEAR(out);
    }
    GP_DECREF(all);
    return out;
}

static gp_obj_t *gc_get_stats(gp_obj_t *m, gp_obj_t *unused)
{
    gp_gcstate_t *gc = gcs();
    gp_obj_t *out = gp_list_new(0);
    for (int i = 0; out && i < GP_GC_GENERATIONS; i++) {
        gp_obj_t *d = gp_dict_new();
        gp_obj_t *a = gp_int_from_ssize(gc->collections[i]);
        gp_obj_t *b = gp_int_from_ssize(gc->collected[i]);
        gp_obj_t *c = gp_int_from_ssize(gc->uncollectable[i]);
        int bad = !d || !a || !b || !c ||
                  gp_dict_setitem_str(d, "collections", a) < 0 ||
                  gp_dict_setitem_str(d, "collected", b) < 0 ||
                  gp_dict_setitem_str(d, "uncollectable", c) < 0 ||
                  gp_list_append(out, d) < 0;
        GP_XDECREF(d);
        GP_XDECREF(a);
        GP_XDECREF(b);
        GP_XDECREF(c);
        if (bad)
            GP_CLEAR(out);
    }
    return out;
}

static gp_obj_t *gc_freeze(gp_obj_t *m, gp_obj_t *unused)
{
    gp_gcstate_t *gc = gcs();
    gp_gchead_t *perm = &gc->permanent.head;
    if (!perm->next)
        perm->next = perm->prev = perm;
    for (int i = 0; i < GP_GC_GENERATIONS; i++) {
        gp_gchead_t *l = &gc->gen[i].head;
        if (!l->next || l->next == l)
            continue;
        /* splice the whole generation onto the permanent list */
        gp_gchead_t *tail = perm->prev;
        tail->next = l->next;
        l->next->prev = tail;
        perm->prev = l->prev;
        perm->prev->next = perm;
        l->next = l->prev = l;
        gc->gen[i].count = 0;
    }
    GP_RETURN_NONE;
}

static gp_obj_t *gc_unfreeze(gp_obj_t *m, gp_obj_t *unused)
{
    gp_gcstate_t *gc = gcs();
    gp_gchead_t *perm = &gc->permanent.head, *l = &gc->gen[2].head;
    if (perm->next && perm->next != perm && l->next) {
        gp_gchead_t *tail = l->prev;
        tail->next = perm->next;
        perm->next->prev = tail;
        l->prev = perm->prev;
        l->prev->next = l;
        perm->next = perm->prev = perm;
    }
    GP_RETURN_NONE;
}

static gp_obj_t *gc_get_freeze_count(gp_obj_t *m, gp_obj_t *unused)
{
    gp_gchead_t *perm = &gcs()->permanent.head;
    gp_ssize_t n = 0;
    if (perm->next)
        for (gp_gchead_t *h = perm->next; h != perm; h = h->next)
            n++;
    return gp_int_from_ssize(n);
}

static gp_methoddef_t gc_functions[] = {
    {"collect", GP_METH_FN(gc_collect_fn), GP_METH_FASTCALL | GP_METH_KEYWORDS,
     "Run the garbage collector."},
    {"enable", gc_enable, GP_METH_NOARGS, "Enable automatic collection."},
    {"disable", gc_disable, GP_METH_NOARGS, "Disable automatic collection."},
    {"isenabled", gc_isenabled, GP_METH_NOARGS,
     "Returns true if automatic collection is enabled."},
    {"get_count", gc_get_count, GP_METH_NOARGS,
     "Return the current collection counts."},
    {"get_threshold", gc_get_threshold, GP_METH_NOARGS,
     "Return the current collection thresholds."},
    {"set_threshold", GP_METH_FN(gc_set_threshold), GP_METH_FASTCALL,
     "Set the collection thresholds."},
    {"get_objects", GP_METH_FN(gc_get_objects),
     GP_METH_FASTCALL | GP_METH_KEYWORDS,
     "Return a list of objects tracked by the collector."},
    {"is_tracked", gc_is_tracked, GP_METH_O,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, GP_METH_O,
     "Returns true if the object has been already finalized by the GC."},
    {"get_referents", GP_METH_FN(gc_get_referents), GP_METH_FASTCALL,
     "Return the list of objects that are directly referred to by objs."},
    {"get_referrers", GP_METH_FN(gc_get_referrers), GP_METH_FASTCALL,
     "Return the list of objects that directly refer to any of objs."},
    {"get_stats", gc_get_stats, GP_METH_NOARGS,
     "Return a list of dictionaries containing per-generation statistics."},
    {"freeze", gc_freeze, GP_METH_NOARGS,
     "Freeze all current tracked objects and ignore them for future "
     "collections."},
    {"unfreeze", gc_unfreeze, GP_METH_NOARGS,
     "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, GP_METH_NOARGS,
     "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

static int gc_exec(gp_obj_t *m)
{
    gp_gcstate_t *gc = gcs();
    if (!gc->garbage && !(gc->garbage = gp_list_new(0)))
        return -1;
    if (!gc->callbacks && !(gc->callbacks = gp_list_new(0)))
        return -1;
    if (gp_module_add(m, "garbage", gc->garbage) < 0 ||
        gp_module_add(m, "callbacks", gc->callbacks) < 0 ||
        gp_module_add_int(m, "DEBUG_STATS", 1) < 0 ||
        gp_module_add_int(m, "DEBUG_COLLECTABLE", 2) < 0 ||
        gp_module_add_int(m, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        gp_module_add_int(m, "DEBUG_SAVEALL", 32) < 0 ||
        gp_module_add_int(m, "DEBUG_LEAK", 38) < 0)
        return -1;
    return 0;
}

const gp_moduledef_t gp_mod_gc = {
    .name = "gc",
    .doc = "This module provides access to the garbage collector for "
           "reference cycles.",
    .methods = gc_functions,
    .exec = gc_exec,
};
