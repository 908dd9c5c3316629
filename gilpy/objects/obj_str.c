/*
** obj_str.c — the str type and the core of strobj.h: allocation in the
** narrowest PEP 393 kind, the immortal strings (empty, the 256 latin-1
** characters), UTF-8 caches, hashing, comparison, concatenation,
** slicing, join, search, repr, interning, the type's slots and its
** iterators.  The methods are in str_methods.c, the % and str.format
** machinery in str_format.c, the string builder and PyUnicode_FromFormat
** in str_builder.c, the codecs in codecs.c, the tables of the Unicode
** database in unicodetab.c.
**
** Guard: the GIL.  A str is immutable once published; the lazy hash and
** UTF-8 caches are written under the GIL.  The immortal strings are
** shared by every interpreter: their UTF-8 form is made at start-up, and
** their lazy hash is the same number whichever interpreter computes it
** (every interpreter has the process's key), so the racy write is benign.
**
** Layout of instances of str subclasses: the type declares basicsize
** sizeof(gp_str_t) + 4 and itemsize 4, and an instance is allocated for
** len + 1 items, so that its code points (at most 4 bytes each, plus the
** terminator) end before basicsize + len * itemsize: where CPython's rule
** for var-sized types (a negative dictoffset) puts a subclass's __dict__.
*/
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strobj.h"
#include "abstract.h"
#include "bytesobj.h"
#include "dictobj.h"
#include "gc.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "rangeobj.h"
#include "unicodetab.h"
#include "front/uniclass.h"
#include "vm/errors.h"
#include "vm/state.h"

#define STR(o) ((gp_str_t *)(o))

/* ---- immortal strings ------------------------------------------------ */

typedef struct {
    gp_str_t s;
    uint8_t data[8];        /* the character, NUL, then its UTF-8 + NUL */
} str1_t;

/* Initialised statically, so that strings work even before
** gp_obj_str_init() (other types' start-up makes strings too). */
static str1_t empty_str = {
    .s = {
        .ob = GP_VAROBJ_HEAD_INIT(&gp_str_type, 0),
        .hash = -1, .kind = 1, .ascii = 1, .interned = 1,
        .utf8 = (char *)empty_str.data, .utf8_len = 0,
    },
};

static str1_t latin1_str[256];

#define L1(c) { \
    .s = { \
        .ob = GP_VAROBJ_HEAD_INIT(&gp_str_type, 1), \
        .hash = -1, .kind = 1, .ascii = (c) < 128, .interned = 1, \
        .utf8 = (char *)&latin1_str[c].data[(c) < 128 ? 0 : 2], \
        .utf8_len = (c) < 128 ? 1 : 2, \
    }, \
    .data = { (uint8_t)(c), 0, \
              (c) < 128 ? 0 : (uint8_t)(0xc0 | ((c) >> 6)), \
              (c) < 128 ? 0 : (uint8_t)(0x80 | ((c) & 0x3f)), 0 }, \
}
#define L4(c) L1(c), L1((c) + 1), L1((c) + 2), L1((c) + 3)
#define L16(c) L4(c), L4((c) + 4), L4((c) + 8), L4((c) + 12)
#define L64(c) L16(c), L16((c) + 16), L16((c) + 32), L16((c) + 48)
static str1_t latin1_str[256] = { L64(0), L64(64), L64(128), L64(192) };
#undef L1
#undef L4
#undef L16
#undef L64

gp_obj_t *gp_str_empty(void)
{
    return gp_newref(GP_OBJ(&empty_str));
}

static inline gp_obj_t *latin1_char(uint32_t ch)
{
    return gp_newref(GP_OBJ(&latin1_str[ch]));
}

/* ---- allocation ------------------------------------------------------ */

static gp_obj_t *str_alloc(gp_ssize_t n, int kind, int ascii)
{
    if (n < 0 || (size_t)n > ((size_t)PTRDIFF_MAX - sizeof(gp_str_t)) /
                             (size_t)kind - 1)
        return gp_err_nomemory();
    gp_str_t *s = malloc(sizeof(gp_str_t) + (size_t)(n + 1) * (size_t)kind);
    if (!s)
        return gp_err_nomemory();
    s->ob.ob.refcnt = 1;
    s->ob.ob.type = &gp_str_type;
    s->ob.size = n;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = (uint8_t)ascii;
    s->interned = 0;
    s->utf8_sp = 0;
    char *d = (char *)(s + 1);
    memset(d + (size_t)n * (size_t)kind, 0, (size_t)kind);
    if (ascii) {
        s->utf8 = d;
        s->utf8_len = n;
    } else {
        s->utf8 = NULL;
        s->utf8_len = 0;
    }
    return GP_OBJ(s);
}

static int kind_of(uint32_t maxchar)
{
    return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}

gp_obj_t *gp_str_new(gp_ssize_t n, uint32_t maxchar)
{
    if (n == 0)
        return gp_str_empty();
    return str_alloc(n, kind_of(maxchar), maxchar < 128);
}

static void str_dealloc(gp_obj_t *o)
{
    gp_str_t *s = STR(o);
    if (s->utf8 && s->utf8 != (char *)GP_STR_DATA(o))
        free(s->utf8);
    if (GP_TYPE(o) == &gp_str_type)
        free(o);
    else
        gp_object_free(o);
}

void gp_str_copy(void *dst, int dkind, gp_ssize_t dpos, const void *src,
                 int skind, gp_ssize_t spos, gp_ssize_t n)
{
    if (dkind == skind) {
        memcpy((char *)dst + dpos * dkind, (const char *)src + spos * skind,
               (size_t)n * (size_t)dkind);
        return;
    }
#define COPY(TD, TS) \
    do { TD *d_ = (TD *)dst + dpos; const TS *s_ = (const TS *)src + spos; \
         for (gp_ssize_t i_ = 0; i_ < n; i_++) d_[i_] = (TD)s_[i_]; } while (0)
    if (dkind == 1) {
        if (skind == 2) COPY(uint8_t, uint16_t); else COPY(uint8_t, uint32_t);
    } else if (dkind == 2) {
        if (skind == 1) COPY(uint16_t, uint8_t); else COPY(uint16_t, uint32_t);
    } else {
        if (skind == 1) COPY(uint32_t, uint8_t); else COPY(uint32_t, uint16_t);
    }
#undef COPY
}

