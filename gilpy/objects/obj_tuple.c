/*
** obj_tuple.c — the tuple type and its iterator: immutable arrays of
** references held inline, the shared immortal empty tuple, CPython 3.11's
** xxHash-based hash, lexicographic comparison, slicing, + and *.
** Guard: the GIL (tuples are immutable once handed out; the cached hash
** is written under the GIL).
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "listobj.h"
#include "abstract.h"
#include "gc.h"
#include "ids.h"
#include "numobj.h"
#include "rangeobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

/* The empty tuple: immortal, never tracked. */
static gp_tuple_t empty_tuple = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_tuple_type, 0),
    .hash = -1,
};

static gp_obj_t *tuple_alloc(gp_type_t *t, gp_ssize_t n)
{
    if (n < 0)
        return gp_err_badinternalcall("tuple_alloc");
    if ((size_t)n > ((size_t)1 << 58))
        return gp_err_nomemory();
    gp_obj_t *o = gp_type_alloc(t, n);
    if (!o)
        return NULL;
    ((gp_tuple_t *)o)->hash = -1;
    return o;
}

gp_obj_t *gp_tuple_new(gp_ssize_t n)
{
    if (n == 0)
        return gp_newref(GP_OBJ(&empty_tuple));
    gp_obj_t *o = tuple_alloc(&gp_tuple_type, n);
    if (o)
        gp_gc_track(o);
    return o;
}

gp_obj_t *gp_tuple_pack(gp_ssize_t n, ...)
{
    gp_obj_t *t = gp_tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_obj_t *v = va_arg(ap, gp_obj_t *);
        GP_TUPLE_SET(t, i, gp_newref(v));
    }
    va_end(ap);
    return t;
}

gp_obj_t *gp_tuple_from_array(gp_obj_t *const *items, gp_ssize_t n)
{
    gp_obj_t *t = gp_tuple_new(n);
    if (!t)
        return NULL;
    for (gp_ssize_t i = 0; i < n; i++)
        GP_TUPLE_SET(t, i, gp_newref(items[i]));
    return t;
}

gp_obj_t *gp_tuple_slice(gp_obj_t *t, gp_ssize_t lo, gp_ssize_t hi)
{
    gp_ssize_t n = GP_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && GP_TUPLE_CHECK_EXACT(t))
        return gp_newref(t);
    return gp_tuple_from_array(GP_TUPLE_ITEMS(t) + lo, hi - lo);
}

int gp_tuple_resize(gp_obj_t **p, gp_ssize_t n)
{
    gp_obj_t *t = *p;
    gp_ssize_t old = GP_SIZE(t);
    if (old == n)
        return 0;
    if (old == 0 || n == 0 || GP_REFCNT(t) != 1) {
        gp_obj_t *nt = gp_tuple_new(n);
        if (!nt) {
            *p = NULL;
            GP_DECREF(t);
            return -1;
        }
        gp_ssize_t m = old < n ? old : n;
        for (gp_ssize_t i = 0; i < m; i++)
            GP_TUPLE_SET(nt, i, gp_xnewref(GP_TUPLE_GET(t, i)));
        *p = nt;
        GP_DECREF(t);
        return 0;
    }
    int tracked = gp_gc_is_tracked(t);
    if (tracked)
        gp_gc_untrack(t);
    for (gp_ssize_t i = n; i < old; i++)
        GP_XDECREF(GP_TUPLE_GET(t, i));
    size_t size = (size_t)gp_tuple_type.basicsize +
                  (size_t)n * sizeof(gp_obj_t *);
    size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    gp_obj_t *nt = gp_gc_resize(t, size);
    if (!nt) {
        /* the items dropped above are gone: give the shrunk tuple up */
        *p = NULL;
        gp_err_nomemory();
        return -1;
    }
    for (gp_ssize_t i = old; i < n; i++)
        GP_TUPLE_ITEMS(nt)[i] = NULL;
    GP_SIZE(nt) = n;
    ((gp_tuple_t *)nt)->hash = -1;
    *p = nt;
    gp_gc_track(nt);
    return 0;
}

static void tuple_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    gp_ssize_t n = GP_SIZE(o);
    for (gp_ssize_t i = 0; i < n; i++)
        GP_XDECREF(GP_TUPLE_GET(o, i));
    gp_object_free(o);
}

static int tuple_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_ssize_t n = GP_SIZE(o);
    for (gp_ssize_t i = 0; i < n; i++)
        GP_VISIT(GP_TUPLE_GET(o, i));
    return 0;
}

