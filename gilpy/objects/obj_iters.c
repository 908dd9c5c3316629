/*
** obj_iters.c — the built-in iterator types that wrap other iterables:
** enumerate, zip (strict=), map, filter, reversed, the sequence iterator
** (iter() over a class with only __getitem__) and the callable iterator
** (iter(f, sentinel)).  Guard: the GIL.
*/
#include <stdlib.h>
#include "rangeobj.h"
#include "abstract.h"
#include "gc.h"
#include "ids.h"
#include "dictobj.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

static gp_obj_t *iter_self(gp_obj_t *o) { return gp_newref(o); }

/* next(it) where StopIteration raised by a Python __next__ ends quietly. */
static gp_obj_t *next_of(gp_obj_t *it)
{
    gp_unary_fn f = GP_TYPE(it)->iternext;
    gp_obj_t *v = f ? f(it) : gp_iter_next(it);
    if (!v && gp_err_occurred() && gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    return v;
}

/* ---- enumerate -------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *it;
    int64_t index;
    gp_obj_t *big;          /* the index as an int once past int64 */
} enum_t;

static void enum_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((enum_t *)o)->it);
    GP_XDECREF(((enum_t *)o)->big);
    gp_object_free(o);
}

static int enum_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((enum_t *)o)->it);
    GP_VISIT(((enum_t *)o)->big);
    return 0;
}

static gp_obj_t *enum_new_(gp_type_t *type, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("enumerate", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    gp_obj_t *start = NULL;
    if (a[1]) {
        if (!gp_index_check(a[1]))
            return gp_err_format(&gp_exc_TypeError,
                                 "'%s' object cannot be interpreted as an "
                                 "integer", TNAME(a[1]));
        start = gp_number_index(a[1]);
        if (!start)
            return NULL;
    }
    gp_obj_t *it = gp_iter(a[0]);
    if (!it) {
        GP_XDECREF(start);
        return NULL;
    }
    enum_t *e = (enum_t *)gp_type_alloc(type, 0);
    if (!e) {
        GP_DECREF(it);
        GP_XDECREF(start);
        return NULL;
    }
    e->it = it;
    if (start && !gp_int_is_small(start)) {
        e->big = start;
        start = NULL;
    } else if (start) {
        e->index = gp_int_small(start);
    }
    GP_XDECREF(start);
    gp_gc_track(GP_OBJ(e));
    return GP_OBJ(e);
}

static gp_obj_t *enum_next(gp_obj_t *o)
{
    enum_t *e = (enum_t *)o;
    gp_obj_t *v = next_of(e->it);
    if (!v)
        return NULL;
    gp_obj_t *idx;
    if (!e->big && e->index < INT64_MAX) {
        idx = gp_int_from_i64(e->index++);
    } else {
        if (!e->big)
            e->big = gp_int_from_i64(e->index);
        idx = e->big ? gp_newref(e->big) : NULL;
        if (idx) {
            gp_obj_t *one = gp_int_from_i64(1);
            gp_obj_t *n = gp_int_add(e->big, one);
            GP_DECREF(one);
            if (!n) {
                GP_DECREF(idx);
                idx = NULL;
            } else {
                GP_SETREF(e->big, n);
            }
        }
    }
    if (!idx) {
        GP_DECREF(v);
        return NULL;
    }
    gp_obj_t *r = gp_tuple_new(2);
    if (!r) {
        GP_DECREF(idx);
        GP_DECREF(v);
        return NULL;
    }
    GP_TUPLE_SET(r, 0, idx);
    GP_TUPLE_SET(r, 1, v);
    return r;
}

gp_type_t gp_enumerate_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "enumerate",
    .basicsize = sizeof(enum_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = enum_dealloc,
    .traverse = enum_traverse,
    .iter = iter_self,
    .iternext = enum_next,
    .new_ = enum_new_,
    .base = &gp_object_type,
    .doc = "Return an enumerate object.",
};

/* ---- zip -------------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *its;          /* tuple of iterators */
    int strict;
} zip_t;

static void zip_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((zip_t *)o)->its);
    gp_object_free(o);
}

static int zip_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((zip_t *)o)->its);
    return 0;
}

