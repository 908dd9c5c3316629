/*
** obj_range.c — slice objects (and the index arithmetic every sequence
** uses: gp_slice_unpack / gp_slice_adjust), range objects and the range
** iterators.  A range keeps its start/stop/step/length as int objects so
** huge ranges work; iteration uses machine words whenever the values
** fit.  Guard: the GIL (all three types are immutable).
*/
#include <stdlib.h>
#include "rangeobj.h"
#include "abstract.h"
#include "gc.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

/* ---- slice ------------------------------------------------------------ */

gp_obj_t *gp_slice_new(gp_obj_t *start, gp_obj_t *stop, gp_obj_t *step)
{
    gp_slice_t *s = (gp_slice_t *)gp_type_alloc(&gp_slice_type, 0);
    if (!s)
        return NULL;
    s->start = gp_newref(start ? start : GP_NONE);
    s->stop = gp_newref(stop ? stop : GP_NONE);
    s->step = gp_newref(step ? step : GP_NONE);
    gp_gc_track(GP_OBJ(s));
    return GP_OBJ(s);
}

/* A slice bound as a clamped gp_ssize_t. */
static int slice_index(gp_obj_t *v, gp_ssize_t *out)
{
    if (GP_INT_CHECK_EXACT(v) && gp_int_is_small(v)) {
        int64_t x = gp_int_small(v);
        *out = (gp_ssize_t)x;
        return 0;
    }
    if (!gp_index_check(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "slice indices must be integers or None or have an "
                       "__index__ method");
        return -1;
    }
    gp_ssize_t x = gp_number_as_ssize_t(v, NULL);
    if (x == -1 && gp_err_occurred())
        return -1;
    *out = x;
    return 0;
}

