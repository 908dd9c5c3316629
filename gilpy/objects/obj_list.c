/*
** obj_list.c — the list type, its forward and reverse iterators, and the
** repr recursion guard shared by the containers (Py_ReprEnter).  A list
** is an over-allocated array of references grown as CPython's (so
** sys.getsizeof-visible growth is similar and appends are amortised O(1)).
** list.sort lives in list_sort.c.  Guard: the GIL.  Any comparison may
** run Python code that mutates the list: loops re-read the size and the
** item array after every call out.
*/
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
#include "vm/state.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))
#define L(o) ((gp_list_t *)(o))

/* ---- repr recursion guard --------------------------------------------- */

int gp_repr_enter(gp_obj_t *o)
{
    gp_thread_t *t = gp_tcur();
    if (!t->repr_active) {
        t->repr_active = gp_list_new(0);
        if (!t->repr_active)
            return -1;
    }
    gp_obj_t *l = t->repr_active;
    for (gp_ssize_t i = GP_SIZE(l) - 1; i >= 0; i--)
        if (GP_LIST_GET(l, i) == o)
            return 1;
    return gp_list_append(l, o) < 0 ? -1 : 0;
}

void gp_repr_leave(gp_obj_t *o)
{
    gp_thread_t *t = gp_tcur();
    gp_obj_t *l = t->repr_active;
    if (!l)
        return;
    gp_obj_t *exc = gp_err_fetch();
    for (gp_ssize_t i = GP_SIZE(l) - 1; i >= 0; i--) {
        if (GP_LIST_GET(l, i) == o) {
            gp_obj_t *v = GP_LIST_GET(l, i);
            memmove(&GP_LIST_ITEMS(l)[i], &GP_LIST_ITEMS(l)[i + 1],
                    (size_t)(GP_SIZE(l) - i - 1) * sizeof(gp_obj_t *));
            GP_SIZE(l)--;
            GP_DECREF(v);
            break;
        }
    }
    gp_err_restore(exc);
}

/* ---- storage ---------------------------------------------------------- */

/* Make room for newsize items (CPython's growth pattern); size set. */
static int list_resize(gp_list_t *l, gp_ssize_t newsize)
{
    gp_ssize_t alloc = l->allocated;
    if (alloc >= newsize && newsize >= (alloc >> 1)) {
        l->ob.size = newsize;
        return 0;
    }
    size_t na = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if ((gp_ssize_t)(newsize - l->ob.size) > (gp_ssize_t)na - newsize)
        na = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        na = 0;
    if (na > ((size_t)1 << 58)) {
        gp_err_nomemory();
        return -1;
    }
    gp_obj_t **items = realloc(l->items, (na ? na : 1) * sizeof(gp_obj_t *));
    if (!items) {
        gp_err_nomemory();
        return -1;
    }
    l->items = items;
    l->allocated = (gp_ssize_t)na;
    l->ob.size = newsize;
    return 0;
}

/* Exactly n slots allocated, size 0 (callers fill). */
static int list_preallocate(gp_list_t *l, gp_ssize_t n)
{
    if (n <= l->allocated)
        return 0;
    gp_obj_t **items = realloc(l->items, (size_t)n * sizeof(gp_obj_t *));
    if (!items) {
        gp_err_nomemory();
        return -1;
    }
    l->items = items;
    l->allocated = n;
    return 0;
}

gp_obj_t *gp_list_new(gp_ssize_t n)
{
    if (n < 0)
        return gp_err_badinternalcall("gp_list_new");
    gp_list_t *l = (gp_list_t *)gp_type_alloc(&gp_list_type, 0);
    if (!l)
        return NULL;
    if (n > 0) {
        l->items = calloc((size_t)n, sizeof(gp_obj_t *));
        if (!l->items) {
            gp_object_free(GP_OBJ(l));
            return gp_err_nomemory();
        }
        l->allocated = n;
    }
    l->ob.size = n;
    gp_gc_track(GP_OBJ(l));
    return GP_OBJ(l);
}

gp_obj_t *gp_list_from_array(gp_obj_t *const *items, gp_ssize_t n)
{
    gp_obj_t *l = gp_list_new(n);
    if (!l)
        return NULL;
    for (gp_ssize_t i = 0; i < n; i++)
        GP_LIST_SET(l, i, gp_newref(items[i]));
    return l;
}

int gp_list_append(gp_obj_t *list, gp_obj_t *v)
{
    gp_list_t *l = L(list);
    gp_ssize_t n = l->ob.size;
    if (n < l->allocated) {
        l->items[n] = gp_newref(v);
        l->ob.size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0)
        return -1;
    l->items[n] = gp_newref(v);
    return 0;
}