static uint32_t maxchar_of(int kind, const void *d, gp_ssize_t start,
                           gp_ssize_t end)
{
    uint32_t m = 0;
    gp_ssize_t i;
    switch (kind) {
    case 1: {
        const uint8_t *p = d;
        uint8_t b = 0;
        for (i = start; i < end; i++)
            b = p[i] > b ? p[i] : b;
        return b;
    }
    case 2: {
        const uint16_t *p = d;
        uint16_t h = 0;
        for (i = start; i < end; i++)
            h = p[i] > h ? p[i] : h;
        return h;
    }
    default: {
        const uint32_t *p = d;
        for (i = start; i < end; i++)
            m = p[i] > m ? p[i] : m;
        return m;
    }
    }
}

uint32_t gp_str_maxchar(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end)
{
    if (STR(o)->ascii)
        return 127;     /* an upper bound is all callers need for ASCII */
    return maxchar_of(GP_STR_KIND(o), GP_STR_DATA(o), start, end);
}

gp_obj_t *gp_str_from_kind(int kind, const void *data, gp_ssize_t n)
{
    if (n == 0)
        return gp_str_empty();
    uint32_t m = maxchar_of(kind, data, 0, n);
    if (n == 1 && m < 256)
        return latin1_char(m);
    gp_obj_t *r = gp_str_new(n, m);
    if (!r)
        return NULL;
    gp_str_copy(GP_STR_DATA(r), GP_STR_KIND(r), 0, data, kind, 0, n);
    return r;
}

gp_obj_t *gp_str_from_latin1(const char *s, gp_ssize_t len)
{
    return gp_str_from_kind(1, s, len);
}

gp_obj_t *gp_str_from_ucs4(const uint32_t *cps, gp_ssize_t n)
{
    return gp_str_from_kind(4, cps, n);
}

gp_obj_t *gp_str_from_char(uint32_t cp)
{
    if (cp < 256)
        return latin1_char(cp);
    if (cp > 0x10ffff)
        return gp_err_format(&gp_exc_ValueError,
                             "chr() arg not in range(0x110000)");
    gp_obj_t *r = gp_str_new(1, cp);
    if (r)
        gp_str_put(GP_STR_KIND(r), GP_STR_DATA(r), 0, cp);
    return r;
}

gp_obj_t *gp_str_exact(gp_obj_t *o)
{
    if (GP_STR_CHECK_EXACT(o))
        return gp_newref(o);
    return gp_str_from_kind(GP_STR_KIND(o), GP_STR_DATA(o), GP_STR_LEN(o));
}

/* ---- UTF-8 forms ----------------------------------------------------- */

const char *gp_str_utf8(gp_obj_t *o, gp_ssize_t *len)
{
    gp_str_t *s = STR(o);
    if (s->utf8 && !s->utf8_sp) {
        if (len)
            *len = s->utf8_len;
        return s->utf8;
    }
    gp_ssize_t n, bad;
    if (s->utf8) {
        bad = -1;
        for (gp_ssize_t i = 0; i < GP_STR_LEN(o); i++) {
            uint32_t c = gp_str_read(o, i);
            if (c >= 0xd800 && c < 0xe000) {
                bad = i;
                break;
            }
        }
    } else {
        char *u = gp_utf8_encode_str(o, &n, 0, &bad);
        if (u) {
            s->utf8 = u;
            s->utf8_len = n;
            if (len)
                *len = n;
            return u;
        }
        if (bad < 0)
            return NULL;
    }
    gp_ssize_t end = bad + 1;
    while (end < GP_STR_LEN(o)) {
        uint32_t c = gp_str_read(o, end);
        if (c < 0xd800 || c >= 0xe000)
            break;
        end++;
    }
    gp_err_unicode_encode("utf-8", o, bad, end, "surrogates not allowed");
    return NULL;
}

const char *gp_str_utf8_sp(gp_obj_t *o, gp_ssize_t *len)
{
    gp_str_t *s = STR(o);
    if (!s->utf8) {
        gp_ssize_t n, bad;
        char *u = gp_utf8_encode_str(o, &n, 1, &bad);
        if (!u)
            return NULL;
        s->utf8 = u;
        s->utf8_len = n;
        /* Only a string with a surrogate has no strict form; its UTF-8
        ** is longer than 3 bytes per surrogate-free BMP character can
        ** tell, so look. */
        if (GP_STR_KIND(o) >= 2)
            for (gp_ssize_t i = 0; i < GP_STR_LEN(o); i++) {
                uint32_t c = gp_str_read(o, i);
                if (c >= 0xd800 && c < 0xe000) {
                    s->utf8_sp = 1;
                    break;
                }
            }
    }
    if (len)
        *len = s->utf8_len;
    return s->utf8;
}

/* ---- hash, equality, order ------------------------------------------- */

gp_hash_t gp_str_hash(gp_obj_t *o)
{
    gp_str_t *s = STR(o);
    if (s->hash != -1)
        return s->hash;
    gp_hash_t h = gp_hash_bytes(GP_STR_DATA(o),
                                GP_STR_LEN(o) * GP_STR_KIND(o));
    s->hash = h;
    return h;
}

int gp_str_eq(gp_obj_t *a, gp_obj_t *b)
{
    if (a == b)
        return 1;
    if (GP_STR_LEN(a) != GP_STR_LEN(b) || GP_STR_KIND(a) != GP_STR_KIND(b))
        return 0;
    gp_hash_t ha = STR(a)->hash, hb = STR(b)->hash;
    if (ha != -1 && hb != -1 && ha != hb)
        return 0;
    return memcmp(GP_STR_DATA(a), GP_STR_DATA(b),
                  (size_t)GP_STR_LEN(a) * GP_STR_KIND(a)) == 0;
}