static gp_obj_t *iters_tuple(gp_obj_t *const *args, gp_ssize_t n)
{
    gp_obj_t *t = gp_tuple_new(n);
    if (!t)
        return NULL;
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_obj_t *it = gp_iter(args[i]);
        if (!it) {
            for (gp_ssize_t j = i; j < n; j++)
                GP_TUPLE_SET(t, j, gp_newref(GP_NONE));
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, it);
    }
    return t;
}

static gp_obj_t *zip_new_(gp_type_t *type, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    int strict = 0;
    if (kwnames) {
        for (gp_ssize_t i = 0; i < GP_SIZE(kwnames); i++) {
            gp_obj_t *k = GP_TUPLE_GET(kwnames, i);
            if (!gp_str_eq_cstr(k, "strict"))
                return gp_err_format(&gp_exc_TypeError,
                                     "zip() got an unexpected keyword "
                                     "argument '%U'", k);
            strict = gp_is_true(args[nargs + i]);
            if (strict < 0)
                return NULL;
        }
    }
    gp_obj_t *its = iters_tuple(args, nargs);
    if (!its)
        return NULL;
    zip_t *z = (zip_t *)gp_type_alloc(type, 0);
    if (!z) {
        GP_DECREF(its);
        return NULL;
    }
    z->its = its;
    z->strict = strict;
    gp_gc_track(GP_OBJ(z));
    return GP_OBJ(z);
}

static gp_obj_t *zip_next(gp_obj_t *o)
{
    zip_t *z = (zip_t *)o;
    gp_ssize_t n = GP_SIZE(z->its);
    if (n == 0)
        return NULL;
    gp_obj_t *r = gp_tuple_new(n);
    if (!r)
        return NULL;
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_obj_t *v = next_of(GP_TUPLE_GET(z->its, i));
        if (!v) {
            for (gp_ssize_t j = i; j < n; j++)
                GP_TUPLE_SET(r, j, gp_newref(GP_NONE));
            GP_DECREF(r);
            if (gp_err_occurred() || !z->strict)
                return NULL;
            if (i > 0)
                return gp_err_format(&gp_exc_ValueError,
                                     "zip() argument %zd is shorter than "
                                     "argument%s%zd", i + 1,
                                     i == 1 ? " " : "s 1-", i);
            /* the first ran out: every other must too */
            for (gp_ssize_t j = 1; j < n; j++) {
                gp_obj_t *w = next_of(GP_TUPLE_GET(z->its, j));
                if (w) {
                    GP_DECREF(w);
                    return gp_err_format(&gp_exc_ValueError,
                                         "zip() argument %zd is longer than "
                                         "argument%s%zd", j + 1,
                                         j == 1 ? " " : "s 1-", j);
                }
                if (gp_err_occurred())
                    return NULL;
            }
            return NULL;
        }
        GP_TUPLE_SET(r, i, v);
    }
    return r;
}

gp_type_t gp_zip_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "zip",
    .basicsize = sizeof(zip_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = iter_self,
    .iternext = zip_next,
    .new_ = zip_new_,
    .base = &gp_object_type,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input "
           "is exhausted.",
};

/* ---- map -------------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *func;
    gp_obj_t *its;
} map_t;

static void map_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((map_t *)o)->func);
    GP_XDECREF(((map_t *)o)->its);
    gp_object_free(o);
}

static int map_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((map_t *)o)->func);
    GP_VISIT(((map_t *)o)->its);
    return 0;
}

static gp_obj_t *map_new_(gp_type_t *type, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (type == &gp_map_type && gp_arg_no_kw("map", kwnames) < 0)
        return NULL;
    if (nargs < 2) {
        gp_err_set_str(&gp_exc_TypeError,
                       "map() must have at least two arguments.");
        return NULL;
    }
    gp_obj_t *its = iters_tuple(args + 1, nargs - 1);
    if (!its)
        return NULL;
    map_t *m = (map_t *)gp_type_alloc(type, 0);
    if (!m) {
        GP_DECREF(its);
        return NULL;
    }
    m->func = gp_newref(args[0]);
    m->its = its;
    gp_gc_track(GP_OBJ(m));
    return GP_OBJ(m);
}

static gp_obj_t *map_next(gp_obj_t *o)
{
    map_t *m = (map_t *)o;
    gp_ssize_t n = GP_SIZE(m->its);
    gp_obj_t *stack[8];
    gp_obj_t **a = n <= 8 ? stack : malloc((size_t)n * sizeof(gp_obj_t *));
    if (!a)
        return gp_err_nomemory();
    gp_ssize_t got = 0;
    gp_obj_t *r = NULL;
    for (; got < n; got++) {
        a[got] = next_of(GP_TUPLE_GET(m->its, got));
        if (!a[got])
            goto out;
    }
    r = gp_vectorcall(m->func, a, n, NULL);
out:
    for (gp_ssize_t i = 0; i < got; i++)
        GP_DECREF(a[i]);
    if (a != stack)
        free(a);
    return r;
}

gp_type_t gp_map_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "map",
    .basicsize = sizeof(map_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = iter_self,
    .iternext = map_next,
    .new_ = map_new_,
    .base = &gp_object_type,
    .doc = "map(func, *iterables) --> map object",
};

/* ---- filter ----------------------------------------------------------- */

