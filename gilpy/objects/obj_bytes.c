/*
** obj_bytes.c — the bytes and bytearray types: allocation (the empty
** bytes and the 256 one-byte bytes are immortal), constructors, repr,
** hashing, comparison, concatenation and repetition, indexing and
** slicing, bytearray's item and slice assignment, and the two iterator
** types.  The methods (shared by both types, plus bytearray's mutators)
** and bytes % args are in bytes_methods.c.
** Guard: the GIL.  bytes are immutable once published; a bytearray is
** changed only under the GIL.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "bytesobj.h"
#include "abstract.h"
#include "gc.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "rangeobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define BYTES_HEAD offsetof(gp_bytes_t, data)

typedef struct {
    gp_bytes_t b;
    char room[8];
} bytes1_t;

/* Initialised statically: usable before gp_obj_bytes_init(). */
static bytes1_t empty_bytes = {
    .b = { .ob = GP_VAROBJ_HEAD_INIT(&gp_bytes_type, 0), .hash = -1 },
};

#define B1(c) { .b = { .ob = GP_VAROBJ_HEAD_INIT(&gp_bytes_type, 1), \
                       .hash = -1, .data = { (char)(c) } } }
#define B4(c) B1(c), B1((c) + 1), B1((c) + 2), B1((c) + 3)
#define B16(c) B4(c), B4((c) + 4), B4((c) + 8), B4((c) + 12)
#define B64(c) B16(c), B16((c) + 16), B16((c) + 32), B16((c) + 48)
static bytes1_t byte_tab[256] = { B64(0), B64(64), B64(128), B64(192) };
#undef B1
#undef B4
#undef B16
#undef B64

static const char *tname(gp_obj_t *o)
{
    return gp_type_name_cstr(GP_TYPE(o));
}

/* ---- allocation ------------------------------------------------------- */

static gp_obj_t *bytes_alloc(gp_ssize_t n)
{
    if (n < 0 || (size_t)n > PTRDIFF_MAX - BYTES_HEAD - 1)
        return gp_err_nomemory();
    gp_bytes_t *b = malloc(BYTES_HEAD + (size_t)n + 1);
    if (!b)
        return gp_err_nomemory();
    b->ob.ob.refcnt = 1;
    b->ob.ob.type = &gp_bytes_type;
    b->ob.size = n;
    b->hash = -1;
    b->data[n] = 0;
    return GP_OBJ(b);
}

gp_obj_t *gp_bytes_from(const char *s, gp_ssize_t n)
{
    if (n == 0)
        return gp_newref(GP_OBJ(&empty_bytes));
    if (n == 1 && s)
        return gp_newref(GP_OBJ(&byte_tab[(unsigned char)s[0]]));
    gp_obj_t *r = bytes_alloc(n);
    if (!r)
        return NULL;
    if (s)
        memcpy(GP_BYTES_DATA(r), s, (size_t)n);
    else
        memset(GP_BYTES_DATA(r), 0, (size_t)n);
    return r;
}

static void bytes_dealloc(gp_obj_t *o)
{
    if (GP_TYPE(o) == &gp_bytes_type)
        free(o);
    else
        gp_object_free(o);
}

static gp_obj_t *bytearray_alloc(gp_type_t *t)
{
    gp_bytearray_t *b;
    if (t == &gp_bytearray_type) {
        b = malloc(sizeof *b);
        if (!b)
            return gp_err_nomemory();
        b->ob.ob.refcnt = 1;
        b->ob.ob.type = t;
    } else {
        b = (gp_bytearray_t *)gp_type_alloc(t, 0);
        if (!b)
            return NULL;
    }
    b->ob.size = 0;
    b->alloc = 0;
    b->data = NULL;
    b->exports = 0;
    return GP_OBJ(b);
}

int gp_bytearray_resize(gp_obj_t *o, gp_ssize_t n)
{
    gp_bytearray_t *b = (gp_bytearray_t *)o;
    if (n < 0 || (size_t)n > PTRDIFF_MAX - 1) {
        gp_err_nomemory();
        return -1;
    }
    if (n + 1 > b->alloc || n + 1 < b->alloc / 2) {
        /* Grow by an eighth more (amortised O(1) appends); shrink when
        ** less than half would be used. */
        gp_ssize_t want = n + 1;
        if (n + 1 > b->alloc && b->ob.size > 0)
            want = n + 1 + (n >> 3) + (n < 9 ? 3 : 6);
        char *d = realloc(b->data, (size_t)want);
        if (!d) {
            gp_err_nomemory();
            return -1;
        }
        b->data = d;
        b->alloc = want;
    }
    b->ob.size = n;
    b->data[n] = 0;
    return 0;
}

gp_obj_t *gp_bytearray_from(const char *s, gp_ssize_t n)
{
    gp_obj_t *o = bytearray_alloc(&gp_bytearray_type);
    if (!o)
        return NULL;
    if (gp_bytearray_resize(o, n) < 0) {
        GP_DECREF(o);
        return NULL;
    }
    if (n) {
        if (s)
            memcpy(GP_BYTEARRAY_DATA(o), s, (size_t)n);
        else
            memset(GP_BYTEARRAY_DATA(o), 0, (size_t)n);
    }
    return o;
}

