/*
** list_sort.c — list.sort: a stable natural merge sort in the manner of
** timsort (ascending and strictly descending runs found, short runs
** extended by binary insertion to a minimum length, runs merged under
** timsort's stack invariants; no galloping).  Keys are computed once;
** reverse=True keeps stability by reversing before and after, as CPython.
** During the sort the list looks empty; if Python code run by a
** comparison or key function changes it, ValueError "list modified
** during sort".  Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>
#include "listobj.h"
#include "abstract.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"

enum { K_GENERIC, K_INT, K_FLOAT, K_STR };

typedef struct {
    gp_obj_t **keys;
    gp_obj_t **vals;        /* NULL without key= */
    gp_obj_t **tk, **tv;    /* merge buffers */
    gp_ssize_t tcap;
    int kind;
} sortstate_t;

/* a < b: 1, 0, -1 on error. */
static inline int islt(sortstate_t *s, gp_obj_t *a, gp_obj_t *b)
{
    switch (s->kind) {
    case K_INT:
        return gp_int_small(a) < gp_int_small(b);
    case K_FLOAT:
        return gp_float_value(a) < gp_float_value(b);
    case K_STR:
        return gp_str_compare(a, b) < 0;
    default:
        return gp_richcompare_bool(a, b, GP_LT);
    }
}

static void reverse_range(gp_obj_t **a, gp_ssize_t lo, gp_ssize_t hi)
{
    hi--;
    while (lo < hi) {
        gp_obj_t *t = a[lo];
        a[lo++] = a[hi];
        a[hi--] = t;
    }
}

/* Sort [lo, hi) where [lo, start) is already sorted. */
static int binary_insertion(sortstate_t *s, gp_ssize_t lo, gp_ssize_t hi,
                            gp_ssize_t start)
{
    gp_obj_t **k = s->keys, **v = s->vals;
    for (; start < hi; start++) {
        gp_obj_t *pk = k[start];
        gp_obj_t *pv = v ? v[start] : NULL;
        gp_ssize_t l = lo, r = start;
        while (l < r) {
            gp_ssize_t m = l + ((r - l) >> 1);
            int c = islt(s, pk, k[m]);
            if (c < 0)
                return -1;
            if (c)
                r = m;
            else
                l = m + 1;
        }
        memmove(&k[l + 1], &k[l], (size_t)(start - l) * sizeof(gp_obj_t *));
        k[l] = pk;
        if (v) {
            memmove(&v[l + 1], &v[l],
                    (size_t)(start - l) * sizeof(gp_obj_t *));
            v[l] = pv;
        }
    }
    return 0;
}

/* Length of the run at lo (reversed in place when strictly descending). */
static gp_ssize_t count_run(sortstate_t *s, gp_ssize_t lo, gp_ssize_t hi)
{
    gp_obj_t **k = s->keys;
    if (lo + 1 >= hi)
        return hi - lo;
    gp_ssize_t n = 2;
    int c = islt(s, k[lo + 1], k[lo]);
    if (c < 0)
        return -1;
    if (c) {
        for (; lo + n < hi; n++) {
            c = islt(s, k[lo + n], k[lo + n - 1]);
            if (c < 0)
                return -1;
            if (!c)
                break;
        }
        reverse_range(k, lo, lo + n);
        if (s->vals)
            reverse_range(s->vals, lo, lo + n);
    } else {
        for (; lo + n < hi; n++) {
            c = islt(s, k[lo + n], k[lo + n - 1]);
            if (c < 0)
                return -1;
            if (c)
                break;
        }
    }
    return n;
}

static int ensure_tmp(sortstate_t *s, gp_ssize_t n)
{
    if (n <= s->tcap)
        return 0;
    free(s->tk);
    free(s->tv);
    s->tv = NULL;
    s->tk = malloc((size_t)n * sizeof(gp_obj_t *));
    if (s->vals)
        s->tv = malloc((size_t)n * sizeof(gp_obj_t *));
    if (!s->tk || (s->vals && !s->tv)) {
        s->tcap = 0;
        gp_err_nomemory();
        return -1;
    }
    s->tcap = n;
    return 0;
}

/* Merge the sorted runs [lo, mid) and [mid, hi).  The left run goes to
** the buffer; on an error what is left of it is copied back so the array
** stays a permutation of its items. */
static int merge(sortstate_t *s, gp_ssize_t lo, gp_ssize_t mid, gp_ssize_t hi)
{
    gp_obj_t **k = s->keys, **v = s->vals;
    /* skip what is already in place */
    gp_ssize_t na = mid - lo;
    if (ensure_tmp(s, na) < 0)
        return -1;
    memcpy(s->tk, &k[lo], (size_t)na * sizeof(gp_obj_t *));
    if (v)
        memcpy(s->tv, &v[lo], (size_t)na * sizeof(gp_obj_t *));
    gp_ssize_t i = 0, j = mid, d = lo;
    int rc = 0;
    while (i < na && j < hi) {
        int c = islt(s, k[j], s->tk[i]);
        if (c < 0) {
            rc = -1;
            break;
        }
        if (c) {
            k[d] = k[j];
            if (v)
                v[d] = v[j];
            j++;
        } else {
            k[d] = s->tk[i];
            if (v)
                v[d] = s->tv[i];
            i++;
        }
        d++;
    }
    if (i < na) {
        /* the right run's rest is in place after d + (na - i) */
        if (j < hi && rc == -1) {
            memmove(&k[d + na - i], &k[j], (size_t)(hi - j) * sizeof(gp_obj_t *));
            if (v)
                memmove(&v[d + na - i], &v[j],
                        (size_t)(hi - j) * sizeof(gp_obj_t *));
        }
        memcpy(&k[d], &s->tk[i], (size_t)(na - i) * sizeof(gp_obj_t *));
        if (v)
            memcpy(&v[d], &s->tv[i], (size_t)(na - i) * sizeof(gp_obj_t *));
    }
    return rc;
}