int gp_list_insert(gp_obj_t *list, gp_ssize_t i, gp_obj_t *v)
{
    gp_list_t *l = L(list);
    gp_ssize_t n = l->ob.size;
    if (list_resize(l, n + 1) < 0)
        return -1;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    memmove(&l->items[i + 1], &l->items[i],
            (size_t)(n - i) * sizeof(gp_obj_t *));
    l->items[i] = gp_newref(v);
    return 0;
}

int gp_list_extend(gp_obj_t *list, gp_obj_t *iterable)
{
    gp_list_t *l = L(list);
    if (GP_LIST_CHECK_EXACT(iterable) || GP_TUPLE_CHECK_EXACT(iterable) ||
        iterable == list) {
        gp_ssize_t m = GP_SIZE(iterable);
        if (m == 0)
            return 0;
        gp_ssize_t n = l->ob.size;
        if (list_resize(l, n + m) < 0)
            return -1;
        /* after the resize: list.extend(list) reads the new array */
        gp_obj_t **src = GP_LIST_CHECK_EXACT(iterable) ?
                         L(iterable)->items : GP_TUPLE_ITEMS(iterable);
        for (gp_ssize_t i = 0; i < m; i++)
            l->items[n + i] = gp_newref(src[i]);
        return 0;
    }
    gp_obj_t *it = gp_iter(iterable);
    if (!it)
        return -1;
    gp_ssize_t hint = gp_length_hint(iterable, 8);
    if (hint < 0) {
        GP_DECREF(it);
        return -1;
    }
    if (hint > 0 && l->ob.size + hint > l->allocated &&
        list_preallocate(l, l->ob.size + hint) < 0) {
        GP_DECREF(it);
        return -1;
    }
    gp_unary_fn next = GP_TYPE(it)->iternext;
    for (;;) {
        gp_obj_t *v = next ? next(it) : gp_iter_next(it);
        if (!v) {
            if (gp_err_occurred()) {
                if (!gp_err_matches(&gp_exc_StopIteration)) {
                    GP_DECREF(it);
                    return -1;
                }
                gp_err_clear();
            }
            break;
        }
        gp_ssize_t n = l->ob.size;
        if (n < l->allocated) {
            l->items[n] = v;
            l->ob.size = n + 1;
        } else {
            if (list_resize(l, n + 1) < 0) {
                GP_DECREF(v);
                GP_DECREF(it);
                return -1;
            }
            l->items[n] = v;
        }
    }
    GP_DECREF(it);
    return 0;
}

gp_obj_t *gp_list_as_tuple(gp_obj_t *list)
{
    return gp_tuple_from_array(L(list)->items, L(list)->ob.size);
}

int gp_list_sort(gp_obj_t *list, gp_obj_t *key, int reverse)
{
    return gp_list_sort_impl(list, key, reverse);
}

int gp_list_reverse(gp_obj_t *list)
{
    if (L(list)->ob.size < 2)
        return 0;
    gp_obj_t **lo = L(list)->items, **hi = lo + L(list)->ob.size - 1;
    while (lo < hi) {
        gp_obj_t *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
    return 0;
}

/* Drop every item; the array is freed (as list.clear). */
static void list_clear_items(gp_list_t *l)
{
    gp_obj_t **items = l->items;
    gp_ssize_t n = l->ob.size;
    l->items = NULL;
    l->ob.size = 0;
    l->allocated = 0;
    if (items) {
        while (--n >= 0)
            GP_XDECREF(items[n]);
        free(items);
    }
}

static void list_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    list_clear_items(L(o));
    gp_object_free(o);
}

static int list_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    for (gp_ssize_t i = L(o)->ob.size - 1; i >= 0; i--)
        GP_VISIT(L(o)->items[i]);
    return 0;
}

static int list_gc_clear(gp_obj_t *o)
{
    list_clear_items(L(o));
    return 0;
}