gp_obj_t *gp_bytes_make(int ba, const char *s, gp_ssize_t n)
{
    return ba ? gp_bytearray_from(s, n) : gp_bytes_from(s, n);
}

static void bytearray_dealloc(gp_obj_t *o)
{
    free(((gp_bytearray_t *)o)->data);
    if (GP_TYPE(o) == &gp_bytearray_type)
        free(o);
    else
        gp_object_free(o);
}

int gp_bytes_view(gp_obj_t *o, const char **data, gp_ssize_t *len)
{
    if (GP_BYTES_CHECK(o)) {
        *data = GP_BYTES_DATA(o);
        *len = GP_SIZE(o);
        return 0;
    }
    if (GP_BYTEARRAY_CHECK(o)) {
        *data = GP_BYTEARRAY_DATA(o) ? GP_BYTEARRAY_DATA(o) : "";
        *len = GP_SIZE(o);
        return 0;
    }
    gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%s'",
                  tname(o));
    return -1;
}

int gp_byte_arg(gp_obj_t *o, int *out)
{
    int64_t v;
    if (GP_INT_CHECK(o) && gp_int_is_small(o)) {
        v = gp_int_small(o);
    } else {
        gp_obj_t *i = gp_number_index(o);
        if (!i)
            return -1;
        int ovf = 0;
        v = gp_int_as_i64_overflow(i, &ovf);
        GP_DECREF(i);
        if (ovf)
            v = -1;
    }
    if (v < 0 || v > 255) {
        gp_err_format(&gp_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* ---- repr ------------------------------------------------------------- */

/* ba: bytearray's repr, which escapes every single quote (as CPython's
** does, whichever quote it picked). */
static gp_obj_t *repr_bytes(const char *s, gp_ssize_t n, const char *prefix,
                            const char *suffix, int ba)
{
    static const char hex[] = "0123456789abcdef";
    int sq = 0, dq = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\'')
            sq = 1;
        else if (s[i] == '"')
            dq = 1;
    }
    char quote = (sq && !dq) ? '"' : '\'';
    size_t pl = strlen(prefix), sl = strlen(suffix);
    if ((size_t)n > (PTRDIFF_MAX - pl - sl - 3) / 4)
        return gp_err_format(&gp_exc_OverflowError,
                             "bytes object is too large to make repr");
    char *buf = malloc(pl + sl + 3 + (size_t)n * 4);
    if (!buf)
        return gp_err_nomemory();
    size_t j = 0;
    memcpy(buf, prefix, pl);
    j = pl;
    buf[j++] = 'b';
    buf[j++] = quote;
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\' || (ba && c == '\'')) {
            buf[j++] = '\\';
            buf[j++] = (char)c;
        } else if (c == '\t') {
            buf[j++] = '\\';
            buf[j++] = 't';
        } else if (c == '\n') {
            buf[j++] = '\\';
            buf[j++] = 'n';
        } else if (c == '\r') {
            buf[j++] = '\\';
            buf[j++] = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            buf[j++] = '\\';
            buf[j++] = 'x';
            buf[j++] = hex[c >> 4];
            buf[j++] = hex[c & 15];
        } else {
            buf[j++] = (char)c;
        }
    }
    buf[j++] = quote;
    memcpy(buf + j, suffix, sl);
    j += sl;
    gp_obj_t *r = gp_str_from_latin1(buf, (gp_ssize_t)j);
    free(buf);
    return r;
}

gp_obj_t *gp_bytes_repr(gp_obj_t *o)
{
    const char *s;
    gp_ssize_t n;
    if (gp_bytes_view(o, &s, &n) < 0)
        return NULL;
    return repr_bytes(s, n, "", "", 0);
}

static gp_obj_t *bytearray_repr(gp_obj_t *o)
{
    const char *name = tname(o);
    size_t nl = strlen(name);
    char *prefix = malloc(nl + 2);
    if (!prefix)
        return gp_err_nomemory();
    memcpy(prefix, name, nl);
    prefix[nl] = '(';
    prefix[nl + 1] = 0;
    const char *s;
    gp_ssize_t n;
    gp_bytes_view(o, &s, &n);
    gp_obj_t *r = repr_bytes(s, n, prefix, ")", 1);
    free(prefix);
    return r;
}

/* ---- hash, compare ------------------------------------------------------ */

static gp_hash_t bytes_hash(gp_obj_t *o)
{
    gp_bytes_t *b = (gp_bytes_t *)o;
    if (b->hash == -1)
        b->hash = gp_hash_bytes(b->data, GP_SIZE(o));
    return b->hash;
}