int gp_str_eq_cstr(gp_obj_t *a, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)GP_STR_LEN(a) != n || GP_STR_KIND(a) != 1)
        return 0;
    return memcmp(GP_STR_DATA(a), s, n) == 0;
}

int gp_str_compare(gp_obj_t *a, gp_obj_t *b)
{
    if (a == b)
        return 0;
    gp_ssize_t la = GP_STR_LEN(a), lb = GP_STR_LEN(b);
    gp_ssize_t n = la < lb ? la : lb;
    int ka = GP_STR_KIND(a), kb = GP_STR_KIND(b);
    const void *da = GP_STR_DATA(a), *db = GP_STR_DATA(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c)
            return c < 0 ? -1 : 1;
    } else if (ka == kb && ka == 2) {
        const uint16_t *pa = da, *pb = db;
        for (gp_ssize_t i = 0; i < n; i++)
            if (pa[i] != pb[i])
                return pa[i] < pb[i] ? -1 : 1;
    } else {
        for (gp_ssize_t i = 0; i < n; i++) {
            uint32_t x = gp_str_get(ka, da, i), y = gp_str_get(kb, db, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

static gp_obj_t *str_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_STR_CHECK(a) || !GP_STR_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    int r;
    if (op == GP_EQ || op == GP_NE) {
        r = gp_str_eq(a, b);
        return gp_bool_from(op == GP_EQ ? r : !r);
    }
    int c = gp_str_compare(a, b);
    switch (op) {
    case GP_LT: r = c < 0; break;
    case GP_LE: r = c <= 0; break;
    case GP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return gp_bool_from(r);
}

/* ---- concatenation, slices ------------------------------------------- */

gp_obj_t *gp_str_concat(gp_obj_t *a, gp_obj_t *b)
{
    gp_ssize_t la = GP_STR_LEN(a), lb = GP_STR_LEN(b);
    if (lb == 0)
        return gp_str_exact(a);
    if (la == 0)
        return gp_str_exact(b);
    if (la > PTRDIFF_MAX / 4 - lb)
        return gp_err_format(&gp_exc_OverflowError,
                             "strings are too large to concat");
    int ka = GP_STR_KIND(a), kb = GP_STR_KIND(b);
    int k = ka > kb ? ka : kb;
    gp_obj_t *r = str_alloc(la + lb, k, STR(a)->ascii && STR(b)->ascii);
    if (!r)
        return NULL;
    gp_str_copy(GP_STR_DATA(r), k, 0, GP_STR_DATA(a), ka, 0, la);
    gp_str_copy(GP_STR_DATA(r), k, la, GP_STR_DATA(b), kb, 0, lb);
    return r;
}

int gp_str_append_inplace(gp_obj_t **pa, gp_obj_t *b)
{
    gp_obj_t *a = *pa;
    gp_ssize_t la = GP_STR_LEN(a), lb = GP_STR_LEN(b);
    if (lb == 0 && GP_STR_CHECK_EXACT(a))
        return 0;
    int ka = GP_STR_KIND(a), kb = GP_STR_KIND(b);
    /* In place only when nobody else can see a, and b's characters fit
    ** a's kind (and its ASCII flag). */
    if (GP_REFCNT(a) != 1 || !GP_STR_CHECK_EXACT(a) || STR(a)->interned ||
        kb > ka || (STR(a)->ascii && !STR(b)->ascii) ||
        la > PTRDIFF_MAX / 4 - lb - 1 || la == 0) {
        gp_obj_t *r = gp_str_concat(a, b);
        if (!r)
            return -1;
        GP_SETREF(*pa, r);
        return 0;
    }
    size_t need = sizeof(gp_str_t) + (size_t)(la + lb + 1) * (size_t)ka;
    gp_str_t *s = STR(a);
    if (s->utf8 && s->utf8 != (char *)GP_STR_DATA(a))
        free(s->utf8);
    s->utf8 = NULL;
    if (malloc_usable_size(a) < need) {
        /* Grow by half as much again, so that a loop of += is linear. */
        size_t want = need + need / 2;
        gp_obj_t *n = realloc(a, want);
        if (!n) {
            gp_err_nomemory();
            return -1;
        }
        a = *pa = n;
        s = STR(a);
    }
    char *d = GP_STR_DATA(a);
    gp_str_copy(d, ka, la, GP_STR_DATA(b), kb, 0, lb);
    memset(d + (size_t)(la + lb) * (size_t)ka, 0, (size_t)ka);
    GP_SIZE(a) = la + lb;
    s->hash = -1;
    s->utf8_sp = 0;
    if (s->ascii) {
        s->utf8 = d;
        s->utf8_len = la + lb;
    } else {
        s->utf8 = NULL;
        s->utf8_len = 0;
    }
    return 0;
}

gp_obj_t *gp_str_substring(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end)
{
    gp_ssize_t n = GP_STR_LEN(o);
    if (start < 0)
        start = 0;
    if (end > n)
        end = n;
    if (start >= end)
        return gp_str_empty();
    if (start == 0 && end == n)
        return gp_str_exact(o);
    int kind = GP_STR_KIND(o);
    const void *d = GP_STR_DATA(o);
    if (STR(o)->ascii) {
        if (end - start == 1)
            return latin1_char(((const uint8_t *)d)[start]);
        gp_obj_t *r = str_alloc(end - start, 1, 1);
        if (r)
            memcpy(GP_STR_DATA(r), (const uint8_t *)d + start,
                   (size_t)(end - start));
        return r;
    }
    return gp_str_from_kind(kind, (const char *)d + start * kind,
                            end - start);
}

/* o[start:stop:step] for a normalised slice of length n. */
static gp_obj_t *str_slice_step(gp_obj_t *o, gp_ssize_t start,
                                gp_ssize_t step, gp_ssize_t n)
{
    if (n <= 0)
        return gp_str_empty();
    if (step == 1)
        return gp_str_substring(o, start, start + n);
    int kind = GP_STR_KIND(o);
    const void *d = GP_STR_DATA(o);
    uint32_t m = 0;
    if (STR(o)->ascii)
        m = 127;
    else
        for (gp_ssize_t i = 0, j = start; i < n; i++, j += step) {
            uint32_t c = gp_str_get(kind, d, j);
            if (c > m)
                m = c;
        }
    if (n == 1 && m < 256)
        return latin1_char(gp_str_get(kind, d, start));
    gp_obj_t *r = gp_str_new(n, m);
    if (!r)
        return NULL;
    int rk = GP_STR_KIND(r);
    void *rd = GP_STR_DATA(r);
    if (rk == 1 && kind == 1) {
        const uint8_t *s = d;
        uint8_t *t = rd;
        for (gp_ssize_t i = 0, j = start; i < n; i++, j += step)
            t[i] = s[j];
    } else {
        for (gp_ssize_t i = 0, j = start; i < n; i++, j += step)
            gp_str_put(rk, rd, i, gp_str_get(kind, d, j));
    }
    return r;
}

/* ---- join ------------------------------------------------------------ */

/* sep.join(items[0:n]); sep NULL means "". */
static gp_obj_t *join_items(gp_obj_t *sep, gp_obj_t *const *items,
                            gp_ssize_t n)
{
    gp_obj_t *r = NULL;
    if (n == 0)
        return gp_str_empty();
    if (n == 1 && GP_STR_CHECK_EXACT(items[0]))
        return gp_newref(items[0]);
    if (!sep)
        sep = GP_OBJ(&empty_str);
    gp_ssize_t seplen = GP_STR_LEN(sep), total = 0;
    int kind = GP_STR_KIND(sep), ascii = STR(sep)->ascii;
    uint32_t m = n > 1 ? gp_str_maxchar(sep, 0, seplen) : 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_obj_t *it = items[i];
        if (!GP_STR_CHECK(it))
            return gp_err_format(&gp_exc_TypeError,
                                 "sequence item %zd: expected str instance, "
                                 "%s found", i,
                                 gp_type_name_cstr(GP_TYPE(it)));
        gp_ssize_t l = GP_STR_LEN(it);
        if (l > PTRDIFF_MAX / 4 - total - seplen)
            return gp_err_format(&gp_exc_OverflowError,
                                 "join() result is too long for a Python "
                                 "string");
        total += l + (i ? seplen : 0);
        if (GP_STR_KIND(it) > kind)
            kind = GP_STR_KIND(it);
        if (!STR(it)->ascii) {
            ascii = 0;
            uint32_t im = gp_str_maxchar(it, 0, l);
            if (im > m)
                m = im;
        }
    }
    if (ascii)
        m = 127;
    if (total == 0)
        return gp_str_empty();
    kind = kind_of(m);
    r = str_alloc(total, kind, m < 128);
    if (!r)
        return NULL;
    char *d = GP_STR_DATA(r);
    gp_ssize_t pos = 0;
    const void *sd = GP_STR_DATA(sep);
    int sk = GP_STR_KIND(sep);
    for (gp_ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            if (sk == kind && seplen == 1 && kind == 1)
                d[pos] = *(const char *)sd;
            else
                gp_str_copy(d, kind, pos, sd, sk, 0, seplen);
            pos += seplen;
        }
        gp_obj_t *it = items[i];
        gp_ssize_t l = GP_STR_LEN(it);
        gp_str_copy(d, kind, pos, GP_STR_DATA(it), GP_STR_KIND(it), 0, l);
        pos += l;
    }
    return r;
}

gp_obj_t *gp_str_concat_array(gp_obj_t *const *items, gp_ssize_t n)
{
    return join_items(NULL, items, n);
}

gp_obj_t *gp_str_join(gp_obj_t *sep, gp_obj_t *iterable)
{
    gp_obj_t *seq;
    if (GP_LIST_CHECK_EXACT(iterable) || GP_TUPLE_CHECK_EXACT(iterable)) {
        seq = gp_newref(iterable);
    } else {
        gp_obj_t *it = gp_iter(iterable);
        if (!it) {
            if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                gp_err_format(&gp_exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        seq = gp_sequence_list(it);
        GP_DECREF(it);
        if (!seq)
            return NULL;
    }
    gp_obj_t *const *items = GP_LIST_CHECK_EXACT(seq) ? GP_LIST_ITEMS(seq)
                                                      : GP_TUPLE_ITEMS(seq);
    gp_obj_t *r = join_items(sep, items, GP_SIZE(seq));
    GP_DECREF(seq);
    return r;
}

/* ---- search ---------------------------------------------------------- */

/* Search on one kind, the way CPython's fastsearch does for short
** needles: test the needle's last character, and skip past the next
** character when a 64-bit Bloom mask says it is not in the needle
** (Sunday's rule); no table to set up, so calls for short haystacks
** (split, replace) stay cheap.  Callers handle needles of length 0 and 1.
** Reading s[n] is safe: a haystack is a str's data from some offset, and
** that data has a terminator after it. */
#define BLOOM(mask, c) ((mask) & (1ULL << ((c) & 63)))
/* Branches, not conditional moves: a predicted skip lets the next load
** start at once, where a cmov chain waits for each one (GCC only; the
** difference is 2-3x on ASCII text). */
#if defined(__GNUC__) && !defined(__clang__)
#define SEARCH_ATTR __attribute__((optimize("no-if-conversion", "no-if-conversion2")))
#else
#define SEARCH_ATTR
#endif
#define DEFINE_SEARCH(NAME, T) \
static SEARCH_ATTR gp_ssize_t NAME(const T *s, gp_ssize_t n, const T *p, gp_ssize_t m, \
                       int mode, gp_ssize_t maxcount) \
{ \
    gp_ssize_t w = n - m, mlast = m - 1, skip = mlast, count = 0, i, j; \
    uint64_t mask = 0; \
    if (w < 0) \
        return mode == GP_SEARCH_COUNT ? 0 : -1; \
    if (mode != GP_SEARCH_RFIND) { \
        T last = p[mlast]; \
        for (i = 0; i < mlast; i++) { \
            mask |= 1ULL << (p[i] & 63); \
            if (p[i] == last) \
                skip = mlast - i - 1; \
        } \
        mask |= 1ULL << (last & 63); \
        for (i = 0; i <= w; i++) { \
            if (s[i + mlast] == last) { \
                for (j = 0; j < mlast; j++) \
                    if (s[i + j] != p[j]) \
                        break; \
                if (j == mlast) { \
                    if (mode == GP_SEARCH_FIND) \
                        return i; \
                    if (++count >= maxcount) \
                        return count; \
                    i += mlast; \
                    continue; \
                } \
                if (!BLOOM(mask, s[i + m])) \
                    i += m; \
                else \
                    i += skip; \
            } else if (!BLOOM(mask, s[i + m])) { \
                i += m; \
            } \
        } \
        return mode == GP_SEARCH_COUNT ? count : -1; \
    } \
    T first = p[0]; \
    for (i = mlast; i > 0; i--) { \
        mask |= 1ULL << (p[i] & 63); \
        if (p[i] == first) \
            skip = i - 1; \
    } \
    mask |= 1ULL << (first & 63); \
    for (i = w; i >= 0; i--) { \
        if (s[i] == first) { \
            for (j = mlast; j > 0; j--) \
                if (s[i + j] != p[j]) \
                    break; \
            if (j == 0) \
                return i; \
            if (i > 0 && !BLOOM(mask, s[i - 1])) \
                i -= m; \
            else \
                i -= skip; \
        } else if (i > 0 && !BLOOM(mask, s[i - 1])) { \
            i -= m; \
        } \
    } \
    return -1; \
}

DEFINE_SEARCH(search1, uint8_t)
DEFINE_SEARCH(search2, uint16_t)
DEFINE_SEARCH(search4, uint32_t)

static gp_ssize_t find_char_kind(int kind, const void *d, gp_ssize_t start,
                                 gp_ssize_t end, uint32_t ch, int rev)
{
    gp_ssize_t i;
    switch (kind) {
    case 1: {
        if (ch > 255)
            return -1;
        const uint8_t *p = d;
        if (!rev) {
            const void *q = memchr(p + start, (int)ch, (size_t)(end - start));
            return q ? (const uint8_t *)q - p : -1;
        }
        const void *q = memrchr(p + start, (int)ch, (size_t)(end - start));
        return q ? (const uint8_t *)q - p : -1;
    }
    case 2: {
        if (ch > 0xffff)
            return -1;
        const uint16_t *p = d;
        if (!rev) {
            for (i = start; i < end; i++)
                if (p[i] == ch)
                    return i;
        } else {
            for (i = end - 1; i >= start; i--)
                if (p[i] == ch)
                    return i;
        }
        return -1;
    }
    default: {
        const uint32_t *p = d;
        if (!rev) {
            for (i = start; i < end; i++)
                if (p[i] == ch)
                    return i;
        } else {
            for (i = end - 1; i >= start; i--)
                if (p[i] == ch)
                    return i;
        }
        return -1;
    }
    }
}

gp_ssize_t gp_str_find_char(gp_obj_t *o, uint32_t ch, gp_ssize_t start,
                            gp_ssize_t end)
{
    if (start < 0)
        start = 0;
    if (end > GP_STR_LEN(o))
        end = GP_STR_LEN(o);
    if (start >= end)
        return -1;
    return find_char_kind(GP_STR_KIND(o), GP_STR_DATA(o), start, end, ch, 0);
}

static gp_ssize_t count_char(int kind, const void *d, gp_ssize_t start,
                             gp_ssize_t end, uint32_t ch, gp_ssize_t maxcount)
{
    gp_ssize_t c = 0, i;
#define COUNT_LOOP(T) \
    do { const T *p_ = d; \
         for (i = start; i < end; i++) \
             if (p_[i] == ch && ++c >= maxcount) \
                 return c; } while (0)
    if (kind == 1) {
        if (ch > 255)
            return 0;
        COUNT_LOOP(uint8_t);
    } else if (kind == 2) {
        if (ch > 0xffff)
            return 0;
        COUNT_LOOP(uint16_t);
    } else {
        COUNT_LOOP(uint32_t);
    }
#undef COUNT_LOOP
    return c;
}

gp_ssize_t gp_str_search_raw(int kind, const void *hay, gp_ssize_t n,
                             const void *needle, gp_ssize_t m, int mode,
                             gp_ssize_t maxcount)
{
    if (m == 1) {
        uint32_t ch = gp_str_get(kind, needle, 0);
        if (mode == GP_SEARCH_COUNT)
            return count_char(kind, hay, 0, n, ch, maxcount);
        return find_char_kind(kind, hay, 0, n, ch, mode == GP_SEARCH_RFIND);
    }
    switch (kind) {
    case 1: return search1(hay, n, needle, m, mode, maxcount);
    case 2: return search2(hay, n, needle, m, mode, maxcount);
    default: return search4(hay, n, needle, m, mode, maxcount);
    }
}

gp_ssize_t gp_str_search(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end,
                         gp_obj_t *sub, int mode, gp_ssize_t maxcount)
{
    gp_ssize_t n = end - start, m = GP_STR_LEN(sub);
    if (mode == GP_SEARCH_COUNT && maxcount <= 0)
        return 0;
    if (n < m || n < 0)
        return mode == GP_SEARCH_COUNT ? 0 : -1;
    if (m == 0) {
        if (mode == GP_SEARCH_FIND)
            return start;
        if (mode == GP_SEARCH_RFIND)
            return end;
        return n + 1 < maxcount ? n + 1 : maxcount;
    }
    int kind = GP_STR_KIND(o), sk = GP_STR_KIND(sub);
    if (sk > kind)
        return mode == GP_SEARCH_COUNT ? 0 : -1;
    const char *d = GP_STR_DATA(o);
    if (m == 1) {
        uint32_t ch = gp_str_read(sub, 0);
        if (mode == GP_SEARCH_COUNT)
            return count_char(kind, d, start, end, ch, maxcount);
        return find_char_kind(kind, d, start, end, ch,
                              mode == GP_SEARCH_RFIND);
    }
    const void *p = GP_STR_DATA(sub);
    void *tmp = NULL;
    if (sk != kind) {
        tmp = malloc((size_t)m * (size_t)kind);
        if (!tmp) {
            gp_err_nomemory();
            return -2;
        }
        gp_str_copy(tmp, kind, 0, p, sk, 0, m);
        p = tmp;
    }
    gp_ssize_t r;
    switch (kind) {
    case 1:
        r = search1((const uint8_t *)d + start, n, p, m, mode, maxcount);
        break;
    case 2:
        r = search2((const uint16_t *)d + start, n, p, m, mode, maxcount);
        break;
    default:
        r = search4((const uint32_t *)d + start, n, p, m, mode, maxcount);
        break;
    }
    free(tmp);
    if (mode != GP_SEARCH_COUNT && r >= 0)
        r += start;
    return r;
}

/* ---- repr ------------------------------------------------------------ */

static int repr_escape_len(uint32_t c, uint32_t quote)
{
    if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r')
        return 2;
    if (c < ' ' || c == 0x7f)
        return 4;
    if (c < 0x7f)
        return 1;
    if (gp_uni_is_printable(c))
        return 1;
    return c < 0x100 ? 4 : c < 0x10000 ? 6 : 10;
}

gp_obj_t *gp_str_repr(gp_obj_t *o)
{
    static const char hex[] = "0123456789abcdef";
    gp_ssize_t n = GP_STR_LEN(o);
    int kind = GP_STR_KIND(o);
    const void *d = GP_STR_DATA(o);
    int sq = 0, dq = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        if (c == '\'')
            sq = 1;
        else if (c == '"')
            dq = 1;
    }
    uint32_t quote = (sq && !dq) ? '"' : '\'';
    gp_ssize_t outlen = 2;
    uint32_t m = 127;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        int l = repr_escape_len(c, quote);
        outlen += l;
        if (l == 1 && c > m)
            m = c;
    }
    gp_obj_t *r = gp_str_new(outlen, m);
    if (!r)
        return NULL;
    int rk = GP_STR_KIND(r);
    void *rd = GP_STR_DATA(r);
    gp_ssize_t j = 0;
    gp_str_put(rk, rd, j++, quote);
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        if (c == quote || c == '\\') {
            gp_str_put(rk, rd, j++, '\\');
            gp_str_put(rk, rd, j++, c);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            gp_str_put(rk, rd, j++, '\\');
            gp_str_put(rk, rd, j++, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        } else if (c >= ' ' && c < 0x7f) {
            gp_str_put(rk, rd, j++, c);
        } else if (c >= 0x7f && c != 0x7f && gp_uni_is_printable(c)) {
            gp_str_put(rk, rd, j++, c);
        } else {
            int digits;
            gp_str_put(rk, rd, j++, '\\');
            if (c < 0x100) {
                gp_str_put(rk, rd, j++, 'x');
                digits = 2;
            } else if (c < 0x10000) {
                gp_str_put(rk, rd, j++, 'u');
                digits = 4;
            } else {
                gp_str_put(rk, rd, j++, 'U');
                digits = 8;
            }
            for (int k = digits - 1; k >= 0; k--)
                gp_str_put(rk, rd, j++, (uint8_t)hex[(c >> (4 * k)) & 0xf]);
        }
    }
    gp_str_put(rk, rd, j++, quote);
    return r;
}

static gp_obj_t *str_str(gp_obj_t *o)
{
    return gp_str_exact(o);
}

/* ---- interning ------------------------------------------------------- */

/* The interpreter's table, made on first use and seeded with the ids so
** that interning "__init__" anywhere gives GP_ID(__init__). */
static gp_obj_t *interned_table(gp_interp_t *in)
{
    if (in->interned)
        return in->interned;
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return NULL;
    for (int i = 0; i < GP_ID_COUNT; i++)
        if (gp_id_table[i] &&
            gp_dict_setitem(d, gp_id_table[i], gp_id_table[i]) < 0) {
            GP_DECREF(d);
            return NULL;
        }
    in->interned = d;
    return d;
}

void gp_str_intern(gp_obj_t **p)
{
    gp_obj_t *s = *p;
    if (!s || !GP_STR_CHECK_EXACT(s) || STR(s)->interned)
        return;
    gp_ssize_t n = GP_STR_LEN(s);
    if (n == 0) {
        GP_SETREF(*p, gp_str_empty());
        return;
    }
    if (n == 1 && GP_STR_KIND(s) == 1) {
        GP_SETREF(*p, latin1_char(*(uint8_t *)GP_STR_DATA(s)));
        return;
    }
    gil_tstate_t *ts = gil_tstate_current();
    gp_thread_t *th = ts ? gil_tstate_data(ts) : NULL;
    if (!th || !th->interp)
        return;             /* start-up, before any interpreter: as is */
    gp_obj_t *d = interned_table(th->interp);
    if (!d) {
        gp_err_clear();
        return;
    }
    gp_obj_t *t = gp_dict_setdefault(d, s, s);
    if (!t) {
        gp_err_clear();
        return;
    }
    if (t != s) {
        GP_SETREF(*p, gp_newref(t));
        return;
    }
    STR(s)->interned = 1;
}

gp_obj_t *gp_str_intern_cstr(const char *s)
{
    gp_obj_t *o = gp_str_from_cstr(s);
    if (o)
        gp_str_intern(&o);
    return o;
}

/* ---- slots ----------------------------------------------------------- */

static gp_ssize_t str_length(gp_obj_t *o)
{
    return GP_STR_LEN(o);
}

static gp_obj_t *str_item(gp_obj_t *o, gp_ssize_t i)
{
    gp_ssize_t n = GP_STR_LEN(o);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return gp_err_format(&gp_exc_IndexError, "string index out of range");
    uint32_t c = gp_str_read(o, i);
    if (c < 256)
        return latin1_char(c);
    return gp_str_from_char(c);
}

static gp_obj_t *str_subscript(gp_obj_t *o, gp_obj_t *key)
{
    if (GP_INT_CHECK(key) && gp_int_is_small(key)) {
        int64_t v = gp_int_small(key);
        gp_ssize_t n = GP_STR_LEN(o);
        if (v < 0)
            v += n;
        if (v < 0 || v >= n)
            return gp_err_format(&gp_exc_IndexError,
                                 "string index out of range");
        return str_item(o, (gp_ssize_t)v);
    }
    if (GP_SLICE_CHECK(key)) {
        gp_ssize_t start, stop, step;
        if (gp_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        gp_ssize_t n = gp_slice_adjust(GP_STR_LEN(o), &start, &stop, step);
        if (step == 1 && start == 0 && n == GP_STR_LEN(o) &&
            GP_STR_CHECK_EXACT(o))
            return gp_newref(o);
        return str_slice_step(o, start, step, n);
    }
    if (gp_index_check(key)) {
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
        return str_item(o, i);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "string indices must be integers, not '%s'",
                         gp_type_name_cstr(GP_TYPE(key)));
}

static int str_contains(gp_obj_t *o, gp_obj_t *sub)
{
    if (!GP_STR_CHECK(sub)) {
        gp_err_format(&gp_exc_TypeError,
                      "'in <string>' requires string as left operand, not %s",
                      gp_type_name_cstr(GP_TYPE(sub)));
        return -1;
    }
    gp_ssize_t r = gp_str_search(o, 0, GP_STR_LEN(o), sub, GP_SEARCH_FIND, 0);
    if (r == -2)
        return -1;
    return r >= 0;
}

static gp_obj_t *str_concat_slot(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_STR_CHECK(a) || !GP_STR_CHECK(b)) {
        gp_obj_t *other = GP_STR_CHECK(a) ? b : a;
        return gp_err_format(&gp_exc_TypeError,
                             "can only concatenate str (not \"%s\") to str",
                             gp_type_name_cstr(GP_TYPE(other)));
    }
    return gp_str_concat(a, b);
}

static gp_obj_t *str_repeat(gp_obj_t *s, gp_ssize_t count)
{
    gp_ssize_t n = GP_STR_LEN(s);
    if (count <= 0 || n == 0)
        return gp_str_empty();
    if (count == 1)
        return gp_str_exact(s);
    if (n > PTRDIFF_MAX / 4 / count)
        return gp_err_format(&gp_exc_OverflowError,
                             "repeated string is too long");
    int kind = GP_STR_KIND(s);
    gp_obj_t *r = str_alloc(n * count, kind, STR(s)->ascii);
    if (!r)
        return NULL;
    char *d = GP_STR_DATA(r);
    size_t unit = (size_t)n * (size_t)kind, total = unit * (size_t)count;
    if (n == 1 && kind == 1) {
        memset(d, *(uint8_t *)GP_STR_DATA(s), (size_t)count);
    } else {
        memcpy(d, GP_STR_DATA(s), unit);
        size_t done = unit;
        while (done < total) {      /* doubling copies */
            size_t c = done < total - done ? done : total - done;
            memcpy(d + done, d, c);
            done += c;
        }
    }
    return r;
}

static gp_obj_t *str_mul(gp_obj_t *a, gp_obj_t *b)
{
    gp_obj_t *s, *n;
    if (GP_STR_CHECK(a)) {
        s = a;
        n = b;
    } else {
        s = b;
        n = a;
    }
    if (!gp_index_check(n)) {
        /* CPython tries the other operand's multiplication before it
        ** gives the sequence's own message. */
        if (s == a && !GP_TYPE(b)->as_sequence && GP_TYPE(b)->as_number &&
            GP_TYPE(b)->as_number->binop[GP_NB_MULTIPLY] &&
            GP_TYPE(b)->as_number->binop[GP_NB_MULTIPLY] != str_mul) {
            gp_obj_t *r = GP_TYPE(b)->as_number->binop[GP_NB_MULTIPLY](a, b);
            if (r != GP_NOTIMPLEMENTED)
                return r;
            GP_DECREF(r);
        }
        return gp_err_format(&gp_exc_TypeError,
                             "can't multiply sequence by non-int of type '%s'",
                             gp_type_name_cstr(GP_TYPE(n)));
    }
    gp_ssize_t count = gp_number_as_ssize_t(n, &gp_exc_OverflowError);
    if (count == -1 && gp_err_occurred())
        return NULL;
    return str_repeat(s, count);
}

static gp_obj_t *str_mod(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_STR_CHECK(a))
        GP_RETURN_NOTIMPLEMENTED;
    return gp_str_mod(a, b);
}