static gp_obj_t *list_repr(gp_obj_t *o)
{
    if (L(o)->ob.size == 0)
        return gp_str_from_cstr("[]");
    int r = gp_repr_enter(o);
    if (r != 0)
        return r > 0 ? gp_str_from_cstr("[...]") : NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (gp_strbuf_char(&b, '[') < 0)
        goto fail;
    for (gp_ssize_t i = 0; i < L(o)->ob.size; i++) {
        if (i > 0 && gp_strbuf_cstr(&b, ", ") < 0)
            goto fail;
        gp_obj_t *item = gp_newref(L(o)->items[i]);
        gp_obj_t *s = gp_repr(item);
        GP_DECREF(item);
        if (!s)
            goto fail;
        int rc = gp_strbuf_str(&b, s);
        GP_DECREF(s);
        if (rc < 0)
            goto fail;
    }
    if (gp_strbuf_char(&b, ']') < 0)
        goto fail;
    gp_repr_leave(o);
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    gp_repr_leave(o);
    return NULL;
}

static gp_obj_t *list_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_LIST_CHECK(a) || !GP_LIST_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (L(a)->ob.size != L(b)->ob.size && (op == GP_EQ || op == GP_NE))
        return gp_bool_from(op == GP_NE);
    /* item comparisons may mutate either list: re-read sizes each step */
    gp_ssize_t i;
    for (i = 0; i < L(a)->ob.size && i < L(b)->ob.size; i++) {
        gp_obj_t *x = L(a)->items[i], *y = L(b)->items[i];
        if (x == y)
            continue;
        GP_INCREF(x);
        GP_INCREF(y);
        int k = gp_richcompare_bool(x, y, GP_EQ);
        GP_DECREF(x);
        GP_DECREF(y);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    gp_ssize_t na = L(a)->ob.size, nb = L(b)->ob.size;
    if (i >= na || i >= nb) {
        /* no differing item: the lengths decide */
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
    gp_obj_t *x = gp_newref(L(a)->items[i]), *y = gp_newref(L(b)->items[i]);
    gp_obj_t *r = gp_richcompare(x, y, op);
    GP_DECREF(x);
    GP_DECREF(y);
    return r;
}

static gp_ssize_t list_length(gp_obj_t *o) { return L(o)->ob.size; }

static gp_obj_t *list_item(gp_obj_t *o, gp_ssize_t i)
{
    if ((size_t)i >= (size_t)L(o)->ob.size) {
        gp_err_set_str(&gp_exc_IndexError, "list index out of range");
        return NULL;
    }
    return gp_newref(L(o)->items[i]);
}

static gp_obj_t *list_slice(gp_obj_t *o, gp_ssize_t lo, gp_ssize_t hi)
{
    return gp_list_from_array(L(o)->items + lo, hi - lo);
}

static gp_obj_t *list_subscript(gp_obj_t *o, gp_obj_t *key)
{
    if (GP_INT_CHECK_EXACT(key) && gp_int_is_small(key)) {
        int64_t i = gp_int_small(key);
        if (i < 0)
            i += L(o)->ob.size;
        return list_item(o, (gp_ssize_t)i);
    }
    if (GP_SLICE_CHECK(key)) {
        gp_ssize_t start, stop, step;
        if (gp_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        gp_ssize_t n = gp_slice_adjust(L(o)->ob.size, &start, &stop, step);
        if (step == 1)
            return list_slice(o, start, start + n);
        gp_obj_t *r = gp_list_new(n);
        if (!r)
            return NULL;
        for (gp_ssize_t i = 0, j = start; i < n; i++, j += step)
            GP_LIST_SET(r, i, gp_newref(L(o)->items[j]));
        return r;
    }
    if (gp_index_check(key)) {
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
        if (i < 0)
            i += L(o)->ob.size;
        return list_item(o, i);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "list indices must be integers or slices, not %s",
                         TNAME(key));
}

/* a[lo:hi] = v (v NULL: delete), v any iterable. */
static int list_ass_slice(gp_obj_t *a, gp_ssize_t lo, gp_ssize_t hi,
                          gp_obj_t *v)
{
    gp_obj_t *seq = NULL;
    gp_obj_t **src = NULL;
    gp_ssize_t m = 0;
    if (v) {
        if (v == a || !(GP_LIST_CHECK(v) || GP_TUPLE_CHECK(v))) {
            if (v != a && !GP_TYPE(v)->iter &&
                !(GP_TYPE(v)->as_sequence && GP_TYPE(v)->as_sequence->item)) {
                gp_err_set_str(&gp_exc_TypeError,
                               "can only assign an iterable");
                return -1;
            }
            seq = gp_sequence_list(v);
            if (!seq) {
                if (gp_err_matches(&gp_exc_TypeError)) {
                    gp_err_clear();
                    gp_err_set_str(&gp_exc_TypeError,
                                   "can only assign an iterable");
                }
                return -1;
            }
            src = L(seq)->items;
            m = L(seq)->ob.size;
        } else if (GP_LIST_CHECK(v)) {
            src = L(v)->items;
            m = L(v)->ob.size;
        } else {
            src = GP_TUPLE_ITEMS(v);
            m = GP_SIZE(v);
        }
    }
    gp_list_t *l = L(a);
    gp_ssize_t n = l->ob.size;
    if (lo < 0)
        lo = 0;
    else if (lo > n)
        lo = n;
    if (hi < lo)
        hi = lo;
    else if (hi > n)
        hi = n;
    gp_ssize_t d = hi - lo;
    /* keep the removed items alive until the list is consistent */
    gp_obj_t *stackbuf[8];
    gp_obj_t **old = stackbuf;
    if (d > 8) {
        old = malloc((size_t)d * sizeof(gp_obj_t *));
        if (!old) {
            GP_XDECREF(seq);
            gp_err_nomemory();
            return -1;
        }
    }
    memcpy(old, &l->items[lo], (size_t)d * sizeof(gp_obj_t *));
    gp_ssize_t delta = m - d;
    if (delta < 0) {
        memmove(&l->items[hi + delta], &l->items[hi],
                (size_t)(n - hi) * sizeof(gp_obj_t *));
        list_resize(l, n + delta);
    } else if (delta > 0) {
        if (list_resize(l, n + delta) < 0) {
            if (old != stackbuf)
                free(old);
            GP_XDECREF(seq);
            return -1;
        }
        memmove(&l->items[hi + delta], &l->items[hi],
                (size_t)(n - hi) * sizeof(gp_obj_t *));
    }
    for (gp_ssize_t i = 0; i < m; i++)
        l->items[lo + i] = gp_newref(src[i]);
    for (gp_ssize_t i = d - 1; i >= 0; i--)
        GP_XDECREF(old[i]);
    if (old != stackbuf)
        free(old);
    GP_XDECREF(seq);
    return 0;
}

static int list_ass_item(gp_obj_t *o, gp_ssize_t i, gp_obj_t *v)
{
    if ((size_t)i >= (size_t)L(o)->ob.size) {
        gp_err_set_str(&gp_exc_IndexError,
                       "list assignment index out of range");
        return -1;
    }
    if (!v)
        return list_ass_slice(o, i, i + 1, NULL);
    gp_obj_t *old = L(o)->items[i];
    L(o)->items[i] = gp_newref(v);
    GP_DECREF(old);
    return 0;
}

static int list_ass_subscript(gp_obj_t *o, gp_obj_t *key, gp_obj_t *v)
{
    if (GP_INT_CHECK_EXACT(key) && gp_int_is_small(key)) {
        int64_t i = gp_int_small(key);
        if (i < 0)
            i += L(o)->ob.size;
        return list_ass_item(o, (gp_ssize_t)i, v);
    }
    if (GP_SLICE_CHECK(key)) {
        gp_ssize_t start, stop, step;
        if (gp_slice_unpack(key, &start, &stop, &step) < 0)
            return -1;
        gp_ssize_t n = gp_slice_adjust(L(o)->ob.size, &start, &stop, step);
        if (step == 1)
            return list_ass_slice(o, start, stop, v);
        if (!v) {
            if (n <= 0)
                return 0;
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (n - 1) - 1;
                step = -step;
            }
            gp_list_t *l = L(o);
            gp_obj_t **gone = malloc((size_t)n * sizeof(gp_obj_t *));
            if (!gone) {
                gp_err_nomemory();
                return -1;
            }
            gp_ssize_t cur = start, k = 0, w = start;
            for (gp_ssize_t r = start; r < l->ob.size; r++) {
                if (k < n && r == cur) {
                    gone[k++] = l->items[r];
                    cur += step;
                } else {
                    l->items[w++] = l->items[r];
                }
            }
            list_resize(l, l->ob.size - n);
            for (gp_ssize_t i = 0; i < n; i++)
                GP_DECREF(gone[i]);
            free(gone);
            return 0;
        }
        gp_obj_t *seq;
        if (GP_LIST_CHECK_EXACT(v) && v != o)
            seq = gp_newref(v);
        else if (GP_TUPLE_CHECK(v))
            seq = gp_newref(v);
        else {
            if (!GP_TYPE(v)->iter &&
                !(GP_TYPE(v)->as_sequence && GP_TYPE(v)->as_sequence->item)) {
                gp_err_set_str(&gp_exc_TypeError,
                               "must assign iterable to extended slice");
                return -1;
            }
            seq = gp_sequence_list(v);
            if (!seq)
                return -1;
        }
        gp_ssize_t m = GP_SIZE(seq);
        gp_obj_t **src = GP_TUPLE_CHECK(seq) ? GP_TUPLE_ITEMS(seq)
                                             : L(seq)->items;
        if (m != n) {
            GP_DECREF(seq);
            gp_err_format(&gp_exc_ValueError,
                          "attempt to assign sequence of size %zd to "
                          "extended slice of size %zd", m, n);
            return -1;
        }
        for (gp_ssize_t i = 0, j = start; i < n; i++, j += step) {
            gp_obj_t *old = L(o)->items[j];
            L(o)->items[j] = gp_newref(src[i]);
            GP_DECREF(old);
        }
        GP_DECREF(seq);
        return 0;
    }
    if (gp_index_check(key)) {
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return -1;
        if (i < 0)
            i += L(o)->ob.size;
        return list_ass_item(o, i, v);
    }
    gp_err_format(&gp_exc_TypeError,
                  "list indices must be integers or slices, not %s",
                  TNAME(key));
    return -1;
}

static int list_contains(gp_obj_t *o, gp_obj_t *v)
{
    for (gp_ssize_t i = 0; i < L(o)->ob.size; i++) {
        gp_obj_t *x = L(o)->items[i];
        if (x == v)
            return 1;
        GP_INCREF(x);
        int k = gp_richcompare_bool(x, v, GP_EQ);
        GP_DECREF(x);
        if (k != 0)
            return k;
    }
    return 0;
}

static gp_obj_t *list_concat(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_LIST_CHECK(b) || !GP_LIST_CHECK(a))
        return gp_err_format(&gp_exc_TypeError,
                             "can only concatenate list (not \"%s\") to list",
                             TNAME(b));
    gp_ssize_t na = L(a)->ob.size, nb = L(b)->ob.size;
    gp_obj_t *r = gp_list_new(na + nb);
    if (!r)
        return NULL;
    for (gp_ssize_t i = 0; i < na; i++)
        GP_LIST_SET(r, i, gp_newref(L(a)->items[i]));
    for (gp_ssize_t i = 0; i < nb; i++)
        GP_LIST_SET(r, na + i, gp_newref(L(b)->items[i]));
    return r;
}