int gp_slice_unpack(gp_obj_t *slice, gp_ssize_t *start, gp_ssize_t *stop,
                    gp_ssize_t *step)
{
    gp_slice_t *s = (gp_slice_t *)slice;
    if (s->step == GP_NONE) {
        *step = 1;
    } else {
        if (slice_index(s->step, step) < 0)
            return -1;
        if (*step == 0) {
            gp_err_set_str(&gp_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -PTRDIFF_MAX)
            *step = -PTRDIFF_MAX;
    }
    if (s->start == GP_NONE)
        *start = *step < 0 ? PTRDIFF_MAX : 0;
    else if (slice_index(s->start, start) < 0)
        return -1;
    if (s->stop == GP_NONE)
        *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    else if (slice_index(s->stop, stop) < 0)
        return -1;
    return 0;
}

gp_ssize_t gp_slice_adjust(gp_ssize_t length, gp_ssize_t *start,
                           gp_ssize_t *stop, gp_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

static void slice_dealloc(gp_obj_t *o)
{
    gp_slice_t *s = (gp_slice_t *)o;
    gp_gc_untrack(o);
    GP_XDECREF(s->start);
    GP_XDECREF(s->stop);
    GP_XDECREF(s->step);
    gp_object_free(o);
}

static int slice_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_slice_t *s = (gp_slice_t *)o;
    GP_VISIT(s->start);
    GP_VISIT(s->stop);
    GP_VISIT(s->step);
    return 0;
}

static gp_obj_t *slice_repr(gp_obj_t *o)
{
    gp_slice_t *s = (gp_slice_t *)o;
    return gp_str_fromformat("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static gp_obj_t *slice_astuple(gp_obj_t *o)
{
    gp_slice_t *s = (gp_slice_t *)o;
    return gp_tuple_pack(3, s->start, s->stop, s->step);
}

static gp_obj_t *slice_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_SLICE_CHECK(a) || !GP_SLICE_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (a == b && (op == GP_EQ || op == GP_NE))
        return gp_bool_from(op == GP_EQ);
    gp_obj_t *ta = slice_astuple(a);
    if (!ta)
        return NULL;
    gp_obj_t *tb = slice_astuple(b);
    if (!tb) {
        GP_DECREF(ta);
        return NULL;
    }
    gp_obj_t *r = gp_richcompare(ta, tb, op);
    GP_DECREF(ta);
    GP_DECREF(tb);
    return r;
}

static gp_obj_t *slice_new_(gp_type_t *type, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (gp_arg_no_kw("slice", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return gp_err_format(&gp_exc_TypeError,
                             "slice expected at least 1 argument, got 0");
    if (nargs > 3)
        return gp_err_format(&gp_exc_TypeError,
                             "slice expected at most 3 arguments, got %zd",
                             nargs);
    if (nargs == 1)
        return gp_slice_new(NULL, args[0], NULL);
    return gp_slice_new(args[0], args[1], nargs > 2 ? args[2] : NULL);
}

static gp_obj_t *slice_indices(gp_obj_t *self, gp_obj_t *len)
{
    if (!gp_index_check(len))
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             TNAME(len));
    gp_ssize_t n = gp_number_as_ssize_t(len, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n < 0) {
        gp_err_set_str(&gp_exc_ValueError, "length should not be negative");
        return NULL;
    }
    gp_ssize_t start, stop, step;
    if (gp_slice_unpack(self, &start, &stop, &step) < 0)
        return NULL;
    gp_slice_adjust(n, &start, &stop, step);
    gp_obj_t *a = gp_int_from_ssize(start), *b = gp_int_from_ssize(stop),
             *c = gp_int_from_ssize(step), *r = NULL;
    if (a && b && c)
        r = gp_tuple_pack(3, a, b, c);
    GP_XDECREF(a);
    GP_XDECREF(b);
    GP_XDECREF(c);
    return r;
}

static gp_obj_t *slice_reduce(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *t = slice_astuple(self);
    if (!t)
        return NULL;
    gp_obj_t *r = gp_tuple_pack(2, GP_OBJ(&gp_slice_type), t);
    GP_DECREF(t);
    return r;
}

static gp_methoddef_t slice_methods[] = {
    {"indices", GP_METH_FN(slice_indices), GP_METH_O,
     "S.indices(len) -> (start, stop, stride)"},
    {"__reduce__", GP_METH_FN(slice_reduce), GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *slice_get(gp_obj_t *o, void *closure)
{
    gp_slice_t *s = (gp_slice_t *)o;
    int which = (int)(intptr_t)closure;
    return gp_newref(which == 0 ? s->start : which == 1 ? s->stop : s->step);
}

static gp_getsetdef_t slice_getset[] = {
    {"start", slice_get, NULL, NULL, (void *)0},
    {"stop", slice_get, NULL, NULL, (void *)1},
    {"step", slice_get, NULL, NULL, (void *)2},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_slice_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "slice",
    .basicsize = sizeof(gp_slice_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = gp_hash_not_implemented,
    .richcompare = slice_richcompare,
    .new_ = slice_new_,
    .traverse = slice_traverse,
    .methods = slice_methods,
    .getset = slice_getset,
    .base = &gp_object_type,
    .doc = "slice(stop)\nslice(start, stop[, step])\n\n"
           "Create a slice object.  This is used for extended slicing "
           "(e.g. a[0:10:2]).",
};

/* ---- range ------------------------------------------------------------ */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *start, *stop, *step, *length;     /* ints */
} range_t;

#define R(o) ((range_t *)(o))

static gp_obj_t *int_zero(void) { return gp_int_from_i64(0); }

/* The number of items of range(lo, hi, step), as an int. */
static gp_obj_t *compute_length(gp_obj_t *lo, gp_obj_t *hi, gp_obj_t *step)
{
    if (gp_int_is_small(lo) && gp_int_is_small(hi) && gp_int_is_small(step)) {
        int64_t a = gp_int_small(lo), b = gp_int_small(hi),
                s = gp_int_small(step);
        /* in unsigned arithmetic the difference cannot overflow */
        uint64_t n = 0;
        if (s > 0 && a < b)
            n = ((uint64_t)b - (uint64_t)a - 1) / (uint64_t)s + 1;
        else if (s < 0 && a > b)
            n = ((uint64_t)a - (uint64_t)b - 1) / (0 - (uint64_t)s) + 1;
        return gp_int_from_u64(n);
    }
    int sign = gp_int_sign(step);
    gp_obj_t *a = lo, *b = hi, *st = step, *negst = NULL;
    if (sign < 0) {
        a = hi;
        b = lo;
        negst = gp_number_neg(step);
        if (!negst)
            return NULL;
        st = negst;
    }
    int cmp = gp_int_compare(a, b);
    if (cmp >= 0) {
        GP_XDECREF(negst);
        return int_zero();
    }
    /* (b - a - 1) // st + 1 */
    gp_obj_t *one = gp_int_from_i64(1), *r = NULL;
    gp_obj_t *d = gp_int_sub(b, a);
    if (d) {
        gp_obj_t *d1 = gp_int_sub(d, one);
        if (d1) {
            gp_obj_t *q = gp_binary_op(d1, st, GP_NB_FLOOR_DIVIDE);
            if (q) {
                r = gp_int_add(q, one);
                GP_DECREF(q);
            }
            GP_DECREF(d1);
        }
        GP_DECREF(d);
    }
    GP_DECREF(one);
    GP_XDECREF(negst);
    return r;
}

static gp_obj_t *make_range(gp_type_t *t, gp_obj_t *start, gp_obj_t *stop,
                            gp_obj_t *step)
{
    gp_obj_t *len = compute_length(start, stop, step);
    if (!len)
        return NULL;
    range_t *r = (range_t *)gp_type_alloc(t, 0);
    if (!r) {
        GP_DECREF(len);
        return NULL;
    }
    r->start = gp_newref(start);
    r->stop = gp_newref(stop);
    r->step = gp_newref(step);
    r->length = len;
    return GP_OBJ(r);
}

static gp_obj_t *as_index_int(gp_obj_t *o)
{
    if (GP_INT_CHECK_EXACT(o))
        return gp_newref(o);
    if (!gp_index_check(o))
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             TNAME(o));
    return gp_number_index(o);
}

static gp_obj_t *range_new_(gp_type_t *type, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (gp_arg_no_kw("range", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return gp_err_format(&gp_exc_TypeError,
                             "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return gp_err_format(&gp_exc_TypeError,
                             "range expected at most 3 arguments, got %zd",
                             nargs);
    gp_obj_t *v[3] = {NULL, NULL, NULL}, *r = NULL;
    for (gp_ssize_t i = 0; i < nargs; i++) {
        v[i] = as_index_int(args[i]);
        if (!v[i])
            goto done;
    }
    if (nargs == 1) {
        v[1] = v[0];
        v[0] = int_zero();
    }
    if (nargs < 3) {
        v[2] = gp_int_from_i64(1);
    } else if (gp_int_sign(v[2]) == 0) {
        gp_err_set_str(&gp_exc_ValueError, "range() arg 3 must not be zero");
        goto done;
    }
    r = make_range(type, v[0], v[1], v[2]);
done:
    for (int i = 0; i < 3; i++)
        GP_XDECREF(v[i]);
    return r;
}

static void range_dealloc(gp_obj_t *o)
{
    GP_DECREF(R(o)->start);
    GP_DECREF(R(o)->stop);
    GP_DECREF(R(o)->step);
    GP_DECREF(R(o)->length);
    gp_object_free(o);
}

static gp_obj_t *range_repr(gp_obj_t *o)
{
    range_t *r = R(o);
    if (gp_int_is_small(r->step) && gp_int_small(r->step) == 1)
        return gp_str_fromformat("range(%R, %R)", r->start, r->stop);
    return gp_str_fromformat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static gp_ssize_t range_len(gp_obj_t *o)
{
    gp_obj_t *n = R(o)->length;
    if (!gp_int_is_small(n) || gp_int_small(n) > PTRDIFF_MAX) {
        gp_err_format(&gp_exc_OverflowError,
                      "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (gp_ssize_t)gp_int_small(n);
}

/* start + i * step, i an int object within range. */
static gp_obj_t *range_at(range_t *r, gp_obj_t *i)
{
    if (gp_int_is_small(r->start) && gp_int_is_small(r->step) &&
        gp_int_is_small(i)) {
        int64_t x;
        if (!__builtin_mul_overflow(gp_int_small(i), gp_int_small(r->step),
                                    &x) &&
            !__builtin_add_overflow(x, gp_int_small(r->start), &x))
            return gp_int_from_i64(x);
    }
    gp_obj_t *p = gp_int_mul(i, r->step);
    if (!p)
        return NULL;
    gp_obj_t *res = gp_int_add(r->start, p);
    GP_DECREF(p);
    return res;
}

static gp_obj_t *range_item_obj(range_t *r, gp_obj_t *idx)
{
    gp_obj_t *i = gp_newref(idx);
    if (gp_int_sign(i) < 0) {
        gp_obj_t *j = gp_int_add(i, r->length);
        GP_DECREF(i);
        if (!j)
            return NULL;
        i = j;
    }
    if (gp_int_sign(i) < 0 || gp_int_compare(i, r->length) >= 0) {
        GP_DECREF(i);
        gp_err_set_str(&gp_exc_IndexError, "range object index out of range");
        return NULL;
    }
    gp_obj_t *res = range_at(r, i);
    GP_DECREF(i);
    return res;
}

static gp_obj_t *range_item(gp_obj_t *o, gp_ssize_t i)
{
    gp_obj_t *io = gp_int_from_ssize(i);
    if (!io)
        return NULL;
    gp_obj_t *r = range_item_obj(R(o), io);
    GP_DECREF(io);
    return r;
}

static gp_obj_t *range_subscript(gp_obj_t *o, gp_obj_t *key)
{
    range_t *r = R(o);
    if (GP_SLICE_CHECK(key)) {
        /* small ranges: machine arithmetic; the result is a range */
        gp_ssize_t len = range_len(o);
        if (len < 0)
            return NULL;
        gp_ssize_t start, stop, step;
        if (gp_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        gp_ssize_t n = gp_slice_adjust(len, &start, &stop, step);
        gp_obj_t *si = gp_int_from_ssize(start), *st = gp_int_from_ssize(step);
        gp_obj_t *nstart = NULL, *nstep = NULL, *nstop = NULL, *res = NULL;
        gp_obj_t *ni = NULL;
        if (!si || !st)
            goto out;
        nstart = range_at(r, si);
        nstep = gp_int_mul(r->step, st);
        ni = gp_int_from_ssize(start + n * step);
        if (!nstart || !nstep || !ni)
            goto out;
        nstop = range_at(r, ni);
        if (!nstop)
            goto out;
        res = make_range(&gp_range_type, nstart, nstop, nstep);
    out:
        GP_XDECREF(si);
        GP_XDECREF(st);
        GP_XDECREF(nstart);
        GP_XDECREF(nstep);
        GP_XDECREF(nstop);
        GP_XDECREF(ni);
        return res;
    }
    if (gp_index_check(key)) {
        gp_obj_t *i = gp_number_index(key);
        if (!i)
            return NULL;
        gp_obj_t *res = range_item_obj(r, i);
        GP_DECREF(i);
        return res;
    }
    return gp_err_format(&gp_exc_TypeError,
                         "range indices must be integers or slices, not %s",
                         TNAME(key));
}

/* For an int: is it one of the range's values?  1/0/-1. */
static int range_contains_int(range_t *r, gp_obj_t *v)
{
    if (gp_int_is_small(v) && gp_int_is_small(r->start) &&
        gp_int_is_small(r->stop) && gp_int_is_small(r->step)) {
        int64_t x = gp_int_small(v), a = gp_int_small(r->start),
                b = gp_int_small(r->stop), s = gp_int_small(r->step);
        if (s > 0) {
            if (x < a || x >= b)
                return 0;
            return ((uint64_t)x - (uint64_t)a) % (uint64_t)s == 0;
        }
        if (x > a || x <= b)
            return 0;
        return ((uint64_t)a - (uint64_t)x) % (0 - (uint64_t)s) == 0;
    }
    int sign = gp_int_sign(r->step);
    int c1 = gp_int_compare(v, r->start), c2 = gp_int_compare(v, r->stop);
    if (sign > 0 ? (c1 < 0 || c2 >= 0) : (c1 > 0 || c2 <= 0))
        return 0;
    gp_obj_t *d = gp_int_sub(v, r->start);
    if (!d)
        return -1;
    gp_obj_t *m = gp_binary_op(d, r->step, GP_NB_REMAINDER);
    GP_DECREF(d);
    if (!m)
        return -1;
    int res = gp_int_sign(m) == 0;
    GP_DECREF(m);
    return res;
}

static int range_contains(gp_obj_t *o, gp_obj_t *v)
{
    if (GP_INT_CHECK_EXACT(v) || GP_BOOL_CHECK(v))
        return range_contains_int(R(o), v);
    return gp_sequence_contains_iter(o, v);
}

static gp_obj_t *range_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (GP_TYPE(b) != &gp_range_type || (op != GP_EQ && op != GP_NE))
        GP_RETURN_NOTIMPLEMENTED;
    range_t *x = R(a), *y = R(b);
    int eq;
    if (a == b)
        eq = 1;
    else if (gp_int_compare(x->length, y->length) != 0)
        eq = 0;
    else if (gp_int_sign(x->length) == 0)
        eq = 1;
    else if (gp_int_compare(x->start, y->start) != 0)
        eq = 0;
    else if (gp_int_is_small(x->length) && gp_int_small(x->length) == 1)
        eq = 1;
    else
        eq = gp_int_compare(x->step, y->step) == 0;
    return gp_bool_from(op == GP_EQ ? eq : !eq);
}

static gp_hash_t range_hash(gp_obj_t *o)
{
    range_t *r = R(o);
    gp_obj_t *t;
    if (gp_int_sign(r->length) == 0)
        t = gp_tuple_pack(3, r->length, GP_NONE, GP_NONE);
    else if (gp_int_is_small(r->length) && gp_int_small(r->length) == 1)
        t = gp_tuple_pack(3, r->length, r->start, GP_NONE);
    else
        t = gp_tuple_pack(3, r->length, r->start, r->step);
    if (!t)
        return -1;
    gp_hash_t h = gp_hash(t);
    GP_DECREF(t);
    return h;
}

static int range_bool(gp_obj_t *o) { return gp_int_sign(R(o)->length) != 0; }

/* ---- range iterators -------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    int64_t next, step;
    uint64_t left;
} rangeiter_t;

typedef struct {
    gp_obj_t ob;
    gp_obj_t *next, *step, *left;   /* ints */
} longrangeiter_t;

static gp_obj_t *iter_self(gp_obj_t *o) { return gp_newref(o); }

static gp_obj_t *rangeiter_next(gp_obj_t *o)
{
    rangeiter_t *it = (rangeiter_t *)o;
    if (it->left == 0)
        return NULL;
    int64_t v = it->next;
    it->left--;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);
    return gp_int_from_i64(v);
}

static gp_obj_t *rangeiter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    return gp_int_from_u64(((rangeiter_t *)o)->left);
}

static gp_methoddef_t rangeiter_methods[] = {
    {"__length_hint__", GP_METH_FN(rangeiter_length_hint), GP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t rangeiter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "range_iterator",
    .basicsize = sizeof(rangeiter_t),
    .iter = iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
    .base = &gp_object_type,
};

static void longrangeiter_dealloc(gp_obj_t *o)
{
    longrangeiter_t *it = (longrangeiter_t *)o;
    GP_XDECREF(it->next);
    GP_XDECREF(it->step);
    GP_XDECREF(it->left);
    gp_object_free(o);
}

static gp_obj_t *longrangeiter_next(gp_obj_t *o)
{
    longrangeiter_t *it = (longrangeiter_t *)o;
    if (gp_int_sign(it->left) <= 0)
        return NULL;
    gp_obj_t *one = gp_int_from_i64(1);
    gp_obj_t *nl = gp_int_sub(it->left, one);
    GP_DECREF(one);
    if (!nl)
        return NULL;
    gp_obj_t *nn = gp_int_add(it->next, it->step);
    if (!nn) {
        GP_DECREF(nl);
        return NULL;
    }
    gp_obj_t *v = it->next;
    it->next = nn;
    GP_SETREF(it->left, nl);
    return v;
}

static gp_obj_t *longrangeiter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    return gp_newref(((longrangeiter_t *)o)->left);
}

static gp_methoddef_t longrangeiter_methods[] = {
    {"__length_hint__", GP_METH_FN(longrangeiter_length_hint),
     GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t longrangeiter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "longrange_iterator",
    .basicsize = sizeof(longrangeiter_t),
    .dealloc = longrangeiter_dealloc,
    .iter = iter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
    .base = &gp_object_type,
};

/* An iterator over start, start+step, ... (len items). */
static gp_obj_t *make_range_iter(gp_obj_t *start, gp_obj_t *step,
                                 gp_obj_t *len)
{
    if (gp_int_is_small(start) && gp_int_is_small(step) &&
        gp_int_is_small(len)) {
        int64_t a = gp_int_small(start), s = gp_int_small(step),
                n = gp_int_small(len);
        int64_t last;
        /* every value must fit a word */
        if (n == 0 || (!__builtin_mul_overflow(n - 1, s, &last) &&
                       !__builtin_add_overflow(a, last, &last))) {
            rangeiter_t *it = (rangeiter_t *)gp_type_alloc(&rangeiter_type, 0);
            if (!it)
                return NULL;
            it->next = a;
            it->step = s;
            it->left = (uint64_t)n;
            return GP_OBJ(it);
        }
    }
    longrangeiter_t *it =
        (longrangeiter_t *)gp_type_alloc(&longrangeiter_type, 0);
    if (!it)
        return NULL;
    it->next = gp_newref(start);
    it->step = gp_newref(step);
    it->left = gp_newref(len);
    return GP_OBJ(it);
}

static gp_obj_t *range_iter(gp_obj_t *o)
{
    return make_range_iter(R(o)->start, R(o)->step, R(o)->length);
}

static gp_obj_t *range_reversed(gp_obj_t *o, gp_obj_t *unused)
{
    range_t *r = R(o);
    if (gp_int_sign(r->length) == 0)
        return make_range_iter(r->start, r->step, r->length);
    gp_obj_t *one = gp_int_from_i64(1);
    gp_obj_t *lm1 = gp_int_sub(r->length, one);
    GP_DECREF(one);
    if (!lm1)
        return NULL;
    gp_obj_t *last = range_at(r, lm1);
    GP_DECREF(lm1);
    if (!last)
        return NULL;
    gp_obj_t *nstep = gp_number_neg(r->step);
    if (!nstep) {
        GP_DECREF(last);
        return NULL;
    }
    gp_obj_t *it = make_range_iter(last, nstep, r->length);
    GP_DECREF(last);
    GP_DECREF(nstep);
    return it;
}

static gp_obj_t *range_count(gp_obj_t *self, gp_obj_t *v)
{
    if (GP_INT_CHECK_EXACT(v) || GP_BOOL_CHECK(v)) {
        int c = range_contains_int(R(self), v);
        return c < 0 ? NULL : gp_int_from_i64(c);
    }
    gp_obj_t *it = range_iter(self);
    if (!it)
        return NULL;
    gp_ssize_t n = 0;
    for (;;) {
        gp_obj_t *x = gp_iter_next(it);
        if (!x)
            break;
        int c = gp_richcompare_bool(x, v, GP_EQ);
        GP_DECREF(x);
        if (c < 0) {
            GP_DECREF(it);
            return NULL;
        }
        n += c;
    }
    GP_DECREF(it);
    return gp_int_from_ssize(n);
}

static gp_obj_t *range_index(gp_obj_t *self, gp_obj_t *v)
{
    range_t *r = R(self);
    if (GP_INT_CHECK_EXACT(v) || GP_BOOL_CHECK(v)) {
        int c = range_contains_int(r, v);
        if (c < 0)
            return NULL;
        if (c) {
            gp_obj_t *d = gp_int_sub(v, r->start);
            if (!d)
                return NULL;
            gp_obj_t *q = gp_binary_op(d, r->step, GP_NB_FLOOR_DIVIDE);
            GP_DECREF(d);
            return q;
        }
    } else {
        gp_obj_t *it = range_iter(self);
        if (!it)
            return NULL;
        for (gp_ssize_t i = 0;; i++) {
            gp_obj_t *x = gp_iter_next(it);
            if (!x)
                break;
            int c = gp_richcompare_bool(x, v, GP_EQ);
            GP_DECREF(x);
            if (c != 0) {
                GP_DECREF(it);
                return c < 0 ? NULL : gp_int_from_ssize(i);
            }
        }
        GP_DECREF(it);
    }
    return gp_err_format(&gp_exc_ValueError, "%R is not in range", v);
}

static gp_obj_t *range_reduce(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *t = gp_tuple_pack(3, R(self)->start, R(self)->stop,
                                R(self)->step);
    if (!t)
        return NULL;
    gp_obj_t *r = gp_tuple_pack(2, GP_OBJ(&gp_range_type), t);
    GP_DECREF(t);
    return r;
}

static gp_methoddef_t range_methods[] = {
    {"__reversed__", GP_METH_FN(range_reversed), GP_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", GP_METH_FN(range_reduce), GP_METH_NOARGS, NULL},
    {"count", GP_METH_FN(range_count), GP_METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences "
     "of value"},
    {"index", GP_METH_FN(range_index), GP_METH_O,
     "rangeobject.index(value) -> integer -- return index of value."},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *range_get(gp_obj_t *o, void *closure)
{
    int which = (int)(intptr_t)closure;
    range_t *r = R(o);
    return gp_newref(which == 0 ? r->start : which == 1 ? r->stop : r->step);
}

static gp_getsetdef_t range_getset[] = {
    {"start", range_get, NULL, NULL, (void *)0},
    {"stop", range_get, NULL, NULL, (void *)1},
    {"step", range_get, NULL, NULL, (void *)2},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_number_methods_t range_as_number = {
    .bool_ = range_bool,
};

static gp_sequence_methods_t range_as_sequence = {
    .length = range_len,
    .item = range_item,
    .contains = range_contains,
};

static gp_mapping_methods_t range_as_mapping = {
    .length = range_len,
    .subscript = range_subscript,
};

gp_type_t gp_range_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "range",
    .basicsize = sizeof(range_t),
    .flags = GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .new_ = range_new_,
    .as_number = &range_as_number,
    .as_sequence = &range_as_sequence,
    .as_mapping = &range_as_mapping,
    .methods = range_methods,
    .getset = range_getset,
    .base = &gp_object_type,
    .doc = "range(stop) -> range object\n"
           "range(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from "
           "start (inclusive)\nto stop (exclusive) by step.",
};

int gp_obj_range_init(void)
{
    if (gp_type_ready(&gp_slice_type) < 0 ||
        gp_type_ready(&gp_range_type) < 0 ||
        gp_type_ready(&rangeiter_type) < 0 ||
        gp_type_ready(&longrangeiter_type) < 0)
        return -1;
    return 0;
}