static gp_obj_t *filter_new_(gp_type_t *type, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (type == &gp_filter_type && gp_arg_no_kw("filter", kwnames) < 0)
        return NULL;
    if (gp_arg_count("filter", nargs, 2, 2) < 0)
        return NULL;
    gp_obj_t *it = gp_iter(args[1]);
    if (!it)
        return NULL;
    map_t *f = (map_t *)gp_type_alloc(type, 0);
    if (!f) {
        GP_DECREF(it);
        return NULL;
    }
    f->func = gp_newref(args[0]);
    f->its = it;
    gp_gc_track(GP_OBJ(f));
    return GP_OBJ(f);
}

static gp_obj_t *filter_next(gp_obj_t *o)
{
    map_t *f = (map_t *)o;
    for (;;) {
        gp_obj_t *v = next_of(f->its);
        if (!v)
            return NULL;
        int ok;
        if (f->func == GP_NONE || f->func == GP_OBJ(&gp_bool_type)) {
            ok = gp_is_true(v);
        } else {
            gp_obj_t *r = gp_call_one(f->func, v);
            if (!r) {
                GP_DECREF(v);
                return NULL;
            }
            ok = gp_is_true(r);
            GP_DECREF(r);
        }
        if (ok > 0)
            return v;
        GP_DECREF(v);
        if (ok < 0)
            return NULL;
    }
}

gp_type_t gp_filter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "filter",
    .basicsize = sizeof(map_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = iter_self,
    .iternext = filter_next,
    .new_ = filter_new_,
    .base = &gp_object_type,
    .doc = "filter(function or None, iterable) --> filter object",
};

/* ---- reversed --------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *seq;          /* NULL once exhausted */
    gp_ssize_t index;
} rev_t;

static void rev_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((rev_t *)o)->seq);
    gp_object_free(o);
}

static int rev_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((rev_t *)o)->seq);
    return 0;
}

static gp_obj_t *reversed_new_(gp_type_t *type, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (type == &gp_reversed_type && gp_arg_no_kw("reversed", kwnames) < 0)
        return NULL;
    if (gp_arg_count("reversed", nargs, 1, 1) < 0)
        return NULL;
    gp_obj_t *seq = args[0];
    gp_obj_t *m = gp_type_lookup(GP_TYPE(seq), GP_ID(__reversed__));
    if (m == GP_NONE)
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object is not reversible", TNAME(seq));
    if (m)
        return gp_call_method(seq, GP_ID(__reversed__), 0);
    gp_sequence_methods_t *sq = GP_TYPE(seq)->as_sequence;
    int has_getitem = gp_type_lookup(GP_TYPE(seq), GP_ID(__getitem__)) != NULL;
    if (GP_DICT_CHECK(seq) || !has_getitem ||
        !gp_type_lookup(GP_TYPE(seq), GP_ID(__len__)))
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object is not reversible", TNAME(seq));
    (void)sq;
    gp_ssize_t n = gp_length(seq);
    if (n < 0)
        return NULL;
    rev_t *r = (rev_t *)gp_type_alloc(type, 0);
    if (!r)
        return NULL;
    r->seq = gp_newref(seq);
    r->index = n - 1;
    gp_gc_track(GP_OBJ(r));
    return GP_OBJ(r);
}