static gp_number_methods_t str_as_number = {
    .binop = {
        [GP_NB_MULTIPLY] = str_mul,
        [GP_NB_REMAINDER] = str_mod,
    },
};

static gp_sequence_methods_t str_as_sequence = {
    .length = str_length,
    .item = str_item,
    .contains = str_contains,
    .concat = str_concat_slot,
};

static gp_mapping_methods_t str_as_mapping = {
    .length = str_length,
    .subscript = str_subscript,
};

/* ---- str(object='', encoding='utf-8', errors='strict') ---------------- */

static gp_obj_t *str_make(gp_obj_t *const *args, gp_ssize_t nargs,
                          gp_obj_t *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    gp_obj_t *a[3] = {NULL, NULL, NULL};
    if (nargs == 1 && !kwnames) {
        a[0] = args[0];
    } else if (nargs || kwnames) {
        if (gp_arg_parse("str", args, nargs, kwnames, names, 0, 0, a) < 0)
            return NULL;
    }
    if (!a[1] && !a[2])
        return a[0] ? gp_str(a[0]) : gp_str_empty();
    const char *enc = "utf-8", *errs = "strict";
    if (a[1]) {
        if (!GP_STR_CHECK(a[1]))
            return gp_err_format(&gp_exc_TypeError,
                                 "str() argument 'encoding' must be str, not %s",
                                 gp_type_name_cstr(GP_TYPE(a[1])));
        if (!(enc = gp_str_utf8(a[1], NULL)))
            return NULL;
    }
    if (a[2]) {
        if (!GP_STR_CHECK(a[2]))
            return gp_err_format(&gp_exc_TypeError,
                                 "str() argument 'errors' must be str, not %s",
                                 gp_type_name_cstr(GP_TYPE(a[2])));
        if (!(errs = gp_str_utf8(a[2], NULL)))
            return NULL;
    }
    if (!a[0])
        return gp_str_empty();
    const char *data;
    gp_ssize_t len;
    if (GP_STR_CHECK(a[0]))
        return gp_err_format(&gp_exc_TypeError,
                             "decoding str is not supported");
    if (gp_bytes_view(a[0], &data, &len) < 0) {
        gp_err_clear();
        return gp_err_format(&gp_exc_TypeError,
                             "decoding to str: need a bytes-like object, %s found",
                             gp_type_name_cstr(GP_TYPE(a[0])));
    }
    return gp_bytes_decode(data, len, enc, errs);
}