static gp_ssize_t min_run(gp_ssize_t n)
{
    int r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

typedef struct { gp_ssize_t base, len; } run_t;

static int merge_at(sortstate_t *s, run_t *st, int *nst, int i)
{
    gp_ssize_t lo = st[i].base, mid = lo + st[i].len;
    gp_ssize_t hi = mid + st[i + 1].len;
    st[i].len += st[i + 1].len;
    if (i == *nst - 3)
        st[i + 1] = st[i + 2];
    (*nst)--;
    return merge(s, lo, mid, hi);
}

static int do_sort(sortstate_t *s, gp_ssize_t n)
{
    if (n < 2)
        return 0;
    run_t st[90];
    int nst = 0;
    gp_ssize_t mr = min_run(n), lo = 0;
    while (lo < n) {
        gp_ssize_t len = count_run(s, lo, n);
        if (len < 0)
            return -1;
        if (len < mr) {
            gp_ssize_t force = n - lo < mr ? n - lo : mr;
            if (binary_insertion(s, lo, lo + force, lo + len) < 0)
                return -1;
            len = force;
        }
        st[nst].base = lo;
        st[nst].len = len;
        nst++;
        lo += len;
        /* timsort's invariants on the run stack */
        while (nst > 1) {
            int m = nst - 2;
            if ((m > 0 && st[m - 1].len <= st[m].len + st[m + 1].len) ||
                (m > 1 && st[m - 2].len <= st[m - 1].len + st[m].len)) {
                if (st[m - 1].len < st[m + 1].len)
                    m--;
            } else if (st[m].len > st[m + 1].len) {
                break;
            }
            if (merge_at(s, st, &nst, m) < 0)
                return -1;
        }
    }
    while (nst > 1) {
        int m = nst - 2;
        if (m > 0 && st[m - 1].len < st[m + 1].len)
            m--;
        if (merge_at(s, st, &nst, m) < 0)
            return -1;
    }
    return 0;
}

static int pick_kind(gp_obj_t **k, gp_ssize_t n)
{
    if (n == 0)
        return K_GENERIC;
    gp_type_t *t = GP_TYPE(k[0]);
    for (gp_ssize_t i = 1; i < n; i++)
        if (GP_TYPE(k[i]) != t)
            return K_GENERIC;
    if (t == &gp_int_type) {
        for (gp_ssize_t i = 0; i < n; i++)
            if (!gp_int_is_small(k[i]))
                return K_GENERIC;
        return K_INT;
    }
    if (t == &gp_float_type)
        return K_FLOAT;
    if (t == &gp_str_type)
        return K_STR;
    return K_GENERIC;
}

int gp_list_sort_impl(gp_obj_t *list, gp_obj_t *key, int reverse)
{
    gp_list_t *l = (gp_list_t *)list;
    gp_obj_t **items = l->items;
    gp_ssize_t n = l->ob.size, alloc = l->allocated;
    /* the list is empty while sorting; -1 marks "untouched" */
    l->items = NULL;
    l->ob.size = 0;
    l->allocated = -1;

    sortstate_t s = {0};
    int rc = 0;
    gp_ssize_t nkeys = 0;
    if (key && n > 0) {
        s.keys = malloc((size_t)n * sizeof(gp_obj_t *));
        if (!s.keys) {
            gp_err_nomemory();
            rc = -1;
            goto done;
        }
        for (; nkeys < n; nkeys++) {
            gp_obj_t *kv = gp_call_one(key, items[nkeys]);
            if (!kv) {
                rc = -1;
                goto done;
            }
            s.keys[nkeys] = kv;
        }
        s.vals = items;
    } else {
        s.keys = items;
    }
    if (reverse && n > 1) {
        reverse_range(s.keys, 0, n);
        if (s.vals)
            reverse_range(s.vals, 0, n);
    }
    s.kind = pick_kind(s.keys, n);
    rc = do_sort(&s, n);
    if (reverse && n > 1) {
        reverse_range(s.keys, 0, n);
        if (s.vals)
            reverse_range(s.vals, 0, n);
    }
done:
    if (key) {
        for (gp_ssize_t i = 0; i < nkeys; i++)
            GP_DECREF(s.keys[i]);
        free(s.keys);
    }
    free(s.tk);
    free(s.tv);
    if (l->allocated != -1 && rc == 0) {
        gp_err_set_str(&gp_exc_ValueError, "list modified during sort");
        rc = -1;
    }
    /* put the items back, dropping whatever was added meanwhile */
    gp_obj_t **added = l->items;
    gp_ssize_t nadded = l->ob.size;
    l->items = items;
    l->ob.size = n;
    l->allocated = alloc;
    if (added) {
        while (--nadded >= 0)
            GP_XDECREF(added[nadded]);
        free(added);
    }
    return rc;
}