static gp_obj_t *tuple_repr(gp_obj_t *o)
{
    gp_ssize_t n = GP_SIZE(o);
    if (n == 0)
        return gp_str_from_cstr("()");
    int r = gp_repr_enter(o);
    if (r != 0)
        return r > 0 ? gp_str_from_cstr("(...)") : NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (gp_strbuf_char(&b, '(') < 0)
        goto fail;
    for (gp_ssize_t i = 0; i < n; i++) {
        if (i > 0 && gp_strbuf_cstr(&b, ", ") < 0)
            goto fail;
        gp_obj_t *s = gp_repr(GP_TUPLE_GET(o, i));
        if (!s)
            goto fail;
        int rc = gp_strbuf_str(&b, s);
        GP_DECREF(s);
        if (rc < 0)
            goto fail;
    }
    if (gp_strbuf_cstr(&b, n == 1 ? ",)" : ")") < 0)
        goto fail;
    gp_repr_leave(o);
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    gp_repr_leave(o);
    return NULL;
}

/* CPython 3.11's tuple hash (xxHash's round over the items' hashes). */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static gp_hash_t tuple_hash(gp_obj_t *o)
{
    gp_tuple_t *t = (gp_tuple_t *)o;
    if (t->hash != -1)
        return t->hash;
    gp_ssize_t n = GP_SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_hash_t h = gp_hash(t->items[i]);
        if (h == -1)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    gp_hash_t res = (gp_hash_t)acc;
    if (res == -1)
        res = 1546275796;
    t->hash = res;
    return res;
}

gp_obj_t *gp_seq_richcompare(gp_obj_t *const *a, gp_ssize_t na,
                             gp_obj_t *const *b, gp_ssize_t nb, int op)
{
    if (na != nb && (op == GP_EQ || op == GP_NE))
        return gp_bool_from(op == GP_NE);
    gp_ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        int k = gp_richcompare_bool(a[i], b[i], GP_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= na || i >= nb) {
        int c;
        switch (op) {
        case GP_LT: c = na < nb; break;
        case GP_LE: c = na <= nb; break;
        case GP_EQ: c = na == nb; break;
        case GP_NE: c = na != nb; break;
        case GP_GT: c = na > nb; break;
        default: c = na >= nb; break;
        }
        return gp_bool_from(c);
    }
    if (op == GP_EQ)
        GP_RETURN_FALSE;
    if (op == GP_NE)
        GP_RETURN_TRUE;
    return gp_richcompare(a[i], b[i], op);
}

static gp_obj_t *tuple_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_TUPLE_CHECK(a) || !GP_TUPLE_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    return gp_seq_richcompare(GP_TUPLE_ITEMS(a), GP_SIZE(a),
                              GP_TUPLE_ITEMS(b), GP_SIZE(b), op);
}

static gp_ssize_t tuple_length(gp_obj_t *o) { return GP_SIZE(o); }