static gp_obj_t *str_new(gp_type_t *type, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *s = str_make(args, nargs, kwnames);
    if (!s || type == &gp_str_type)
        return s;
    if (!GP_STR_CHECK_EXACT(s)) {
        gp_obj_t *t = gp_str_exact(s);
        GP_DECREF(s);
        if (!(s = t))
            return NULL;
    }
    gp_ssize_t n = GP_STR_LEN(s);
    gp_obj_t *o = gp_type_alloc(type, n + 1);
    if (!o) {
        GP_DECREF(s);
        return NULL;
    }
    gp_str_t *r = STR(o);
    r->hash = -1;
    r->kind = GP_STR_KIND(s);
    r->ascii = STR(s)->ascii;
    r->interned = 0;
    r->utf8_sp = 0;
    GP_SIZE(o) = n;
    memcpy(GP_STR_DATA(o), GP_STR_DATA(s), (size_t)(n + 1) * r->kind);
    if (r->ascii) {
        r->utf8 = GP_STR_DATA(o);
        r->utf8_len = n;
    } else {
        r->utf8 = NULL;
        r->utf8_len = 0;
    }
    GP_DECREF(s);
    return o;
}

/* ---- iterators ------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *str;          /* NULL once exhausted */
    gp_ssize_t pos;
} striter_t;