static gp_obj_t *list_add(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_LIST_CHECK(a) || !GP_LIST_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    return list_concat(a, b);
}

static gp_obj_t *list_iadd(gp_obj_t *a, gp_obj_t *b)
{
    if (gp_list_extend(a, b) < 0)
        return NULL;
    return gp_newref(a);
}

static gp_obj_t *list_repeat(gp_obj_t *o, gp_ssize_t n)
{
    gp_ssize_t len = L(o)->ob.size;
    if (n < 0 || len == 0)
        n = 0;
    if (len && n > ((gp_ssize_t)1 << 58) / len)
        return gp_err_nomemory();
    gp_obj_t *r = gp_list_new(len * n);
    if (!r)
        return NULL;
    gp_obj_t **d = L(r)->items;
    for (gp_ssize_t k = 0; k < n; k++)
        for (gp_ssize_t i = 0; i < len; i++)
            *d++ = gp_newref(L(o)->items[i]);
    return r;
}

/* seq * n and n * seq; see tuple_mul in obj_tuple.c. */
static int repeat_count(gp_obj_t *a, gp_obj_t *n, gp_ssize_t *out)
{
    if (!gp_index_check(n)) {
        if (n == a || (GP_TYPE(n)->flags & GP_TPFLAGS_HEAPTYPE))
            return 0;
        gp_err_format(&gp_exc_TypeError,
                      "can't multiply sequence by non-int of type '%s'",
                      TNAME(n));
        return -1;
    }
    gp_ssize_t k = gp_number_as_ssize_t(n, &gp_exc_OverflowError);
    if (k == -1 && gp_err_occurred())
        return -1;
    *out = k;
    return 1;
}