static gp_obj_t *compare_data(const char *a, gp_ssize_t la, const char *b,
                              gp_ssize_t lb, int op)
{
    int c;
    if ((op == GP_EQ || op == GP_NE) && la != lb) {
        c = 1;
    } else {
        gp_ssize_t n = la < lb ? la : lb;
        c = n ? memcmp(a, b, (size_t)n) : 0;
        if (c == 0)
            c = la < lb ? -1 : la > lb ? 1 : 0;
    }
    int r;
    switch (op) {
    case GP_LT: r = c < 0; break;
    case GP_LE: r = c <= 0; break;
    case GP_EQ: r = c == 0; break;
    case GP_NE: r = c != 0; break;
    case GP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return gp_bool_from(r);
}

static gp_obj_t *bytes_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_BYTES_CHECK(a) || !GP_BYTES_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (a == b && (op == GP_EQ || op == GP_NE))
        return gp_bool_from(op == GP_EQ);
    return compare_data(GP_BYTES_DATA(a), GP_SIZE(a), GP_BYTES_DATA(b),
                        GP_SIZE(b), op);
}

static int is_byteslike(gp_obj_t *o)
{
    return GP_BYTES_CHECK(o) || GP_BYTEARRAY_CHECK(o);
}

static gp_obj_t *bytearray_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!is_byteslike(a) || !is_byteslike(b))
        GP_RETURN_NOTIMPLEMENTED;
    const char *pa, *pb;
    gp_ssize_t la, lb;
    gp_bytes_view(a, &pa, &la);
    gp_bytes_view(b, &pb, &lb);
    return compare_data(pa, la, pb, lb, op);
}

/* ---- sequence operations ------------------------------------------------ */

static gp_ssize_t any_length(gp_obj_t *o)
{
    return GP_SIZE(o);
}

static const char *any_data(gp_obj_t *o)
{
    if (GP_BYTES_CHECK(o))
        return GP_BYTES_DATA(o);
    return GP_BYTEARRAY_DATA(o) ? GP_BYTEARRAY_DATA(o) : "";
}

static gp_obj_t *bytes_item(gp_obj_t *o, gp_ssize_t i)
{
    gp_ssize_t n = GP_SIZE(o);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return gp_err_format(&gp_exc_IndexError, GP_BYTES_CHECK(o)
                             ? "index out of range"
                             : "bytearray index out of range");
    return gp_int_from_i64((unsigned char)any_data(o)[i]);
}

static gp_obj_t *slice_of(gp_obj_t *o, int ba, gp_ssize_t start,
                          gp_ssize_t step, gp_ssize_t n)
{
    const char *s = any_data(o);
    if (n <= 0)
        return gp_bytes_make(ba, NULL, 0);
    if (step == 1) {
        if (!ba && n == GP_SIZE(o) && GP_TYPE(o) == &gp_bytes_type)
            return gp_newref(o);
        return gp_bytes_make(ba, s + start, n);
    }
    gp_obj_t *r = gp_bytes_make(ba, NULL, n);
    if (!r)
        return NULL;
    char *d = ba ? GP_BYTEARRAY_DATA(r) : GP_BYTES_DATA(r);
    for (gp_ssize_t i = 0, j = start; i < n; i++, j += step)
        d[i] = s[j];
    return r;
}