static gp_obj_t *tuple_item(gp_obj_t *o, gp_ssize_t i)
{
    if (i < 0 || i >= GP_SIZE(o)) {
        gp_err_set_str(&gp_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return gp_newref(GP_TUPLE_GET(o, i));
}

static gp_obj_t *tuple_subscript(gp_obj_t *o, gp_obj_t *key)
{
    if (GP_INT_CHECK_EXACT(key) && gp_int_is_small(key)) {
        int64_t i = gp_int_small(key);
        if (i < 0)
            i += GP_SIZE(o);
        return tuple_item(o, (gp_ssize_t)i);
    }
    if (GP_SLICE_CHECK(key)) {
        gp_ssize_t start, stop, step;
        if (gp_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        gp_ssize_t n = gp_slice_adjust(GP_SIZE(o), &start, &stop, step);
        if (step == 1)
            return gp_tuple_slice(o, start, stop);
        if (n == GP_SIZE(o) && step == 1 && GP_TUPLE_CHECK_EXACT(o))
            return gp_newref(o);
        gp_obj_t *r = gp_tuple_new(n);
        if (!r)
            return NULL;
        for (gp_ssize_t i = 0, j = start; i < n; i++, j += step)
            GP_TUPLE_SET(r, i, gp_newref(GP_TUPLE_GET(o, j)));
        return r;
    }
    if (gp_index_check(key)) {
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
        if (i < 0)
            i += GP_SIZE(o);
        return tuple_item(o, i);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "tuple indices must be integers or slices, not %s",
                         TNAME(key));
}

static int tuple_contains(gp_obj_t *o, gp_obj_t *v)
{
    gp_ssize_t n = GP_SIZE(o);
    for (gp_ssize_t i = 0; i < n; i++) {
        int k = gp_richcompare_bool(GP_TUPLE_GET(o, i), v, GP_EQ);
        if (k != 0)
            return k;
    }
    return 0;
}

static gp_obj_t *tuple_concat(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_TUPLE_CHECK(b) || !GP_TUPLE_CHECK(a)) {
        return gp_err_format(&gp_exc_TypeError,
                             "can only concatenate tuple (not \"%s\") to tuple",
                             TNAME(b));
    }
    gp_ssize_t na = GP_SIZE(a), nb = GP_SIZE(b);
    if (nb == 0 && GP_TUPLE_CHECK_EXACT(a))
        return gp_newref(a);
    if (na == 0 && GP_TUPLE_CHECK_EXACT(b))
        return gp_newref(b);
    gp_obj_t *r = gp_tuple_new(na + nb);
    if (!r)
        return NULL;
    for (gp_ssize_t i = 0; i < na; i++)
        GP_TUPLE_SET(r, i, gp_newref(GP_TUPLE_GET(a, i)));
    for (gp_ssize_t i = 0; i < nb; i++)
        GP_TUPLE_SET(r, na + i, gp_newref(GP_TUPLE_GET(b, i)));
    return r;
}

static gp_obj_t *tuple_add(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_TUPLE_CHECK(a) || !GP_TUPLE_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    return tuple_concat(a, b);
}

static gp_obj_t *tuple_repeat(gp_obj_t *o, gp_ssize_t n)
{
    gp_ssize_t len = GP_SIZE(o);
    if (n < 0)
        n = 0;
    if (len == 0 || n == 1) {
        if (GP_TUPLE_CHECK_EXACT(o))
            return gp_newref(o);
    }
    if (len && n > ((gp_ssize_t)1 << 58) / len)
        return gp_err_nomemory();
    gp_obj_t *r = gp_tuple_new(len * n);
    if (!r)
        return NULL;
    gp_obj_t **d = GP_TUPLE_ITEMS(r);
    for (gp_ssize_t k = 0; k < n; k++)
        for (gp_ssize_t i = 0; i < len; i++)
            *d++ = gp_newref(GP_TUPLE_GET(o, i));
    return r;
}

/* seq * n and n * seq, with CPython's message for a non-int factor; a
** class operand that may define __rmul__ / __mul__ gets its chance. */
static gp_obj_t *tuple_mul(gp_obj_t *a, gp_obj_t *b)
{
    gp_obj_t *seq = a, *n = b;
    if (!GP_TUPLE_CHECK(a)) {
        seq = b;
        n = a;
    }
    if (!gp_index_check(n)) {
        if (n == a || (GP_TYPE(n)->flags & GP_TPFLAGS_HEAPTYPE))
            GP_RETURN_NOTIMPLEMENTED;
        return gp_err_format(&gp_exc_TypeError,
                             "can't multiply sequence by non-int of type '%s'",
                             TNAME(n));
    }
    gp_ssize_t k = gp_number_as_ssize_t(n, &gp_exc_OverflowError);
    if (k == -1 && gp_err_occurred())
        return NULL;
    return tuple_repeat(seq, k);
}

/* ---- iterator --------------------------------------------------------- */

static void seqiter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((gp_seq_iter_t *)o)->seq);
    gp_object_free(o);
}

static int seqiter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((gp_seq_iter_t *)o)->seq);
    return 0;
}

static gp_obj_t *tupleiter_next(gp_obj_t *o)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)o;
    gp_obj_t *t = it->seq;
    if (!t)
        return NULL;
    if (it->index < GP_SIZE(t))
        return gp_newref(GP_TUPLE_GET(t, it->index++));
    it->seq = NULL;
    GP_DECREF(t);
    return NULL;
}

static gp_obj_t *iter_self(gp_obj_t *o) { return gp_newref(o); }

static gp_obj_t *tupleiter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)o;
    gp_ssize_t n = it->seq ? GP_SIZE(it->seq) - it->index : 0;
    return gp_int_from_ssize(n < 0 ? 0 : n);
}