static gp_obj_t *list_mul(gp_obj_t *a, gp_obj_t *b)
{
    gp_obj_t *seq = a, *n = b;
    if (!GP_LIST_CHECK(a)) {
        seq = b;
        n = a;
    }
    gp_ssize_t k;
    int r = repeat_count(a, n, &k);
    if (r <= 0)
        return r < 0 ? NULL : gp_newref(GP_NOTIMPLEMENTED);
    return list_repeat(seq, k);
}

static gp_obj_t *list_imul(gp_obj_t *a, gp_obj_t *b)
{
    gp_ssize_t k;
    int r = repeat_count(a, b, &k);
    if (r <= 0)
        return r < 0 ? NULL : gp_newref(GP_NOTIMPLEMENTED);
    gp_list_t *l = L(a);
    gp_ssize_t len = l->ob.size;
    if (len == 0)
        return gp_newref(a);
    if (k < 1) {
        list_clear_items(l);
        return gp_newref(a);
    }
    if (k > ((gp_ssize_t)1 << 58) / len)
        return gp_err_nomemory();
    if (list_resize(l, len * k) < 0)
        return NULL;
    gp_obj_t **d = l->items + len;
    for (gp_ssize_t j = 1; j < k; j++)
        for (gp_ssize_t i = 0; i < len; i++)
            *d++ = gp_newref(l->items[i]);
    return gp_newref(a);
}