static gp_obj_t *rev_next(gp_obj_t *o)
{
    rev_t *r = (rev_t *)o;
    if (!r->seq)
        return NULL;
    if (r->index >= 0) {
        gp_obj_t *v = gp_getitem_int(r->seq, r->index);
        if (v) {
            r->index--;
            return v;
        }
        if (!gp_err_matches(&gp_exc_IndexError) &&
            !gp_err_matches(&gp_exc_StopIteration))
            return NULL;
        gp_err_clear();
    }
    r->index = -1;
    GP_CLEAR(r->seq);
    return NULL;
}

static gp_obj_t *rev_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    rev_t *r = (rev_t *)o;
    return gp_int_from_ssize(r->seq ? r->index + 1 : 0);
}

static gp_methoddef_t rev_methods[] = {
    {"__length_hint__", GP_METH_FN(rev_length_hint), GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_reversed_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "reversed",
    .basicsize = sizeof(rev_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = rev_dealloc,
    .traverse = rev_traverse,
    .iter = iter_self,
    .iternext = rev_next,
    .new_ = reversed_new_,
    .methods = rev_methods,
    .base = &gp_object_type,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};

/* ---- the sequence iterator -------------------------------------------- */

static gp_obj_t *seqiter_next(gp_obj_t *o)
{
    rev_t *it = (rev_t *)o;
    if (!it->seq)
        return NULL;
    gp_obj_t *v = gp_getitem_int(it->seq, it->index);
    if (v) {
        it->index++;
        return v;
    }
    if (gp_err_matches(&gp_exc_IndexError) ||
        gp_err_matches(&gp_exc_StopIteration)) {
        gp_err_clear();
        GP_CLEAR(it->seq);
    }
    return NULL;
}

gp_type_t gp_seqiter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "iterator",
    .basicsize = sizeof(rev_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = rev_dealloc,
    .traverse = rev_traverse,
    .iter = iter_self,
    .iternext = seqiter_next,
    .base = &gp_object_type,
};

gp_obj_t *gp_seqiter_new(gp_obj_t *seq)
{
    rev_t *it = (rev_t *)gp_type_alloc(&gp_seqiter_type, 0);
    if (!it)
        return NULL;
    it->seq = gp_newref(seq);
    it->index = 0;
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

/* ---- the callable iterator -------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *func;         /* NULL once exhausted */
    gp_obj_t *sentinel;
} calliter_t;

static void calliter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((calliter_t *)o)->func);
    GP_XDECREF(((calliter_t *)o)->sentinel);
    gp_object_free(o);
}

static int calliter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((calliter_t *)o)->func);
    GP_VISIT(((calliter_t *)o)->sentinel);
    return 0;
}

static gp_obj_t *calliter_next(gp_obj_t *o)
{
    calliter_t *it = (calliter_t *)o;
    if (!it->func)
        return NULL;
    gp_obj_t *v = gp_call_noargs(it->func);
    if (!v) {
        if (gp_err_matches(&gp_exc_StopIteration)) {
            gp_err_clear();
            GP_CLEAR(it->func);
        }
        return NULL;
    }
    int eq = gp_richcompare_bool(v, it->sentinel, GP_EQ);
    if (eq == 0)
        return v;
    GP_DECREF(v);
    if (eq > 0)
        GP_CLEAR(it->func);
    return NULL;
}

gp_type_t gp_calliter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "callable_iterator",
    .basicsize = sizeof(calliter_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = calliter_dealloc,
    .traverse = calliter_traverse,
    .iter = iter_self,
    .iternext = calliter_next,
    .base = &gp_object_type,
};

gp_obj_t *gp_calliter_new(gp_obj_t *callable, gp_obj_t *sentinel)
{
    calliter_t *it = (calliter_t *)gp_type_alloc(&gp_calliter_type, 0);
    if (!it)
        return NULL;
    it->func = gp_newref(callable);
    it->sentinel = gp_newref(sentinel);
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

int gp_obj_iters_init(void)
{
    gp_type_t *types[] = {
        &gp_enumerate_type, &gp_zip_type, &gp_map_type, &gp_filter_type,
        &gp_reversed_type, &gp_seqiter_type, &gp_calliter_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (gp_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