static gp_obj_t *str_iter(gp_obj_t *o)
{
    gp_type_t *t = STR(o)->ascii ? &gp_str_ascii_iter_type : &gp_str_iter_type;
    striter_t *it = (striter_t *)gp_type_alloc(t, 0);
    if (!it)
        return NULL;
    it->str = gp_newref(o);
    it->pos = 0;
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

static void striter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_CLEAR(((striter_t *)o)->str);
    gp_object_free(o);
}

static int striter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((striter_t *)o)->str);
    return 0;
}

static int striter_clear(gp_obj_t *o)
{
    GP_CLEAR(((striter_t *)o)->str);
    return 0;
}

static gp_obj_t *striter_next(gp_obj_t *o)
{
    striter_t *it = (striter_t *)o;
    gp_obj_t *s = it->str;
    if (!s)
        return NULL;
    if (it->pos < GP_STR_LEN(s)) {
        uint32_t c = gp_str_read(s, it->pos++);
        return c < 256 ? latin1_char(c) : gp_str_from_char(c);
    }
    it->str = NULL;
    GP_DECREF(s);
    return NULL;
}

static gp_obj_t *self_iter(gp_obj_t *o)
{
    return gp_newref(o);
}

static gp_obj_t *striter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    striter_t *it = (striter_t *)o;
    gp_ssize_t n = it->str ? GP_STR_LEN(it->str) - it->pos : 0;
    return gp_int_from_ssize(n < 0 ? 0 : n);
}