/* ---- iterators -------------------------------------------------------- */

static void listiter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((gp_seq_iter_t *)o)->seq);
    gp_object_free(o);
}

static int listiter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((gp_seq_iter_t *)o)->seq);
    return 0;
}

static gp_obj_t *iter_self(gp_obj_t *o) { return gp_newref(o); }

static gp_obj_t *listiter_next(gp_obj_t *o)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)o;
    gp_obj_t *l = it->seq;
    if (!l)
        return NULL;
    if (it->index < L(l)->ob.size)
        return gp_newref(L(l)->items[it->index++]);
    it->seq = NULL;
    GP_DECREF(l);
    return NULL;
}

static gp_obj_t *listiter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)o;
    gp_ssize_t n = it->seq ? L(it->seq)->ob.size - it->index : 0;
    return gp_int_from_ssize(n < 0 ? 0 : n);
}

static gp_methoddef_t listiter_methods[] = {
    {"__length_hint__", GP_METH_FN(listiter_length_hint), GP_METH_NOARGS,
     NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_list_iter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "list_iterator",
    .basicsize = sizeof(gp_seq_iter_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = iter_self,
    .iternext = listiter_next,
    .methods = listiter_methods,
    .base = &gp_object_type,
};

static gp_obj_t *listreviter_next(gp_obj_t *o)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)o;
    gp_obj_t *l = it->seq;
    if (!l)
        return NULL;
    if (it->index >= 0 && it->index < L(l)->ob.size)
        return gp_newref(L(l)->items[it->index--]);
    it->seq = NULL;
    GP_DECREF(l);
    return NULL;
}

static gp_obj_t *listreviter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)o;
    gp_ssize_t n = 0;
    if (it->seq && it->index < L(it->seq)->ob.size)
        n = it->index + 1;
    return gp_int_from_ssize(n);
}