static gp_obj_t *subscript(gp_obj_t *o, gp_obj_t *key, int ba)
{
    if (GP_INT_CHECK(key) && gp_int_is_small(key))
        return bytes_item(o, (gp_ssize_t)gp_int_small(key));
    if (GP_SLICE_CHECK(key)) {
        gp_ssize_t start, stop, step;
        if (gp_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        gp_ssize_t n = gp_slice_adjust(GP_SIZE(o), &start, &stop, step);
        return slice_of(o, ba, start, step, n);
    }
    if (gp_index_check(key)) {
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
        return bytes_item(o, i);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "%s indices must be integers or slices, not %s",
                         ba ? "bytearray" : "byte", tname(key));
}

static gp_obj_t *bytes_subscript(gp_obj_t *o, gp_obj_t *key)
{
    return subscript(o, key, 0);
}

static gp_obj_t *bytearray_subscript(gp_obj_t *o, gp_obj_t *key)
{
    return subscript(o, key, 1);
}

/* `x in b`: an int in range(256), or a bytes-like substring. */
static int bytes_contains(gp_obj_t *o, gp_obj_t *x)
{
    const char *s = any_data(o);
    gp_ssize_t n = GP_SIZE(o);
    if (GP_INT_CHECK(x) || gp_index_check(x)) {
        int c;
        if (gp_byte_arg(x, &c) < 0)
            return -1;
        s = any_data(o);
        n = GP_SIZE(o);
        return n > 0 && memchr(s, c, (size_t)n) != NULL;
    }
    const char *p;
    gp_ssize_t m;
    if (gp_bytes_view(x, &p, &m) < 0)
        return -1;
    if (m == 0)
        return 1;
    return n >= m && memmem(s, (size_t)n, p, (size_t)m) != NULL;
}

static gp_obj_t *concat(gp_obj_t *a, gp_obj_t *b)
{
    const char *pa, *pb;
    gp_ssize_t la, lb;
    int ba = GP_BYTEARRAY_CHECK(a);
    if (!is_byteslike(a) || !is_byteslike(b))
        return gp_err_format(&gp_exc_TypeError, "can't concat %s to %s",
                             tname(b), tname(a));
    gp_bytes_view(a, &pa, &la);
    gp_bytes_view(b, &pb, &lb);
    if (!ba) {
        if (lb == 0 && GP_TYPE(a) == &gp_bytes_type)
            return gp_newref(a);
        if (la == 0 && GP_TYPE(b) == &gp_bytes_type)
            return gp_newref(b);
    }
    if (la > PTRDIFF_MAX - 64 - lb)
        return gp_err_nomemory();
    gp_obj_t *r = gp_bytes_make(ba, NULL, la + lb);
    if (!r)
        return NULL;
    char *d = ba ? GP_BYTEARRAY_DATA(r) : GP_BYTES_DATA(r);
    if (la)
        memcpy(d, pa, (size_t)la);
    if (lb)
        memcpy(d + la, pb, (size_t)lb);
    return r;
}

static gp_obj_t *repeat(gp_obj_t *o, gp_ssize_t count, int ba)
{
    const char *s = any_data(o);
    gp_ssize_t n = GP_SIZE(o);
    if (count < 0)
        count = 0;
    if (!ba && count == 1 && GP_TYPE(o) == &gp_bytes_type)
        return gp_newref(o);
    if (n && count > (PTRDIFF_MAX - 64) / n)
        return gp_err_nomemory();
    gp_obj_t *r = gp_bytes_make(ba, NULL, n * count);
    if (!r || n * count == 0)
        return r;
    char *d = ba ? GP_BYTEARRAY_DATA(r) : GP_BYTES_DATA(r);
    s = any_data(o);
    if (n == 1) {
        memset(d, s[0], (size_t)count);
    } else {
        size_t total = (size_t)(n * count), done = (size_t)n;
        memcpy(d, s, (size_t)n);
        while (done < total) {
            size_t c = done < total - done ? done : total - done;
            memcpy(d + done, d, c);
            done += c;
        }
    }
    return r;
}

static gp_obj_t *mul(gp_obj_t *a, gp_obj_t *b)
{
    int aseq = is_byteslike(a);
    gp_obj_t *s = aseq ? a : b, *n = aseq ? b : a;
    if (!gp_index_check(n)) {
        if (aseq && !GP_TYPE(b)->as_sequence && GP_TYPE(b)->as_number &&
            GP_TYPE(b)->as_number->binop[GP_NB_MULTIPLY] &&
            GP_TYPE(b)->as_number->binop[GP_NB_MULTIPLY] != mul) {
            gp_obj_t *r = GP_TYPE(b)->as_number->binop[GP_NB_MULTIPLY](a, b);
            if (r != GP_NOTIMPLEMENTED)
                return r;
            GP_DECREF(r);
        }
        return gp_err_format(&gp_exc_TypeError,
                             "can't multiply sequence by non-int of type '%s'",
                             tname(n));
    }
    gp_ssize_t count = gp_number_as_ssize_t(n, &gp_exc_OverflowError);
    if (count == -1 && gp_err_occurred())
        return NULL;
    return repeat(s, count, GP_BYTEARRAY_CHECK(s));
}

static gp_obj_t *bytes_mod(gp_obj_t *a, gp_obj_t *b)
{
    if (!is_byteslike(a))
        GP_RETURN_NOTIMPLEMENTED;
    gp_obj_t *r = gp_bytes_mod(a, b);
    if (r && GP_BYTEARRAY_CHECK(a)) {
        gp_obj_t *t = gp_bytearray_from(GP_BYTES_DATA(r), GP_SIZE(r));
        GP_DECREF(r);
        r = t;
    }
    return r;
}

/* ---- bytearray in place ---------------------------------------------------- */

static gp_obj_t *bytearray_iconcat(gp_obj_t *a, gp_obj_t *b)
{
    const char *p;
    gp_ssize_t m;
    if (!is_byteslike(b))
        return gp_err_format(&gp_exc_TypeError, "can't concat %s to %s",
                             tname(b), tname(a));
    gp_bytes_view(b, &p, &m);
    gp_ssize_t n = GP_SIZE(a);
    if (m > PTRDIFF_MAX - 64 - n)
        return gp_err_nomemory();
    if (b == a) {
        if (gp_bytearray_resize(a, n + m) < 0)
            return NULL;
        memcpy(GP_BYTEARRAY_DATA(a) + n, GP_BYTEARRAY_DATA(a), (size_t)m);
        return gp_newref(a);
    }
    if (gp_bytearray_resize(a, n + m) < 0)
        return NULL;
    if (m)
        memcpy(GP_BYTEARRAY_DATA(a) + n, p, (size_t)m);
    return gp_newref(a);
}

static gp_obj_t *bytearray_irepeat(gp_obj_t *a, gp_obj_t *b)
{
    if (!gp_index_check(b))
        return gp_err_format(&gp_exc_TypeError,
                             "can't multiply sequence by non-int of type '%s'",
                             tname(b));
    gp_ssize_t count = gp_number_as_ssize_t(b, &gp_exc_OverflowError);
    if (count == -1 && gp_err_occurred())
        return NULL;
    gp_ssize_t n = GP_SIZE(a);
    if (count <= 0) {
        if (gp_bytearray_resize(a, 0) < 0)
            return NULL;
        return gp_newref(a);
    }
    if (n && count > (PTRDIFF_MAX - 64) / n)
        return gp_err_nomemory();
    if (gp_bytearray_resize(a, n * count) < 0)
        return NULL;
    char *d = GP_BYTEARRAY_DATA(a);
    for (gp_ssize_t i = 1; i < count; i++)
        memcpy(d + i * n, d, (size_t)n);
    return gp_newref(a);
}

static gp_obj_t *content_of(const char *tn, gp_obj_t *x, gp_obj_t *enc,
                            gp_obj_t *errs, int ba);

/* Replace a[lo:hi] by the m bytes at p. */
static int setslice(gp_obj_t *a, gp_ssize_t lo, gp_ssize_t hi, const char *p,
                    gp_ssize_t m)
{
    gp_ssize_t n = GP_SIZE(a);
    if (hi < lo)
        hi = lo;
    gp_ssize_t d = m - (hi - lo);
    char *copy = NULL;
    if (m && p >= GP_BYTEARRAY_DATA(a) &&
        p < GP_BYTEARRAY_DATA(a) + ((gp_bytearray_t *)a)->alloc) {
        /* a[x:y] = a: the source moves with the resize. */
        copy = malloc((size_t)m);
        if (!copy) {
            gp_err_nomemory();
            return -1;
        }
        memcpy(copy, p, (size_t)m);
        p = copy;
    }
    if (d > 0) {
        if (gp_bytearray_resize(a, n + d) < 0) {
            free(copy);
            return -1;
        }
        char *s = GP_BYTEARRAY_DATA(a);
        memmove(s + hi + d, s + hi, (size_t)(n - hi));
    } else if (d < 0) {
        char *s = GP_BYTEARRAY_DATA(a);
        memmove(s + hi + d, s + hi, (size_t)(n - hi));
        if (gp_bytearray_resize(a, n + d) < 0) {
            free(copy);
            return -1;
        }
    }
    if (m)
        memcpy(GP_BYTEARRAY_DATA(a) + lo, p, (size_t)m);
    free(copy);
    return 0;
}

static int bytearray_ass_subscript(gp_obj_t *a, gp_obj_t *key, gp_obj_t *v)
{
    gp_ssize_t n = GP_SIZE(a);
    if (!GP_SLICE_CHECK(key)) {
        if (!gp_index_check(key)) {
            gp_err_format(&gp_exc_TypeError,
                          "bytearray indices must be integers or slices, "
                          "not %s", tname(key));
            return -1;
        }
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return -1;
        if (i < 0)
            i += n;
        if (i < 0 || i >= n) {
            gp_err_format(&gp_exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!v)
            return setslice(a, i, i + 1, NULL, 0);
        int c;
        if (gp_byte_arg(v, &c) < 0)
            return -1;
        GP_BYTEARRAY_DATA(a)[i] = (char)c;
        return 0;
    }
    gp_ssize_t start, stop, step;
    if (gp_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    gp_ssize_t len = gp_slice_adjust(n, &start, &stop, step);
    gp_obj_t *tmp = NULL;
    const char *p = NULL;
    gp_ssize_t m = 0;
    if (v) {
        if (is_byteslike(v)) {
            gp_bytes_view(v, &p, &m);
        } else if (GP_INT_CHECK(v) || GP_FLOAT_CHECK(v) || GP_STR_CHECK(v) ||
                   gp_index_check(v)) {
            gp_err_format(&gp_exc_TypeError,
                          "can assign only bytes, buffers, or iterables of "
                          "ints in range(0, 256)");
            return -1;
        } else {
            tmp = content_of("bytearray", v, NULL, NULL, 1);
            if (!tmp)
                return -1;
            p = GP_BYTEARRAY_DATA(tmp);
            m = GP_SIZE(tmp);
        }
    }
    int r = 0;
    if (step == 1) {
        r = setslice(a, start, start + (len > 0 ? len : 0), p, m);
    } else if (!v) {
        if (len > 0) {
            /* Deleting an extended slice: compact what stays. */
            if (step < 0) {
                start = start + step * (len - 1);
                step = -step;
            }
            char *s = GP_BYTEARRAY_DATA(a);
            gp_ssize_t w = start;
            for (gp_ssize_t i = start, k = 0; i < n; i++) {
                if (k < len && i == start + k * step) {
                    k++;
                    continue;
                }
                s[w++] = s[i];
            }
            r = gp_bytearray_resize(a, w);
        }
    } else if (m != len) {
        gp_err_format(&gp_exc_ValueError,
                      "attempt to assign bytes of size %zd to extended slice "
                      "of size %zd", m, len);
        r = -1;
    } else {
        char *s = GP_BYTEARRAY_DATA(a);
        char *copy = NULL;
        if (v == a) {
            copy = malloc((size_t)m + 1);
            if (!copy) {
                gp_err_nomemory();
                GP_XDECREF(tmp);
                return -1;
            }
            memcpy(copy, p, (size_t)m);
            p = copy;
        }
        for (gp_ssize_t i = 0, j = start; i < len; i++, j += step)
            s[j] = p[i];
        free(copy);
    }
    GP_XDECREF(tmp);
    return r;
}

/* ---- constructors ---------------------------------------------------------- */

/* The bytes of an iterable of ints into a fresh bytearray (msg: the range
** error's noun, "bytes" or "byte"). */
static int fill_from_iterable(gp_obj_t *ba, gp_obj_t *x, const char *range_msg)
{
    if (GP_LIST_CHECK(x) || GP_TUPLE_CHECK(x)) {
        gp_ssize_t n = GP_SIZE(x);
        if (gp_bytearray_resize(ba, n) < 0)
            return -1;
        for (gp_ssize_t i = 0; i < GP_SIZE(x) && i < n; i++) {
            gp_obj_t *it = GP_LIST_CHECK(x) ? GP_LIST_GET(x, i)
                                            : GP_TUPLE_GET(x, i);
            int c;
            if (gp_byte_arg(it, &c) < 0) {
                if (range_msg && gp_err_matches(&gp_exc_ValueError)) {
                    gp_err_clear();
                    gp_err_format(&gp_exc_ValueError, "%s", range_msg);
                }
                return -1;
            }
            GP_BYTEARRAY_DATA(ba)[i] = (char)c;
        }
        return 0;
    }
    gp_obj_t *it = gp_iter(x);
    if (!it)
        return -1;
    gp_obj_t *v;
    while ((v = gp_iter_next(it))) {
        int c;
        int r = gp_byte_arg(v, &c);
        GP_DECREF(v);
        if (r < 0) {
            if (range_msg && gp_err_matches(&gp_exc_ValueError)) {
                gp_err_clear();
                gp_err_format(&gp_exc_ValueError, "%s", range_msg);
            }
            GP_DECREF(it);
            return -1;
        }
        gp_ssize_t n = GP_SIZE(ba);
        if (gp_bytearray_resize(ba, n + 1) < 0) {
            GP_DECREF(it);
            return -1;
        }
        GP_BYTEARRAY_DATA(ba)[n] = (char)c;
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

int gp_bytearray_extend(gp_obj_t *ba, gp_obj_t *x)
{
    if (is_byteslike(x)) {
        gp_obj_t *r = bytearray_iconcat(ba, x);
        if (!r)
            return -1;
        GP_DECREF(r);
        return 0;
    }
    if (!GP_TYPE(x)->iter && !GP_STR_CHECK(x)) {
        gp_obj_t *it = gp_iter(x);
        if (!it) {
            if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                gp_err_format(&gp_exc_TypeError,
                              "can't extend bytearray with %s", tname(x));
            }
            return -1;
        }
        GP_DECREF(it);
    }
    gp_obj_t *tmp = gp_bytearray_from(NULL, 0);
    if (!tmp)
        return -1;
    if (fill_from_iterable(tmp, x, NULL) < 0) {
        GP_DECREF(tmp);
        return -1;
    }
    gp_obj_t *r = bytearray_iconcat(ba, tmp);
    GP_DECREF(tmp);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* What bytes(x, encoding, errors) and bytearray(...) share: the content as
** a new bytearray (a scratch object), or NULL. */
static gp_obj_t *content_of(const char *tn, gp_obj_t *x, gp_obj_t *enc,
                            gp_obj_t *errs, int ba)
{
    if (enc || errs) {
        if (!x)
            return gp_err_format(&gp_exc_TypeError, ba
                                 ? "encoding or errors without sequence argument"
                                 : enc ? "encoding without a string argument"
                                       : "errors without a string argument");
        if (!GP_STR_CHECK(x))
            return gp_err_format(&gp_exc_TypeError, ba
                                 ? "encoding or errors without a string argument"
                                 : enc ? "encoding without a string argument"
                                       : "errors without a string argument");
        if (!enc)
            return gp_err_format(&gp_exc_TypeError,
                                 "string argument without an encoding");
        const char *e = "utf-8", *r = "strict";
        if (enc) {
            if (!GP_STR_CHECK(enc))
                return gp_err_format(&gp_exc_TypeError,
                                     "%s() argument 'encoding' must be str, "
                                     "not %s", tn, tname(enc));
            if (!(e = gp_str_utf8(enc, NULL)))
                return NULL;
        }
        if (errs) {
            if (!GP_STR_CHECK(errs))
                return gp_err_format(&gp_exc_TypeError,
                                     "%s() argument 'errors' must be str, "
                                     "not %s", tn, tname(errs));
            if (!(r = gp_str_utf8(errs, NULL)))
                return NULL;
        }
        gp_obj_t *b = gp_str_encode(x, e, r);
        if (!b)
            return NULL;
        gp_obj_t *out = gp_bytearray_from(GP_BYTES_DATA(b), GP_SIZE(b));
        GP_DECREF(b);
        return out;
    }
    if (!x)
        return gp_bytearray_from(NULL, 0);
    if (GP_STR_CHECK(x))
        return gp_err_format(&gp_exc_TypeError,
                             "string argument without an encoding");
    if (is_byteslike(x)) {
        const char *p;
        gp_ssize_t n;
        gp_bytes_view(x, &p, &n);
        return gp_bytearray_from(p, n);
    }
    if (!ba && gp_type_lookup(GP_TYPE(x), GP_ID(__bytes__))) {
        gp_obj_t *b = gp_call_method(x, GP_ID(__bytes__), 0);
        if (!b)
            return NULL;
        if (!GP_BYTES_CHECK(b)) {
            gp_err_format(&gp_exc_TypeError,
                          "__bytes__ returned non-bytes (type %s)", tname(b));
            GP_DECREF(b);
            return NULL;
        }
        gp_obj_t *out = gp_bytearray_from(GP_BYTES_DATA(b), GP_SIZE(b));
        GP_DECREF(b);
        return out;
    }
    if (gp_index_check(x)) {
        gp_ssize_t n = gp_number_as_ssize_t(x, &gp_exc_OverflowError);
        if (n == -1 && gp_err_occurred()) {
            if (!gp_err_matches(&gp_exc_TypeError))
                return NULL;
            gp_err_clear();
        } else {
            if (n < 0)
                return gp_err_format(&gp_exc_ValueError, "negative count");
            return gp_bytearray_from(NULL, n);
        }
    }
    if (!GP_LIST_CHECK(x) && !GP_TUPLE_CHECK(x)) {
        gp_obj_t *it = gp_iter(x);
        if (!it) {
            if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                gp_err_format(&gp_exc_TypeError,
                              "cannot convert '%s' object to %s", tname(x), tn);
            }
            return NULL;
        }
        GP_DECREF(it);
    }
    gp_obj_t *out = gp_bytearray_from(NULL, 0);
    if (!out)
        return NULL;
    if (fill_from_iterable(out, x, ba ? NULL
                                      : "bytes must be in range(0, 256)") < 0) {
        GP_DECREF(out);
        return NULL;
    }
    return out;
}

static gp_obj_t *bytes_new(gp_type_t *type, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    gp_obj_t *a[3] = {NULL, NULL, NULL};
    if (nargs == 1 && !kwnames)
        a[0] = args[0];
    else if ((nargs || kwnames) &&
             gp_arg_parse("bytes", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    if (type == &gp_bytes_type && a[0] && !a[1] && !a[2] &&
        GP_TYPE(a[0]) == &gp_bytes_type)
        return gp_newref(a[0]);
    gp_obj_t *c = content_of("bytes", a[0], a[1], a[2], 0);
    if (!c)
        return NULL;
    gp_ssize_t n = GP_SIZE(c);
    gp_obj_t *r;
    if (type == &gp_bytes_type) {
        r = gp_bytes_from(GP_BYTEARRAY_DATA(c), n);
    } else {
        r = gp_type_alloc(type, n);
        if (r) {
            GP_SIZE(r) = n;
            ((gp_bytes_t *)r)->hash = -1;
            if (n)
                memcpy(GP_BYTES_DATA(r), GP_BYTEARRAY_DATA(c), (size_t)n);
            GP_BYTES_DATA(r)[n] = 0;
        }
    }
    GP_DECREF(c);
    return r;
}

static gp_obj_t *bytearray_new(gp_type_t *type, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return bytearray_alloc(type);
}

static int bytearray_init(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    gp_obj_t *a[3] = {NULL, NULL, NULL};
    if ((nargs || kwnames) &&
        gp_arg_parse("bytearray", args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    gp_obj_t *c = content_of("bytearray", a[0], a[1], a[2], 1);
    if (!c)
        return -1;
    /* The content replaces whatever the object held (as CPython). */
    gp_bytearray_t *s = (gp_bytearray_t *)self, *t = (gp_bytearray_t *)c;
    char *d = s->data;
    gp_ssize_t al = s->alloc;
    s->data = t->data;
    s->alloc = t->alloc;
    s->ob.size = t->ob.size;
    t->data = d;
    t->alloc = al;
    t->ob.size = 0;
    GP_DECREF(c);
    return 0;
}

/* ---- iterators ------------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *seq;          /* NULL once exhausted */
    gp_ssize_t pos;
} bytesiter_t;

static gp_obj_t *make_iter(gp_obj_t *o, gp_type_t *t)
{
    bytesiter_t *it = (bytesiter_t *)gp_type_alloc(t, 0);
    if (!it)
        return NULL;
    it->seq = gp_newref(o);
    it->pos = 0;
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

static gp_obj_t *bytes_iter(gp_obj_t *o)
{
    return make_iter(o, &gp_bytes_iter_type);
}

static gp_obj_t *bytearray_iter(gp_obj_t *o)
{
    return make_iter(o, &gp_bytearray_iter_type);
}

static void bytesiter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_CLEAR(((bytesiter_t *)o)->seq);
    gp_object_free(o);
}

static int bytesiter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((bytesiter_t *)o)->seq);
    return 0;
}

static int bytesiter_clear(gp_obj_t *o)
{
    GP_CLEAR(((bytesiter_t *)o)->seq);
    return 0;
}

static gp_obj_t *bytesiter_next(gp_obj_t *o)
{
    bytesiter_t *it = (bytesiter_t *)o;
    gp_obj_t *s = it->seq;
    if (!s)
        return NULL;
    if (it->pos < GP_SIZE(s))
        return gp_int_from_i64((unsigned char)any_data(s)[it->pos++]);
    it->seq = NULL;
    GP_DECREF(s);
    return NULL;
}

static gp_obj_t *self_iter(gp_obj_t *o)
{
    return gp_newref(o);
}

static gp_obj_t *bytesiter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    bytesiter_t *it = (bytesiter_t *)o;
    gp_ssize_t n = it->seq ? GP_SIZE(it->seq) - it->pos : 0;
    return gp_int_from_ssize(n < 0 ? 0 : n);
}

static gp_methoddef_t bytesiter_methods[] = {
    {"__length_hint__", GP_METH_FN(bytesiter_length_hint), GP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

gp_type_t gp_bytes_iter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "bytes_iterator",
    .basicsize = sizeof(bytesiter_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = bytesiter_dealloc,
    .traverse = bytesiter_traverse,
    .clear = bytesiter_clear,
    .iter = self_iter,
    .iternext = bytesiter_next,
    .methods = bytesiter_methods,
};

gp_type_t gp_bytearray_iter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "bytearray_iterator",
    .basicsize = sizeof(bytesiter_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = bytesiter_dealloc,
    .traverse = bytesiter_traverse,
    .clear = bytesiter_clear,
    .iter = self_iter,
    .iternext = bytesiter_next,
    .methods = bytesiter_methods,
};

/* ---- the types --------------------------------------------------------------- */

static gp_number_methods_t bytes_as_number = {
    .binop = {
        [GP_NB_MULTIPLY] = mul,
        [GP_NB_REMAINDER] = bytes_mod,
    },
};

static gp_number_methods_t bytearray_as_number = {
    .binop = {
        [GP_NB_MULTIPLY] = mul,
        [GP_NB_REMAINDER] = bytes_mod,
    },
    .ibinop = {
        [GP_NB_ADD] = bytearray_iconcat,
        [GP_NB_MULTIPLY] = bytearray_irepeat,
    },
};

static gp_sequence_methods_t bytes_as_sequence = {
    .length = any_length,
    .item = bytes_item,
    .contains = bytes_contains,
    .concat = concat,
};

static gp_mapping_methods_t bytes_as_mapping = {
    .length = any_length,
    .subscript = bytes_subscript,
};

static gp_mapping_methods_t bytearray_as_mapping = {
    .length = any_length,
    .subscript = bytearray_subscript,
    .ass_subscript = bytearray_ass_subscript,
};

gp_type_t gp_bytes_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "bytes",
    .basicsize = BYTES_HEAD + 1,
    .itemsize = 1,
    .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_BYTES_SUBCLASS |
             GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = bytes_dealloc,
    .repr = gp_bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .new_ = bytes_new,
    .as_number = &bytes_as_number,
    .as_sequence = &bytes_as_sequence,
    .as_mapping = &bytes_as_mapping,
    .methods = gp_bytes_methods,
    .base = &gp_object_type,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter "
           "initialized with null bytes\n"
           "bytes() -> empty bytes object",
};

gp_type_t gp_bytearray_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "bytearray",
    .basicsize = sizeof(gp_bytearray_t),
    .flags = GP_TPFLAGS_BASETYPE,
    .dealloc = bytearray_dealloc,
    .repr = bytearray_repr,
    .hash = gp_hash_not_implemented,
    .richcompare = bytearray_richcompare,
    .iter = bytearray_iter,
    .new_ = bytearray_new,
    .init = bytearray_init,
    .as_number = &bytearray_as_number,
    .as_sequence = &bytes_as_sequence,
    .as_mapping = &bytearray_as_mapping,
    .methods = gp_bytearray_methods,
    .base = &gp_object_type,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter "
           "initialized with null bytes\n"
           "bytearray() -> empty bytes array",
};

int gp_obj_bytes_init(void)
{
    if (gp_type_ready(&gp_bytes_type) < 0 ||
        gp_type_ready(&gp_bytearray_type) < 0 ||
        gp_type_ready(&gp_bytes_iter_type) < 0 ||
        gp_type_ready(&gp_bytearray_iter_type) < 0)
        return -1;
    return 0;
}