static gp_methoddef_t tupleiter_methods[] = {
    {"__length_hint__", GP_METH_FN(tupleiter_length_hint), GP_METH_NOARGS,
     NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_tuple_iter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "tuple_iterator",
    .basicsize = sizeof(gp_seq_iter_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = seqiter_dealloc,
    .traverse = seqiter_traverse,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .methods = tupleiter_methods,
    .base = &gp_object_type,
};

static gp_obj_t *tuple_iter(gp_obj_t *o)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)gp_type_alloc(&gp_tuple_iter_type, 0);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = gp_newref(o);
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

/* ---- methods ---------------------------------------------------------- */

static gp_obj_t *tuple_index(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs)
{
    if (gp_arg_count("index", nargs, 1, 3) < 0)
        return NULL;
    gp_ssize_t n = GP_SIZE(self), start = 0, stop = n;
    if (nargs > 1 && gp_index_bound(args[1], n, &start) < 0)
        return NULL;
    if (nargs > 2 && gp_index_bound(args[2], n, &stop) < 0)
        return NULL;
    for (gp_ssize_t i = start; i < stop && i < GP_SIZE(self); i++) {
        int k = gp_richcompare_bool(GP_TUPLE_GET(self, i), args[0], GP_EQ);
        if (k < 0)
            return NULL;
        if (k)
            return gp_int_from_ssize(i);
    }
    gp_err_set_str(&gp_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static gp_obj_t *tuple_count(gp_obj_t *self, gp_obj_t *v)
{
    gp_ssize_t c = 0;
    for (gp_ssize_t i = 0; i < GP_SIZE(self); i++) {
        int k = gp_richcompare_bool(GP_TUPLE_GET(self, i), v, GP_EQ);
        if (k < 0)
            return NULL;
        c += k;
    }
    return gp_int_from_ssize(c);
}

static gp_obj_t *tuple_getnewargs(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *t = gp_tuple_from_array(GP_TUPLE_ITEMS(self), GP_SIZE(self));
    if (!t)
        return NULL;
    gp_obj_t *r = gp_tuple_pack(1, t);
    GP_DECREF(t);
    return r;
}

static gp_methoddef_t tuple_methods[] = {
    {"index", GP_METH_FN(tuple_index), GP_METH_FASTCALL,
     "Return first index of value."},
    {"count", GP_METH_FN(tuple_count), GP_METH_O,
     "Return number of occurrences of value."},
    {"__getnewargs__", GP_METH_FN(tuple_getnewargs), GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *tuple_new(gp_type_t *type, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (type == &gp_tuple_type && gp_arg_no_kw("tuple", kwnames) < 0)
        return NULL;
    if (gp_arg_count("tuple", nargs, 0, 1) < 0)
        return NULL;
    gp_obj_t *t;
    if (nargs == 0)
        t = gp_tuple_new(0);
    else if (GP_TUPLE_CHECK_EXACT(args[0]))
        t = gp_newref(args[0]);
    else
        t = gp_sequence_tuple(args[0]);
    if (!t || type == &gp_tuple_type)
        return t;
    gp_ssize_t n = GP_SIZE(t);
    gp_obj_t *r = tuple_alloc(type, n);
    if (!r) {
        GP_DECREF(t);
        return NULL;
    }
    for (gp_ssize_t i = 0; i < n; i++)
        GP_TUPLE_SET(r, i, gp_newref(GP_TUPLE_GET(t, i)));
    GP_DECREF(t);
    gp_gc_track(r);
    return r;
}

static gp_number_methods_t tuple_as_number = {
    .binop = {[GP_NB_ADD] = tuple_add, [GP_NB_MULTIPLY] = tuple_mul},
};

static gp_sequence_methods_t tuple_as_sequence = {
    .length = tuple_length,
    .item = tuple_item,
    .contains = tuple_contains,
    .concat = tuple_concat,
};

static gp_mapping_methods_t tuple_as_mapping = {
    .length = tuple_length,
    .subscript = tuple_subscript,
};

gp_type_t gp_tuple_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "tuple",
    .basicsize = offsetof(gp_tuple_t, items),
    .itemsize = sizeof(gp_obj_t *),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE |
             GP_TPFLAGS_TUPLE_SUBCLASS | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .new_ = tuple_new,
    .traverse = tuple_traverse,
    .as_number = &tuple_as_number,
    .as_sequence = &tuple_as_sequence,
    .as_mapping = &tuple_as_mapping,
    .methods = tuple_methods,
    .base = &gp_object_type,
    .doc = "Built-in immutable sequence.\n\n"
           "If no argument is given, the constructor returns an empty tuple.\n"
           "If iterable is specified the tuple is initialized from "
           "iterable's items.\n\n"
           "If the argument is a tuple, the return value is the same object.",
};

int gp_obj_tuple_init(void)
{
    if (gp_type_ready(&gp_tuple_type) < 0 ||
        gp_type_ready(&gp_tuple_iter_type) < 0)
        return -1;
    return 0;
}