static gp_methoddef_t listreviter_methods[] = {
    {"__length_hint__", GP_METH_FN(listreviter_length_hint), GP_METH_NOARGS,
     NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_list_reviter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "list_reverseiterator",
    .basicsize = sizeof(gp_seq_iter_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = iter_self,
    .iternext = listreviter_next,
    .methods = listreviter_methods,
    .base = &gp_object_type,
};

static gp_obj_t *make_iter(gp_type_t *t, gp_obj_t *seq, gp_ssize_t index)
{
    gp_seq_iter_t *it = (gp_seq_iter_t *)gp_type_alloc(t, 0);
    if (!it)
        return NULL;
    it->index = index;
    it->seq = gp_newref(seq);
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

static gp_obj_t *list_iter(gp_obj_t *o)
{
    return make_iter(&gp_list_iter_type, o, 0);
}

/* ---- methods ---------------------------------------------------------- */

static gp_obj_t *list_append_m(gp_obj_t *self, gp_obj_t *v)
{
    if (gp_list_append(self, v) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *list_extend_m(gp_obj_t *self, gp_obj_t *v)
{
    if (gp_list_extend(self, v) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *list_insert_m(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    if (nargs != 2)
        return gp_err_format(&gp_exc_TypeError,
                             "insert expected 2 arguments, got %zd", nargs);
    if (!gp_index_check(args[0]))
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             TNAME(args[0]));
    gp_ssize_t i = gp_number_as_ssize_t(args[0], NULL);
    if (i == -1 && gp_err_occurred())
        return NULL;
    if (gp_list_insert(self, i, args[1]) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *list_pop_m(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("pop", nargs, 0, 1) < 0)
        return NULL;
    gp_ssize_t i = -1;
    if (nargs == 1) {
        if (!gp_index_check(args[0]))
            return gp_err_format(&gp_exc_TypeError,
                                 "'%s' object cannot be interpreted as an "
                                 "integer", TNAME(args[0]));
        i = gp_number_as_ssize_t(args[0], NULL);
        if (i == -1 && gp_err_occurred())
            return NULL;
    }
    gp_list_t *l = L(self);
    if (l->ob.size == 0) {
        gp_err_set_str(&gp_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0)
        i += l->ob.size;
    if (i < 0 || i >= l->ob.size) {
        gp_err_set_str(&gp_exc_IndexError, "pop index out of range");
        return NULL;
    }
    gp_obj_t *v = l->items[i];
    memmove(&l->items[i], &l->items[i + 1],
            (size_t)(l->ob.size - i - 1) * sizeof(gp_obj_t *));
    list_resize(l, l->ob.size - 1);
    return v;
}

static gp_obj_t *list_remove_m(gp_obj_t *self, gp_obj_t *v)
{
    for (gp_ssize_t i = 0; i < L(self)->ob.size; i++) {
        gp_obj_t *x = gp_newref(L(self)->items[i]);
        int k = gp_richcompare_bool(x, v, GP_EQ);
        GP_DECREF(x);
        if (k < 0)
            return NULL;
        if (k) {
            if (i < L(self)->ob.size &&
                list_ass_slice(self, i, i + 1, NULL) < 0)
                return NULL;
            GP_RETURN_NONE;
        }
    }
    gp_err_set_str(&gp_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

int gp_index_bound(gp_obj_t *v, gp_ssize_t n, gp_ssize_t *out)
{
    if (v == GP_NONE)
        return 0;
    if (!gp_index_check(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "slice indices must be integers or have an "
                       "__index__ method");
        return -1;
    }
    gp_ssize_t i = gp_number_as_ssize_t(v, NULL);
    if (i == -1 && gp_err_occurred())
        return -1;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    *out = i;
    return 0;
}

static gp_obj_t *list_index_m(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs)
{
    if (gp_arg_count("index", nargs, 1, 3) < 0)
        return NULL;
    gp_ssize_t n = L(self)->ob.size, start = 0, stop = PTRDIFF_MAX;
    if (nargs > 1 && gp_index_bound(args[1], n, &start) < 0)
        return NULL;
    if (nargs > 2 && gp_index_bound(args[2], n, &stop) < 0)
        return NULL;
    for (gp_ssize_t i = start; i < stop && i < L(self)->ob.size; i++) {
        gp_obj_t *x = gp_newref(L(self)->items[i]);
        int k = gp_richcompare_bool(x, args[0], GP_EQ);
        GP_DECREF(x);
        if (k < 0)
            return NULL;
        if (k)
            return gp_int_from_ssize(i);
    }
    return gp_err_format(&gp_exc_ValueError, "%R is not in list", args[0]);
}

static gp_obj_t *list_count_m(gp_obj_t *self, gp_obj_t *v)
{
    gp_ssize_t c = 0;
    for (gp_ssize_t i = 0; i < L(self)->ob.size; i++) {
        gp_obj_t *x = L(self)->items[i];
        if (x == v) {
            c++;
            continue;
        }
        GP_INCREF(x);
        int k = gp_richcompare_bool(x, v, GP_EQ);
        GP_DECREF(x);
        if (k < 0)
            return NULL;
        c += k;
    }
    return gp_int_from_ssize(c);
}

static gp_obj_t *list_clear_m(gp_obj_t *self, gp_obj_t *unused)
{
    list_clear_items(L(self));
    GP_RETURN_NONE;
}

static gp_obj_t *list_copy_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_list_from_array(L(self)->items, L(self)->ob.size);
}

static gp_obj_t *list_reverse_m(gp_obj_t *self, gp_obj_t *unused)
{
    gp_list_reverse(self);
    GP_RETURN_NONE;
}

static gp_obj_t *list_sort_m(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs > 0) {
        gp_err_set_str(&gp_exc_TypeError,
                       "sort() takes no positional arguments");
        return NULL;
    }
    gp_obj_t *key = NULL, *rev = NULL;
    gp_ssize_t nk = kwnames ? GP_SIZE(kwnames) : 0;
    for (gp_ssize_t i = 0; i < nk; i++) {
        gp_obj_t *name = GP_TUPLE_GET(kwnames, i);
        if (gp_str_eq_cstr(name, "key"))
            key = args[i];
        else if (gp_str_eq_cstr(name, "reverse"))
            rev = args[i];
        else
            return gp_err_format(&gp_exc_TypeError,
                                 "'%U' is an invalid keyword argument for "
                                 "sort()", name);
    }
    int reverse = 0;
    if (rev) {
        if (GP_FLOAT_CHECK(rev)) {
            gp_err_set_str(&gp_exc_TypeError,
                           "'float' object cannot be interpreted as an "
                           "integer");
            return NULL;
        }
        reverse = gp_is_true(rev);
        if (reverse < 0)
            return NULL;
    }
    if (key == GP_NONE)
        key = NULL;
    if (gp_list_sort_impl(self, key, reverse) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *list_reversed_m(gp_obj_t *self, gp_obj_t *unused)
{
    return make_iter(&gp_list_reviter_type, self, L(self)->ob.size - 1);
}

static gp_obj_t *list_sizeof_m(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_int_from_ssize(40 + L(self)->allocated * 8);
}

static gp_methoddef_t list_methods[] = {
    {"append", GP_METH_FN(list_append_m), GP_METH_O,
     "Append object to the end of the list."},
    {"extend", GP_METH_FN(list_extend_m), GP_METH_O,
     "Extend list by appending elements from the iterable."},
    {"insert", GP_METH_FN(list_insert_m), GP_METH_FASTCALL,
     "Insert object before index."},
    {"pop", GP_METH_FN(list_pop_m), GP_METH_FASTCALL,
     "Remove and return item at index (default last)."},
    {"remove", GP_METH_FN(list_remove_m), GP_METH_O,
     "Remove first occurrence of value."},
    {"index", GP_METH_FN(list_index_m), GP_METH_FASTCALL,
     "Return first index of value."},
    {"count", GP_METH_FN(list_count_m), GP_METH_O,
     "Return number of occurrences of value."},
    {"clear", GP_METH_FN(list_clear_m), GP_METH_NOARGS,
     "Remove all items from list."},
    {"copy", GP_METH_FN(list_copy_m), GP_METH_NOARGS,
     "Return a shallow copy of the list."},
    {"reverse", GP_METH_FN(list_reverse_m), GP_METH_NOARGS,
     "Reverse *IN PLACE*."},
    {"sort", GP_METH_FN(list_sort_m), GP_METH_FASTCALL | GP_METH_KEYWORDS,
     "Sort the list in ascending order and return None."},
    {"__reversed__", GP_METH_FN(list_reversed_m), GP_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", GP_METH_FN(list_sizeof_m), GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *list_new_(gp_type_t *type, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_list_t *l = (gp_list_t *)gp_type_alloc(type, 0);
    if (!l)
        return NULL;
    gp_gc_track(GP_OBJ(l));
    return GP_OBJ(l);
}

static int list_init(gp_obj_t *self, gp_obj_t *const *args,
                     gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (GP_TYPE(self) == &gp_list_type && gp_arg_no_kw("list", kwnames) < 0)
        return -1;
    if (gp_arg_count("list", nargs, 0, 1) < 0)
        return -1;
    if (L(self)->ob.size)
        list_clear_items(L(self));
    if (nargs == 1)
        return gp_list_extend(self, args[0]);
    return 0;
}

static gp_number_methods_t list_as_number = {
    .binop = {[GP_NB_ADD] = list_add, [GP_NB_MULTIPLY] = list_mul},
    .ibinop = {[GP_NB_ADD] = list_iadd, [GP_NB_MULTIPLY] = list_imul},
};

static gp_sequence_methods_t list_as_sequence = {
    .length = list_length,
    .item = list_item,
    .contains = list_contains,
    .concat = list_concat,
};

static gp_mapping_methods_t list_as_mapping = {
    .length = list_length,
    .subscript = list_subscript,
    .ass_subscript = list_ass_subscript,
};

gp_type_t gp_list_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "list",
    .basicsize = sizeof(gp_list_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE |
             GP_TPFLAGS_LIST_SUBCLASS,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = gp_hash_not_implemented,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .new_ = list_new_,
    .init = list_init,
    .traverse = list_traverse,
    .clear = list_gc_clear,
    .as_number = &list_as_number,
    .as_sequence = &list_as_sequence,
    .as_mapping = &list_as_mapping,
    .methods = list_methods,
    .base = &gp_object_type,
    .doc = "Built-in mutable sequence.\n\n"
           "If no argument is given, the constructor creates a new empty "
           "list.\nThe argument must be an iterable if specified.",
};

int gp_obj_list_init(void)
{
    if (gp_type_ready(&gp_list_type) < 0 ||
        gp_type_ready(&gp_list_iter_type) < 0 ||
        gp_type_ready(&gp_list_reviter_type) < 0)
        return -1;
    return 0;
}