static gp_methoddef_t striter_methods[] = {
    {"__length_hint__", GP_METH_FN(striter_length_hint), GP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

gp_type_t gp_str_iter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "str_iterator",
    .basicsize = sizeof(striter_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = striter_dealloc,
    .traverse = striter_traverse,
    .clear = striter_clear,
    .iter = self_iter,
    .iternext = striter_next,
    .methods = striter_methods,
};

gp_type_t gp_str_ascii_iter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(striter_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = striter_dealloc,
    .traverse = striter_traverse,
    .clear = striter_clear,
    .iter = self_iter,
    .iternext = striter_next,
    .methods = striter_methods,
};

/* ---- the type -------------------------------------------------------- */

gp_type_t gp_str_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "str",
    .basicsize = sizeof(gp_str_t) + 4,
    .itemsize = 4,
    .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_STR_SUBCLASS |
             GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = str_dealloc,
    .repr = gp_str_repr,
    .str = str_str,
    .hash = gp_str_hash,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .new_ = str_new,
    .as_number = &str_as_number,
    .as_sequence = &str_as_sequence,
    .as_mapping = &str_as_mapping,
    .methods = gp_str_methods,
    .base = &gp_object_type,
    .doc = "str(object='') -> str\n"
           "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object. If encoding or\n"
           "errors is specified, then the object must expose a data buffer\n"
           "that will be decoded using the given encoding and error handler.\n"
           "Otherwise, returns the result of object.__str__() (if defined)\n"
           "or repr(object).\n"
           "encoding defaults to sys.getdefaultencoding().\n"
           "errors defaults to 'strict'.",
};

int gp_obj_str_init(void)
{
    if (gp_type_ready(&gp_str_type) < 0 ||
        gp_type_ready(&gp_str_iter_type) < 0 ||
        gp_type_ready(&gp_str_ascii_iter_type) < 0)
        return -1;
    return gp_ids_init();
}
