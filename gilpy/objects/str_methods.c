/*
** str_methods.c — the methods of str (gp_str_methods): case mapping with
** Unicode's full mappings and the final-sigma rule, the is* predicates,
** searching, splitting, stripping, padding, replace, translate,
** maketrans, encode and the rest, with CPython 3.11's semantics and
** messages.  ASCII strings take byte-wise fast paths.
** Guard: the GIL (str objects are immutable; results are new objects).
*/
#include <stdlib.h>
#include <string.h>

#include "strobj.h"
#include "abstract.h"
#include "bytesobj.h"
#include "dictobj.h"
#include "listobj.h"
#include "numobj.h"
#include "unicodetab.h"
#include "front/uniclass.h"
#include "vm/errors.h"

#define STR(o) ((gp_str_t *)(o))
#define LEN(o) GP_STR_LEN(o)
#define KIND(o) GP_STR_KIND(o)
#define DATA(o) GP_STR_DATA(o)
#define ISASCII(o) (STR(o)->ascii)

static const char *tname(gp_obj_t *o)
{
    return gp_type_name_cstr(GP_TYPE(o));
}

/* ---- argument helpers ------------------------------------------------- */

/* An int argument as argument clinic's Py_ssize_t converter takes it. */
static int arg_ssize(gp_obj_t *o, gp_ssize_t *out)
{
    if (GP_INT_CHECK(o) && gp_int_is_small(o)) {
        *out = (gp_ssize_t)gp_int_small(o);
        return 0;
    }
    gp_obj_t *i = gp_number_index(o);
    if (!i)
        return -1;
    gp_ssize_t v = gp_int_as_ssize(i);
    GP_DECREF(i);
    if (v == -1 && gp_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* A start/end argument: None leaves *out alone, big values clamp. */
static int arg_slice_index(gp_obj_t *o, gp_ssize_t *out)
{
    if (o == GP_NONE)
        return 0;
    if (GP_INT_CHECK(o) && gp_int_is_small(o)) {
        *out = (gp_ssize_t)gp_int_small(o);
        return 0;
    }
    if (!gp_index_check(o)) {
        gp_err_format(&gp_exc_TypeError,
                      "slice indices must be integers or None or have an "
                      "__index__ method");
        return -1;
    }
    gp_ssize_t v = gp_number_as_ssize_t(o, NULL);
    if (v == -1 && gp_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* "find() takes at least 1 argument (0 given)" as PyArg_ParseTuple says. */
static int arg_range(const char *name, gp_ssize_t nargs, gp_ssize_t min,
                     gp_ssize_t max)
{
    if (nargs < min) {
        gp_err_format(&gp_exc_TypeError,
                      "%s() takes at least %zd argument%s (%zd given)", name,
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        gp_err_format(&gp_exc_TypeError,
                      "%s() takes at most %zd argument%s (%zd given)", name,
                      max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* Clamp [start, end) to a string of length n as CPython's ADJUST_INDICES. */
static void adjust_indices(gp_ssize_t *start, gp_ssize_t *end, gp_ssize_t n)
{
    if (*end > n)
        *end = n;
    else if (*end < 0) {
        *end += n;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += n;
        if (*start < 0)
            *start = 0;
    }
}

/* sub[, start[, end]] of find, index, count ... */
static int find_args(const char *name, gp_obj_t *self, gp_obj_t *const *args,
                     gp_ssize_t nargs, gp_obj_t **sub, gp_ssize_t *start,
                     gp_ssize_t *end)
{
    if (arg_range(name, nargs, 1, 3) < 0)
        return -1;
    *start = 0;
    *end = PTRDIFF_MAX;
    if ((nargs > 1 && arg_slice_index(args[1], start) < 0) ||
        (nargs > 2 && arg_slice_index(args[2], end) < 0))
        return -1;
    *sub = args[0];
    adjust_indices(start, end, LEN(self));
    return 0;
}

static int need_str(gp_obj_t *o)
{
    if (GP_STR_CHECK(o))
        return 0;
    gp_err_format(&gp_exc_TypeError, "must be str, not %s", tname(o));
    return -1;
}

static gp_obj_t *self_exact(gp_obj_t *self)
{
    return gp_str_exact(self);
}

/* A result built in a UCS4 buffer. */
static gp_obj_t *from_buf(uint32_t *buf, gp_ssize_t n)
{
    gp_obj_t *r = gp_str_from_kind(4, buf, n);
    free(buf);
    return r;
}

static uint32_t *alloc_buf(gp_ssize_t n)
{
    if (n < 0 || (size_t)n > PTRDIFF_MAX / 4 - 1) {
        gp_err_nomemory();
        return NULL;
    }
    uint32_t *b = malloc(((size_t)n + 1) * sizeof(uint32_t));
    if (!b)
        gp_err_nomemory();
    return b;
}

/* ---- case mapping ----------------------------------------------------- */

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAP,
       CASE_FOLD };

static int cased(uint32_t c)
{
    return gp_uni_has(c, GP_UNI_CASED);
}

static int case_ignorable(uint32_t c)
{
    return gp_uni_has(c, GP_UNI_CASE_IGNORABLE);
}

/* Capital sigma lowers to the final form after a cased letter (skipping
** case-ignorable ones) that no cased letter follows. */
static uint32_t sigma_lower(int kind, const void *d, gp_ssize_t n,
                            gp_ssize_t i)
{
    gp_ssize_t j;
    uint32_t c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = gp_str_get(kind, d, j);
        if (!case_ignorable(c))
            break;
    }
    int final = j >= 0 && cased(c);
    if (final && i + 1 < n) {
        for (j = i + 1; j < n; j++) {
            c = gp_str_get(kind, d, j);
            if (!case_ignorable(c))
                break;
        }
        final = j == n || !cased(c);
    }
    return final ? 0x3c2 : 0x3c3;
}

static int lower_full(int kind, const void *d, gp_ssize_t n, gp_ssize_t i,
                      uint32_t c, uint32_t *out)
{
    if (c == 0x3a3) {
        out[0] = sigma_lower(kind, d, n, i);
        return 1;
    }
    return gp_uni_map(c, 0, out);
}

static uint8_t ascii_lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static uint8_t ascii_upper(uint8_t c)
{
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

static int ascii_alpha(uint8_t c)
{
    return (uint8_t)((c | 0x20) - 'a') < 26;
}

static gp_obj_t *case_ascii(gp_obj_t *self, int op)
{
    gp_ssize_t n = LEN(self);
    const uint8_t *s = DATA(self);
    gp_obj_t *r = gp_str_new(n, 127);
    if (!r)
        return NULL;
    uint8_t *t = DATA(r);
    int prev = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        switch (op) {
        case CASE_LOWER: case CASE_FOLD: t[i] = ascii_lower(c); break;
        case CASE_UPPER: t[i] = ascii_upper(c); break;
        case CASE_SWAP:
            t[i] = (c >= 'a' && c <= 'z') ? c - 32 :
                   (c >= 'A' && c <= 'Z') ? c + 32 : c;
            break;
        case CASE_TITLE:
            t[i] = prev ? ascii_lower(c) : ascii_upper(c);
            prev = ascii_alpha(c);
            break;
        default:        /* CASE_CAPITALIZE */
            t[i] = i ? ascii_lower(c) : ascii_upper(c);
            break;
        }
    }
    return r;
}

static gp_obj_t *case_map(gp_obj_t *self, int op)
{
    gp_ssize_t n = LEN(self);
    if (n == 0)
        return gp_str_empty();
    if (ISASCII(self))
        return case_ascii(self, op);
    int kind = KIND(self);
    const void *d = DATA(self);
    uint32_t *buf = alloc_buf(3 * n);
    if (!buf)
        return NULL;
    gp_ssize_t j = 0;
    int prev = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        switch (op) {
        case CASE_LOWER:
            j += lower_full(kind, d, n, i, c, buf + j);
            break;
        case CASE_UPPER:
            j += gp_uni_map(c, 1, buf + j);
            break;
        case CASE_FOLD:
            j += gp_uni_map(c, 3, buf + j);
            break;
        case CASE_TITLE:
            if (prev)
                j += lower_full(kind, d, n, i, c, buf + j);
            else
                j += gp_uni_map(c, 2, buf + j);
            prev = cased(c);
            break;
        case CASE_CAPITALIZE:
            if (i)
                j += lower_full(kind, d, n, i, c, buf + j);
            else
                j += gp_uni_map(c, 2, buf + j);
            break;
        default: {      /* CASE_SWAP */
            unsigned f = gp_uni_rec(c)->flags;
            if (f & GP_UNI_UPPER)
                j += lower_full(kind, d, n, i, c, buf + j);
            else if (f & GP_UNI_LOWER)
                j += gp_uni_map(c, 1, buf + j);
            else
                buf[j++] = c;
            break;
        }
        }
    }
    return from_buf(buf, j);
}

static gp_obj_t *str_lower(gp_obj_t *self, gp_obj_t *unused)
{
    return case_map(self, CASE_LOWER);
}

static gp_obj_t *str_upper(gp_obj_t *self, gp_obj_t *unused)
{
    return case_map(self, CASE_UPPER);
}

static gp_obj_t *str_title(gp_obj_t *self, gp_obj_t *unused)
{
    return case_map(self, CASE_TITLE);
}

static gp_obj_t *str_capitalize(gp_obj_t *self, gp_obj_t *unused)
{
    return case_map(self, CASE_CAPITALIZE);
}

static gp_obj_t *str_swapcase(gp_obj_t *self, gp_obj_t *unused)
{
    return case_map(self, CASE_SWAP);
}

static gp_obj_t *str_casefold(gp_obj_t *self, gp_obj_t *unused)
{
    return case_map(self, CASE_FOLD);
}

/* ---- predicates ------------------------------------------------------- */

static gp_obj_t *all_flags(gp_obj_t *self, unsigned flags)
{
    gp_ssize_t n = LEN(self);
    if (n == 0)
        GP_RETURN_FALSE;
    int kind = KIND(self);
    const void *d = DATA(self);
    for (gp_ssize_t i = 0; i < n; i++)
        if (!(gp_uni_rec(gp_str_get(kind, d, i))->flags & flags))
            GP_RETURN_FALSE;
    GP_RETURN_TRUE;
}

static gp_obj_t *str_isalpha(gp_obj_t *self, gp_obj_t *unused)
{
    if (ISASCII(self)) {
        const uint8_t *s = DATA(self);
        gp_ssize_t n = LEN(self);
        if (n == 0)
            GP_RETURN_FALSE;
        for (gp_ssize_t i = 0; i < n; i++)
            if (!ascii_alpha(s[i]))
                GP_RETURN_FALSE;
        GP_RETURN_TRUE;
    }
    return all_flags(self, GP_UNI_ALPHA);
}

static gp_obj_t *str_isalnum(gp_obj_t *self, gp_obj_t *unused)
{
    return all_flags(self, GP_UNI_ALPHA | GP_UNI_DECIMAL | GP_UNI_DIGIT |
                           GP_UNI_NUMERIC);
}

static gp_obj_t *str_isdecimal(gp_obj_t *self, gp_obj_t *unused)
{
    return all_flags(self, GP_UNI_DECIMAL);
}

static gp_obj_t *str_isdigit(gp_obj_t *self, gp_obj_t *unused)
{
    return all_flags(self, GP_UNI_DIGIT);
}

static gp_obj_t *str_isnumeric(gp_obj_t *self, gp_obj_t *unused)
{
    return all_flags(self, GP_UNI_NUMERIC);
}

static gp_obj_t *str_isspace(gp_obj_t *self, gp_obj_t *unused)
{
    return all_flags(self, GP_UNI_SPACE);
}

static gp_obj_t *str_isascii(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_bool_from(ISASCII(self));
}

static gp_obj_t *str_islower(gp_obj_t *self, gp_obj_t *unused)
{
    gp_ssize_t n = LEN(self);
    int kind = KIND(self), any = 0;
    const void *d = DATA(self);
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned f = gp_uni_rec(gp_str_get(kind, d, i))->flags;
        if (f & (GP_UNI_UPPER | GP_UNI_TITLE))
            GP_RETURN_FALSE;
        if (f & GP_UNI_LOWER)
            any = 1;
    }
    return gp_bool_from(any);
}

static gp_obj_t *str_isupper(gp_obj_t *self, gp_obj_t *unused)
{
    gp_ssize_t n = LEN(self);
    int kind = KIND(self), any = 0;
    const void *d = DATA(self);
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned f = gp_uni_rec(gp_str_get(kind, d, i))->flags;
        if (f & (GP_UNI_LOWER | GP_UNI_TITLE))
            GP_RETURN_FALSE;
        if (f & GP_UNI_UPPER)
            any = 1;
    }
    return gp_bool_from(any);
}

static gp_obj_t *str_istitle(gp_obj_t *self, gp_obj_t *unused)
{
    gp_ssize_t n = LEN(self);
    int kind = KIND(self), any = 0, prev = 0;
    const void *d = DATA(self);
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned f = gp_uni_rec(gp_str_get(kind, d, i))->flags;
        if (f & (GP_UNI_UPPER | GP_UNI_TITLE)) {
            if (prev)
                GP_RETURN_FALSE;
            prev = any = 1;
        } else if (f & GP_UNI_LOWER) {
            if (!prev)
                GP_RETURN_FALSE;
            prev = any = 1;
        } else {
            prev = 0;
        }
    }
    return gp_bool_from(any);
}

static gp_obj_t *str_isidentifier(gp_obj_t *self, gp_obj_t *unused)
{
    gp_ssize_t n = LEN(self);
    if (n == 0)
        GP_RETURN_FALSE;
    int kind = KIND(self);
    const void *d = DATA(self);
    uint32_t c = gp_str_get(kind, d, 0);
    if (c != '_' && !gp_uni_is_xid_start(c))
        GP_RETURN_FALSE;
    for (gp_ssize_t i = 1; i < n; i++)
        if (!gp_uni_is_xid_continue(gp_str_get(kind, d, i)))
            GP_RETURN_FALSE;
    GP_RETURN_TRUE;
}

static gp_obj_t *str_isprintable(gp_obj_t *self, gp_obj_t *unused)
{
    gp_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    for (gp_ssize_t i = 0; i < n; i++)
        if (!gp_uni_is_printable(gp_str_get(kind, d, i)))
            GP_RETURN_FALSE;
    GP_RETURN_TRUE;
}

/* ---- searching -------------------------------------------------------- */

static gp_obj_t *find_common(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs, const char *name, int mode,
                             int raise)
{
    gp_obj_t *sub;
    gp_ssize_t start, end;
    if (find_args(name, self, args, nargs, &sub, &start, &end) < 0 ||
        need_str(sub) < 0)
        return NULL;
    gp_ssize_t r;
    if (start > LEN(self))
        r = mode == GP_SEARCH_COUNT ? 0 : -1;
    else
        r = gp_str_search(self, start, end, sub, mode, PTRDIFF_MAX);
    if (r == -2)
        return NULL;
    if (r == -1 && raise)
        return gp_err_format(&gp_exc_ValueError, "substring not found");
    return gp_int_from_ssize(r);
}

static gp_obj_t *str_find(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    return find_common(self, args, nargs, "find", GP_SEARCH_FIND, 0);
}

static gp_obj_t *str_rfind(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return find_common(self, args, nargs, "rfind", GP_SEARCH_RFIND, 0);
}

static gp_obj_t *str_index(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return find_common(self, args, nargs, "index", GP_SEARCH_FIND, 1);
}

static gp_obj_t *str_rindex(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    return find_common(self, args, nargs, "rindex", GP_SEARCH_RFIND, 1);
}

static gp_obj_t *str_count(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return find_common(self, args, nargs, "count", GP_SEARCH_COUNT, 0);
}

/* Does sub match self[start:end] at its start (dir < 0) or end? */
static int tailmatch(gp_obj_t *self, gp_obj_t *sub, gp_ssize_t start,
                     gp_ssize_t end, int dir)
{
    gp_ssize_t m = LEN(sub);
    adjust_indices(&start, &end, LEN(self));
    end -= m;
    if (end < start)
        return 0;
    if (m == 0)
        return 1;
    gp_ssize_t at = dir < 0 ? start : end;
    int k1 = KIND(self), k2 = KIND(sub);
    const void *d1 = DATA(self), *d2 = DATA(sub);
    if (k1 == k2)
        return memcmp((const char *)d1 + at * k1, d2, (size_t)m * k1) == 0;
    for (gp_ssize_t i = 0; i < m; i++)
        if (gp_str_get(k1, d1, at + i) != gp_str_get(k2, d2, i))
            return 0;
    return 1;
}

static gp_obj_t *startsend(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, const char *name, int dir)
{
    if (arg_range(name, nargs, 1, 3) < 0)
        return NULL;
    gp_ssize_t start = 0, end = PTRDIFF_MAX;
    if ((nargs > 1 && arg_slice_index(args[1], &start) < 0) ||
        (nargs > 2 && arg_slice_index(args[2], &end) < 0))
        return NULL;
    gp_obj_t *x = args[0];
    if (GP_TUPLE_CHECK(x)) {
        for (gp_ssize_t i = 0; i < GP_SIZE(x); i++) {
            gp_obj_t *it = GP_TUPLE_GET(x, i);
            if (!GP_STR_CHECK(it))
                return gp_err_format(&gp_exc_TypeError,
                                     "tuple for %s must only contain str, "
                                     "not %s", name, tname(it));
            if (tailmatch(self, it, start, end, dir))
                GP_RETURN_TRUE;
        }
        GP_RETURN_FALSE;
    }
    if (!GP_STR_CHECK(x))
        return gp_err_format(&gp_exc_TypeError,
                             "%s first arg must be str or a tuple of str, "
                             "not %s", name, tname(x));
    return gp_bool_from(tailmatch(self, x, start, end, dir));
}

static gp_obj_t *str_startswith(gp_obj_t *self, gp_obj_t *const *args,
                                gp_ssize_t nargs)
{
    return startsend(self, args, nargs, "startswith", -1);
}

static gp_obj_t *str_endswith(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs)
{
    return startsend(self, args, nargs, "endswith", +1);
}

static gp_obj_t *str_contains_m(gp_obj_t *self, gp_obj_t *sub)
{
    if (!GP_STR_CHECK(sub))
        return gp_err_format(&gp_exc_TypeError,
                             "'in <string>' requires string as left operand, "
                             "not %s", tname(sub));
    gp_ssize_t r = gp_str_search(self, 0, LEN(self), sub, GP_SEARCH_FIND, 0);
    if (r == -2)
        return NULL;
    return gp_bool_from(r >= 0);
}

/* ---- strip ------------------------------------------------------------ */

static int is_space(uint32_t c)
{
    return gp_uni_isspace(c);
}

/* do_strip's set test for characters above U+00FF. */
static int find_in(int kind, const void *d, gp_ssize_t n, uint32_t c)
{
    for (gp_ssize_t k = 0; k < n; k++)
        if (gp_str_get(kind, d, k) == c)
            return 1;
    return 0;
}

static gp_obj_t *do_strip(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, const char *name, int left,
                          int right)
{
    if (nargs > 1)
        return gp_err_format(&gp_exc_TypeError,
                             "%s expected at most 1 argument, got %zd", name,
                             nargs);
    gp_obj_t *chars = nargs ? args[0] : GP_NONE;
    gp_ssize_t n = LEN(self), i = 0, j = n;
    int kind = KIND(self);
    const void *d = DATA(self);
    if (chars == GP_NONE) {
        if (left)
            while (i < j && is_space(gp_str_get(kind, d, i)))
                i++;
        if (right)
            while (j > i && is_space(gp_str_get(kind, d, j - 1)))
                j--;
    } else {
        if (!GP_STR_CHECK(chars))
            return gp_err_format(&gp_exc_TypeError,
                                 "%s arg must be None or str", name);
        gp_ssize_t cn = LEN(chars);
        int ck = KIND(chars);
        const void *cd = DATA(chars);
        uint8_t set[32];
        memset(set, 0, sizeof set);
        int small = 1;
        for (gp_ssize_t k = 0; k < cn; k++) {
            uint32_t c = gp_str_get(ck, cd, k);
            if (c < 256)
                set[c >> 3] |= (uint8_t)(1u << (c & 7));
            else
                small = 0;
        }
#define IN_SET(c) ((c) < 256 ? (set[(c) >> 3] >> ((c) & 7)) & 1 \
                   : (!small && find_in(ck, cd, cn, (c))))
        if (left)
            while (i < j) {
                uint32_t c = gp_str_get(kind, d, i);
                if (!IN_SET(c))
                    break;
                i++;
            }
        if (right)
            while (j > i) {
                uint32_t c = gp_str_get(kind, d, j - 1);
                if (!IN_SET(c))
                    break;
                j--;
            }
#undef IN_SET
    }
    return gp_str_substring(self, i, j);
}

static gp_obj_t *str_strip(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return do_strip(self, args, nargs, "strip", 1, 1);
}

static gp_obj_t *str_lstrip(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    return do_strip(self, args, nargs, "lstrip", 1, 0);
}

static gp_obj_t *str_rstrip(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    return do_strip(self, args, nargs, "rstrip", 0, 1);
}

static gp_obj_t *str_removeprefix(gp_obj_t *self, gp_obj_t *p)
{
    if (!GP_STR_CHECK(p))
        return gp_err_format(&gp_exc_TypeError,
                             "removeprefix() argument must be str, not %s",
                             tname(p));
    if (tailmatch(self, p, 0, PTRDIFF_MAX, -1))
        return gp_str_substring(self, LEN(p), LEN(self));
    return self_exact(self);
}

static gp_obj_t *str_removesuffix(gp_obj_t *self, gp_obj_t *p)
{
    if (!GP_STR_CHECK(p))
        return gp_err_format(&gp_exc_TypeError,
                             "removesuffix() argument must be str, not %s",
                             tname(p));
    if (LEN(p) && tailmatch(self, p, 0, PTRDIFF_MAX, +1))
        return gp_str_substring(self, 0, LEN(self) - LEN(p));
    return self_exact(self);
}

/* ---- padding ----------------------------------------------------------- */

static int fill_arg(gp_obj_t *const *args, gp_ssize_t nargs, uint32_t *fill)
{
    *fill = ' ';
    if (nargs < 2)
        return 0;
    gp_obj_t *f = args[1];
    if (!GP_STR_CHECK(f)) {
        gp_err_format(&gp_exc_TypeError,
                      "The fill character must be a unicode character, not %s",
                      tname(f));
        return -1;
    }
    if (LEN(f) != 1) {
        gp_err_format(&gp_exc_TypeError,
                      "The fill character must be exactly one character long");
        return -1;
    }
    *fill = gp_str_read(f, 0);
    return 0;
}

static gp_obj_t *pad(gp_obj_t *self, gp_ssize_t left, gp_ssize_t right,
                     uint32_t fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return self_exact(self);
    gp_ssize_t n = LEN(self);
    if (left > PTRDIFF_MAX / 4 - n - right)
        return gp_err_format(&gp_exc_OverflowError, "padded string is too long");
    uint32_t m = gp_str_maxchar(self, 0, n);
    if (fill > m)
        m = fill;
    gp_obj_t *r = gp_str_new(left + n + right, m);
    if (!r)
        return NULL;
    int k = KIND(r);
    void *d = DATA(r);
    if (k == 1) {
        memset(d, (int)fill, (size_t)left);
        memset((char *)d + left + n, (int)fill, (size_t)right);
    } else {
        for (gp_ssize_t i = 0; i < left; i++)
            gp_str_put(k, d, i, fill);
        for (gp_ssize_t i = 0; i < right; i++)
            gp_str_put(k, d, left + n + i, fill);
    }
    gp_str_copy(d, k, left, DATA(self), KIND(self), 0, n);
    return r;
}

static gp_obj_t *justify(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs, const char *name, int how)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            return gp_err_format(&gp_exc_TypeError,
                                 "%s expected at least 1 argument, got %zd",
                                 name, nargs);
        return gp_err_format(&gp_exc_TypeError,
                             "%s expected at most 2 arguments, got %zd",
                             name, nargs);
    }
    gp_ssize_t width;
    uint32_t fill;
    if (arg_ssize(args[0], &width) < 0 || fill_arg(args, nargs, &fill) < 0)
        return NULL;
    gp_ssize_t n = LEN(self);
    if (width <= n)
        return self_exact(self);
    gp_ssize_t marg = width - n;
    if (how < 0)
        return pad(self, 0, marg, fill);
    if (how > 0)
        return pad(self, marg, 0, fill);
    gp_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static gp_obj_t *str_center(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    return justify(self, args, nargs, "center", 0);
}

static gp_obj_t *str_ljust(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return justify(self, args, nargs, "ljust", -1);
}

static gp_obj_t *str_rjust(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return justify(self, args, nargs, "rjust", 1);
}

static gp_obj_t *str_zfill(gp_obj_t *self, gp_obj_t *arg)
{
    gp_ssize_t width;
    if (arg_ssize(arg, &width) < 0)
        return NULL;
    gp_ssize_t n = LEN(self);
    if (width <= n)
        return self_exact(self);
    gp_obj_t *r = pad(self, width - n, 0, '0');
    if (!r)
        return NULL;
    int k = KIND(r);
    void *d = DATA(r);
    uint32_t c = gp_str_get(k, d, width - n);
    if (c == '+' || c == '-') {
        /* The sign goes first, the zeros after it. */
        gp_str_put(k, d, 0, c);
        gp_str_put(k, d, width - n, '0');
    }
    return r;
}

static gp_obj_t *str_expandtabs(gp_obj_t *self, gp_obj_t *const *args,
                                gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    gp_obj_t *a[1] = {NULL};
    gp_ssize_t tabsize = 8;
    if (gp_arg_parse("expandtabs", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    if (a[0] && arg_ssize(a[0], &tabsize) < 0)
        return NULL;
    gp_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    if (gp_str_find_char(self, '\t', 0, n) < 0)
        return self_exact(self);
    gp_ssize_t total = 0, col = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        if (c == '\t') {
            if (tabsize > 0) {
                gp_ssize_t inc = tabsize - col % tabsize;
                if (total > PTRDIFF_MAX / 4 - inc)
                    return gp_err_format(&gp_exc_OverflowError,
                                         "new string is too long");
                col += inc;
                total += inc;
            }
        } else {
            total++;
            col++;
            if (c == '\n' || c == '\r')
                col = 0;
        }
    }
    gp_obj_t *r = gp_str_new(total, gp_str_maxchar(self, 0, n) | ' ');
    if (!r)
        return NULL;
    int rk = KIND(r);
    void *rd = DATA(r);
    gp_ssize_t j = 0;
    col = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        if (c == '\t') {
            if (tabsize > 0) {
                gp_ssize_t inc = tabsize - col % tabsize;
                col += inc;
                while (inc--)
                    gp_str_put(rk, rd, j++, ' ');
            }
        } else {
            gp_str_put(rk, rd, j++, c);
            col++;
            if (c == '\n' || c == '\r')
                col = 0;
        }
    }
    return r;
}

/* ---- split ------------------------------------------------------------ */

static int list_add_sub(gp_obj_t *list, gp_obj_t *self, gp_ssize_t i,
                        gp_ssize_t j)
{
    gp_obj_t *s = gp_str_substring(self, i, j);
    if (!s)
        return -1;
    int r = gp_list_append(list, s);
    GP_DECREF(s);
    return r;
}

static int split_args(const char *name, gp_obj_t *const *args,
                      gp_ssize_t nargs, gp_obj_t *kwnames, gp_obj_t **sep,
                      gp_ssize_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse(name, args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    *sep = a[0] ? a[0] : GP_NONE;
    *maxsplit = -1;
    if (a[1] && arg_ssize(a[1], maxsplit) < 0)
        return -1;
    if (*maxsplit < 0)
        *maxsplit = PTRDIFF_MAX;
    if (*sep != GP_NONE) {
        if (!GP_STR_CHECK(*sep)) {
            gp_err_format(&gp_exc_TypeError, "must be str or None, not %s",
                          tname(*sep));
            return -1;
        }
        if (LEN(*sep) == 0) {
            gp_err_format(&gp_exc_ValueError, "empty separator");
            return -1;
        }
    }
    return 0;
}

static gp_obj_t *str_split(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *sep;
    gp_ssize_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    gp_obj_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    gp_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    if (sep == GP_NONE) {
        gp_ssize_t i = 0;
        while (maxsplit-- > 0) {
            while (i < n && is_space(gp_str_get(kind, d, i)))
                i++;
            if (i == n)
                break;
            gp_ssize_t j = i;
            while (j < n && !is_space(gp_str_get(kind, d, j)))
                j++;
            if (i == 0 && j == n && GP_STR_CHECK_EXACT(self)) {
                if (gp_list_append(list, self) < 0)
                    goto fail;
                return list;
            }
            if (list_add_sub(list, self, i, j) < 0)
                goto fail;
            i = j;
        }
        while (i < n && is_space(gp_str_get(kind, d, i)))
            i++;
        if (i < n && list_add_sub(list, self, i, n) < 0)
            goto fail;
        return list;
    }
    gp_ssize_t m = LEN(sep), i = 0;
    if (KIND(sep) > kind) {
        /* Wider than any character here: never found. */
        if (list_add_sub(list, self, 0, n) < 0)
            goto fail;
        return list;
    }
    void *tmp = NULL;
    const void *sd = DATA(sep);
    if (KIND(sep) != kind) {
        tmp = malloc((size_t)m * (size_t)kind);
        if (!tmp) {
            gp_err_nomemory();
            goto fail;
        }
        gp_str_copy(tmp, kind, 0, sd, KIND(sep), 0, m);
        sd = tmp;
    }
    while (maxsplit-- > 0) {
        gp_ssize_t pos = gp_str_search_raw(kind, (const char *)d + i * kind,
                                           n - i, sd, m, GP_SEARCH_FIND, 0);
        if (pos < 0)
            break;
        pos += i;
        if (list_add_sub(list, self, i, pos) < 0) {
            free(tmp);
            goto fail;
        }
        i = pos + m;
    }
    free(tmp);
    if (list_add_sub(list, self, i, n) < 0)
        goto fail;
    return list;
fail:
    GP_DECREF(list);
    return NULL;
}

static gp_obj_t *str_rsplit(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *sep;
    gp_ssize_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    gp_obj_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    gp_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    if (sep == GP_NONE) {
        gp_ssize_t j = n;
        while (maxsplit-- > 0) {
            while (j > 0 && is_space(gp_str_get(kind, d, j - 1)))
                j--;
            if (j == 0)
                break;
            gp_ssize_t i = j;
            while (i > 0 && !is_space(gp_str_get(kind, d, i - 1)))
                i--;
            if (list_add_sub(list, self, i, j) < 0)
                goto fail;
            j = i;
        }
        while (j > 0 && is_space(gp_str_get(kind, d, j - 1)))
            j--;
        if (j > 0 && list_add_sub(list, self, 0, j) < 0)
            goto fail;
    } else {
        gp_ssize_t m = LEN(sep), j = n;
        while (maxsplit-- > 0) {
            gp_ssize_t pos = gp_str_search(self, 0, j, sep, GP_SEARCH_RFIND, 0);
            if (pos == -2)
                goto fail;
            if (pos < 0)
                break;
            if (list_add_sub(list, self, pos + m, j) < 0)
                goto fail;
            j = pos;
        }
        if (list_add_sub(list, self, 0, j) < 0)
            goto fail;
    }
    if (gp_list_reverse(list) < 0)
        goto fail;
    return list;
fail:
    GP_DECREF(list);
    return NULL;
}

static int is_linebreak(uint32_t c)
{
    if (c < 128)
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c ||
               (c >= 0x1c && c <= 0x1e);
    return c == 0x85 || c == 0x2028 || c == 0x2029;
}

static gp_obj_t *str_splitlines(gp_obj_t *self, gp_obj_t *const *args,
                                gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    gp_obj_t *a[1] = {NULL};
    if (gp_arg_parse("splitlines", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0] && (keep = gp_is_true(a[0])) < 0)
        return NULL;
    gp_obj_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    gp_ssize_t n = LEN(self), i = 0;
    int kind = KIND(self);
    const void *d = DATA(self);
    while (i < n) {
        gp_ssize_t j = i;
        while (j < n && !is_linebreak(gp_str_get(kind, d, j)))
            j++;
        gp_ssize_t eol = j;
        if (j < n) {
            if (gp_str_get(kind, d, j) == '\r' && j + 1 < n &&
                gp_str_get(kind, d, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (i == 0 && j == n && eol == n && GP_STR_CHECK_EXACT(self)) {
            if (gp_list_append(list, self) < 0)
                goto fail;
            break;
        }
        if (list_add_sub(list, self, i, eol) < 0)
            goto fail;
        i = j;
    }
    return list;
fail:
    GP_DECREF(list);
    return NULL;
}

static gp_obj_t *partition(gp_obj_t *self, gp_obj_t *sep, int rev)
{
    if (need_str(sep) < 0)
        return NULL;
    if (LEN(sep) == 0)
        return gp_err_format(&gp_exc_ValueError, "empty separator");
    gp_ssize_t n = LEN(self);
    gp_ssize_t pos = gp_str_search(self, 0, n, sep,
                                   rev ? GP_SEARCH_RFIND : GP_SEARCH_FIND, 0);
    if (pos == -2)
        return NULL;
    gp_obj_t *a, *b, *c;
    if (pos < 0) {
        gp_obj_t *e1 = gp_str_empty(), *e2 = gp_str_empty();
        gp_obj_t *s = self_exact(self);
        if (!s) {
            GP_DECREF(e1);
            GP_DECREF(e2);
            return NULL;
        }
        if (rev) {
            a = e1; b = e2; c = s;
        } else {
            a = s; b = e1; c = e2;
        }
    } else {
        a = gp_str_substring(self, 0, pos);
        b = gp_str_exact(sep);
        c = gp_str_substring(self, pos + LEN(sep), n);
        if (!a || !b || !c) {
            GP_XDECREF(a);
            GP_XDECREF(b);
            GP_XDECREF(c);
            return NULL;
        }
    }
    gp_obj_t *t = gp_tuple_new(3);
    if (!t) {
        GP_DECREF(a);
        GP_DECREF(b);
        GP_DECREF(c);
        return NULL;
    }
    GP_TUPLE_SET(t, 0, a);
    GP_TUPLE_SET(t, 1, b);
    GP_TUPLE_SET(t, 2, c);
    return t;
}

static gp_obj_t *str_partition(gp_obj_t *self, gp_obj_t *sep)
{
    return partition(self, sep, 0);
}

static gp_obj_t *str_rpartition(gp_obj_t *self, gp_obj_t *sep)
{
    return partition(self, sep, 1);
}

/* ---- join, replace ---------------------------------------------------- */

gp_obj_t *gp_str_transform_decimal(gp_obj_t *s)
{
    if (ISASCII(s))
        return gp_newref(s);
    gp_ssize_t n = LEN(s), i;
    gp_obj_t *r = gp_str_new(n, 127);
    if (!r)
        return NULL;
    char *d = DATA(r);
    for (i = 0; i < n; i++) {
        uint32_t c = gp_str_read(s, i);
        if (c < 127) {
            d[i] = (char)c;
        } else if (gp_uni_isspace(c)) {
            d[i] = ' ';
        } else {
            int v = gp_uni_decimal(c);
            if (v < 0) {
                d[i++] = '?';
                break;
            }
            d[i] = (char)('0' + v);
        }
    }
    if (i < n) {
        gp_obj_t *t = gp_str_substring(r, 0, i);
        GP_DECREF(r);
        r = t;
    }
    return r;
}

static gp_obj_t *str_join_m(gp_obj_t *self, gp_obj_t *iterable)
{
    return gp_str_join(self, iterable);
}

static uint32_t kind_bound(gp_obj_t *o)
{
    if (ISASCII(o))
        return 127;
    return KIND(o) == 1 ? 255 : KIND(o) == 2 ? 0xffff : 0x10ffff;
}

static gp_obj_t *str_replace(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3) {
        if (nargs < 2)
            return gp_err_format(&gp_exc_TypeError,
                                 "replace expected at least 2 arguments, got %zd",
                                 nargs);
        return gp_err_format(&gp_exc_TypeError,
                             "replace expected at most 3 arguments, got %zd",
                             nargs);
    }
    gp_obj_t *old = args[0], *new_ = args[1];
    if (!GP_STR_CHECK(old))
        return gp_err_format(&gp_exc_TypeError,
                             "replace() argument 1 must be str, not %s",
                             tname(old));
    if (!GP_STR_CHECK(new_))
        return gp_err_format(&gp_exc_TypeError,
                             "replace() argument 2 must be str, not %s",
                             tname(new_));
    gp_ssize_t count = -1;
    if (nargs > 2 && arg_ssize(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = PTRDIFF_MAX;
    gp_ssize_t n = LEN(self), m = LEN(old), k = LEN(new_);
    if (count == 0 || kind_bound(old) > kind_bound(self) ||
        (m == 0 && k == 0))
        return self_exact(self);
    gp_ssize_t occ;
    if (m == 0)
        occ = n + 1 < count ? n + 1 : count;
    else {
        occ = gp_str_search(self, 0, n, old, GP_SEARCH_COUNT, count);
        if (occ < 0)
            return NULL;
    }
    if (occ == 0)
        return self_exact(self);
    if (m == k && m > 0 && gp_str_eq(old, new_))
        return self_exact(self);
    if (k > m && (occ > (PTRDIFF_MAX / 4 - n) / (k - m)))
        return gp_err_format(&gp_exc_OverflowError,
                             "replace string is too long");
    gp_ssize_t total = n + occ * (k - m);
    uint32_t bs = kind_bound(self), bo = kind_bound(old), bn = kind_bound(new_);
    int mayshrink = bn < bo && bs == bo;
    if (total == 0)
        return gp_str_empty();
    gp_obj_t *r = gp_str_new(total, bs > bn ? bs : bn);
    if (!r)
        return NULL;
    int rk = KIND(r), sk = KIND(self), nk = KIND(new_);
    void *rd = DATA(r);
    const void *sd = DATA(self), *nd = DATA(new_);
    gp_ssize_t i = 0, j = 0;
    if (m == 0) {
        for (gp_ssize_t t = 0; t < occ; t++) {
            gp_str_copy(rd, rk, j, nd, nk, 0, k);
            j += k;
            if (i < n) {
                gp_str_put(rk, rd, j++, gp_str_get(sk, sd, i));
                i++;
            }
        }
    } else {
        /* The needle in self's kind, searched for with the raw kernel. */
        const void *od = DATA(old);
        void *tmp = NULL;
        if (KIND(old) != sk) {
            tmp = malloc((size_t)m * (size_t)sk);
            if (!tmp) {
                GP_DECREF(r);
                return gp_err_nomemory();
            }
            gp_str_copy(tmp, sk, 0, od, KIND(old), 0, m);
            od = tmp;
        }
        for (gp_ssize_t t = 0; t < occ; t++) {
            gp_ssize_t pos = gp_str_search_raw(sk, (const char *)sd + i * sk,
                                               n - i, od, m, GP_SEARCH_FIND, 0);
            if (pos < 0)
                break;
            pos += i;
            gp_str_copy(rd, rk, j, sd, sk, i, pos - i);
            j += pos - i;
            gp_str_copy(rd, rk, j, nd, nk, 0, k);
            j += k;
            i = pos + m;
        }
        free(tmp);
    }
    gp_str_copy(rd, rk, j, sd, sk, i, n - i);
    if (mayshrink) {
        gp_obj_t *t = gp_str_from_kind(rk, rd, total);
        GP_DECREF(r);
        return t;
    }
    return r;
}

/* ---- translate, maketrans ------------------------------------------------ */

static gp_obj_t *str_translate(gp_obj_t *self, gp_obj_t *table)
{
    gp_ssize_t n = LEN(self);
    int kind = KIND(self);
    const void *d = DATA(self);
    gp_strbuf_t b;
    gp_obj_t *cache[256];       /* per-call results for latin-1 characters */
    uint8_t have[256];
    memset(have, 0, sizeof have);
    gp_strbuf_init(&b);
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        gp_obj_t *v;
        if (c < 256 && have[c]) {
            v = cache[c];
        } else {
            gp_obj_t *key = gp_int_from_i64(c);
            if (!key)
                goto fail;
            v = gp_getitem(table, key);
            GP_DECREF(key);
            if (!v) {
                if (!gp_err_matches(&gp_exc_LookupError))
                    goto fail;
                gp_err_clear();
                v = NULL;       /* unchanged */
            } else if (v != GP_NONE && !GP_INT_CHECK(v) && !GP_STR_CHECK(v)) {
                GP_DECREF(v);
                gp_err_format(&gp_exc_TypeError,
                              "character mapping must return integer, None "
                              "or str");
                goto fail;
            } else if (GP_INT_CHECK(v)) {
                int ovf = 0;
                int64_t x = gp_int_as_i64_overflow(v, &ovf);
                if (ovf || x < 0 || x > 0x10ffff) {
                    GP_DECREF(v);
                    gp_err_format(&gp_exc_ValueError,
                                  "character mapping must be in "
                                  "range(0x110000)");
                    goto fail;
                }
            }
            if (c < 256) {
                have[c] = 1;
                cache[c] = v;
            }
        }
        int r;
        if (!v)
            r = gp_strbuf_char(&b, c);
        else if (v == GP_NONE)
            r = 0;
        else if (GP_INT_CHECK(v))
            r = gp_strbuf_char(&b, (uint32_t)gp_int_as_i64(v));
        else
            r = gp_strbuf_str(&b, v);
        if (c >= 256)
            GP_XDECREF(v);
        if (r < 0)
            goto fail;
    }
    for (int c = 0; c < 256; c++)
        if (have[c])
            GP_XDECREF(cache[c]);
    return gp_strbuf_finish(&b);
fail:
    for (int c = 0; c < 256; c++)
        if (have[c])
            GP_XDECREF(cache[c]);
    gp_strbuf_discard(&b);
    return NULL;
}

static int dict_set_cp(gp_obj_t *d, uint32_t k, gp_obj_t *v)
{
    gp_obj_t *key = gp_int_from_i64(k);
    if (!key)
        return -1;
    int r = gp_dict_setitem(d, key, v);
    GP_DECREF(key);
    return r;
}

static gp_obj_t *str_maketrans(gp_obj_t *unused, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    if (nargs < 1)
        return gp_err_format(&gp_exc_TypeError,
                             "maketrans expected at least 1 argument, got %zd",
                             nargs);
    if (nargs > 3)
        return gp_err_format(&gp_exc_TypeError,
                             "maketrans expected at most 3 arguments, got %zd",
                             nargs);
    gp_obj_t *x = args[0], *y = nargs > 1 ? args[1] : NULL;
    gp_obj_t *z = nargs > 2 ? args[2] : NULL;
    if (y && !GP_STR_CHECK(y))
        return gp_err_format(&gp_exc_TypeError,
                             "maketrans() argument 2 must be str, not %s",
                             tname(y));
    if (z && !GP_STR_CHECK(z))
        return gp_err_format(&gp_exc_TypeError,
                             "maketrans() argument 3 must be str, not %s",
                             tname(z));
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return NULL;
    if (!y) {
        if (!GP_DICT_CHECK(x)) {
            gp_err_format(&gp_exc_TypeError,
                          "if you give only one argument to maketrans it "
                          "must be a dict");
            goto fail;
        }
        gp_ssize_t pos = 0;
        gp_obj_t *k, *v;
        while (gp_dict_next(x, &pos, &k, &v)) {
            if (GP_STR_CHECK(k)) {
                if (LEN(k) != 1) {
                    gp_err_format(&gp_exc_ValueError,
                                  "string keys in translate table must be "
                                  "of length 1");
                    goto fail;
                }
                if (dict_set_cp(d, gp_str_read(k, 0), v) < 0)
                    goto fail;
            } else if (GP_INT_CHECK(k)) {
                if (gp_dict_setitem(d, k, v) < 0)
                    goto fail;
            } else {
                gp_err_format(&gp_exc_TypeError,
                              "keys in translate table must be strings or "
                              "integers");
                goto fail;
            }
        }
        return d;
    }
    if (!GP_STR_CHECK(x)) {
        gp_err_format(&gp_exc_TypeError,
                      "first maketrans argument must be a string if there is "
                      "a second argument");
        goto fail;
    }
    if (LEN(x) != LEN(y)) {
        gp_err_format(&gp_exc_ValueError,
                      "the first two maketrans arguments must have equal "
                      "length");
        goto fail;
    }
    for (gp_ssize_t i = 0; i < LEN(x); i++) {
        gp_obj_t *v = gp_int_from_i64(gp_str_read(y, i));
        if (!v)
            goto fail;
        int r = dict_set_cp(d, gp_str_read(x, i), v);
        GP_DECREF(v);
        if (r < 0)
            goto fail;
    }
    if (z)
        for (gp_ssize_t i = 0; i < LEN(z); i++)
            if (dict_set_cp(d, gp_str_read(z, i), GP_NONE) < 0)
                goto fail;
    return d;
fail:
    GP_DECREF(d);
    return NULL;
}

/* ---- encode, formatting, misc ------------------------------------------- */

static gp_obj_t *str_encode_m(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("encode", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    const char *enc = "utf-8", *errs = "strict";
    if (a[0]) {
        if (!GP_STR_CHECK(a[0]))
            return gp_err_format(&gp_exc_TypeError,
                                 "encode() argument 'encoding' must be str, "
                                 "not %s", tname(a[0]));
        if (!(enc = gp_str_utf8(a[0], NULL)))
            return NULL;
    }
    if (a[1]) {
        if (!GP_STR_CHECK(a[1]))
            return gp_err_format(&gp_exc_TypeError,
                                 "encode() argument 'errors' must be str, "
                                 "not %s", tname(a[1]));
        if (!(errs = gp_str_utf8(a[1], NULL)))
            return NULL;
    }
    return gp_str_encode(self, enc, errs);
}

static gp_obj_t *str_format_m(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return gp_str_format(self, args, nargs, kwnames);
}

static gp_obj_t *str_format_map_m(gp_obj_t *self, gp_obj_t *mapping)
{
    return gp_str_format_map(self, mapping);
}

static gp_obj_t *str___format__(gp_obj_t *self, gp_obj_t *spec)
{
    if (!GP_STR_CHECK(spec))
        return gp_err_format(&gp_exc_TypeError,
                             "__format__() argument must be str, not %s",
                             tname(spec));
    return gp_str_format_spec(self, spec);
}

static gp_obj_t *str_getnewargs(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *s = self_exact(self);
    if (!s)
        return NULL;
    gp_obj_t *t = gp_tuple_pack(1, s);
    GP_DECREF(s);
    return t;
}

static gp_obj_t *str_sizeof(gp_obj_t *self, gp_obj_t *unused)
{
    /* CPython's sizes (PyASCIIObject 48 bytes, PyCompactUnicodeObject 72),
    ** which programs printing sys.getsizeof expect. */
    gp_ssize_t size = (ISASCII(self) ? 48 : 72) + (LEN(self) + 1) * KIND(self);
    gp_str_t *s = STR(self);
    if (s->utf8 && s->utf8 != (char *)DATA(self) && !ISASCII(self))
        size += s->utf8_len + 1;
    return gp_int_from_ssize(size);
}

static gp_obj_t *str_add_m(gp_obj_t *self, gp_obj_t *other)
{
    if (!GP_STR_CHECK(other))
        GP_RETURN_NOTIMPLEMENTED;
    return gp_str_concat(self, other);
}

#define NOARGS(name, fn, doc) {name, GP_METH_FN(fn), GP_METH_NOARGS, doc}
#define ONEARG(name, fn, doc) {name, GP_METH_FN(fn), GP_METH_O, doc}
#define FAST(name, fn, doc) {name, GP_METH_FN(fn), GP_METH_FASTCALL, doc}
#define FASTKW(name, fn, doc) \
    {name, GP_METH_FN(fn), GP_METH_FASTCALL | GP_METH_KEYWORDS, doc}

gp_methoddef_t gp_str_methods[] = {
    FASTKW("encode", str_encode_m,
           "Encode the string using the codec registered for encoding."),
    NOARGS("capitalize", str_capitalize,
           "Return a capitalized version of the string."),
    NOARGS("casefold", str_casefold,
           "Return a version of the string suitable for caseless "
           "comparisons."),
    FAST("center", str_center,
         "Return a centered string of length width."),
    FAST("count", str_count,
         "S.count(sub[, start[, end]]) -> int\n\nReturn the number of "
         "non-overlapping occurrences of substring sub in\nstring "
         "S[start:end]."),
    FAST("endswith", str_endswith,
         "S.endswith(suffix[, start[, end]]) -> bool"),
    FASTKW("expandtabs", str_expandtabs,
           "Return a copy where all tab characters are expanded using "
           "spaces."),
    FAST("find", str_find, "S.find(sub[, start[, end]]) -> int"),
    FASTKW("format", str_format_m,
           "S.format(*args, **kwargs) -> str"),
    ONEARG("format_map", str_format_map_m,
           "S.format_map(mapping) -> str"),
    ONEARG("__format__", str___format__,
           "Return a formatted version of the string as described by "
           "format_spec."),
    FAST("index", str_index, "S.index(sub[, start[, end]]) -> int"),
    NOARGS("isalnum", str_isalnum,
           "Return True if the string is an alpha-numeric string, False "
           "otherwise."),
    NOARGS("isalpha", str_isalpha,
           "Return True if the string is an alphabetic string, False "
           "otherwise."),
    NOARGS("isascii", str_isascii,
           "Return True if all characters in the string are ASCII, False "
           "otherwise."),
    NOARGS("isdecimal", str_isdecimal,
           "Return True if the string is a decimal string, False otherwise."),
    NOARGS("isdigit", str_isdigit,
           "Return True if the string is a digit string, False otherwise."),
    NOARGS("isidentifier", str_isidentifier,
           "Return True if the string is a valid Python identifier, False "
           "otherwise."),
    NOARGS("islower", str_islower,
           "Return True if the string is a lowercase string, False "
           "otherwise."),
    NOARGS("isnumeric", str_isnumeric,
           "Return True if the string is a numeric string, False otherwise."),
    NOARGS("isprintable", str_isprintable,
           "Return True if the string is printable, False otherwise."),
    NOARGS("isspace", str_isspace,
           "Return True if the string is a whitespace string, False "
           "otherwise."),
    NOARGS("istitle", str_istitle,
           "Return True if the string is a title-cased string, False "
           "otherwise."),
    NOARGS("isupper", str_isupper,
           "Return True if the string is an uppercase string, False "
           "otherwise."),
    ONEARG("join", str_join_m,
           "Concatenate any number of strings."),
    FAST("ljust", str_ljust,
         "Return a left-justified string of length width."),
    NOARGS("lower", str_lower,
           "Return a copy of the string converted to lowercase."),
    FAST("lstrip", str_lstrip,
         "Return a copy of the string with leading whitespace removed."),
    {"maketrans", GP_METH_FN(str_maketrans),
     GP_METH_FASTCALL | GP_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    ONEARG("partition", str_partition,
           "Partition the string into three parts using the given separator."),
    ONEARG("removeprefix", str_removeprefix,
           "Return a str with the given prefix string removed if present."),
    ONEARG("removesuffix", str_removesuffix,
           "Return a str with the given suffix string removed if present."),
    FAST("replace", str_replace,
         "Return a copy with all occurrences of substring old replaced by "
         "new."),
    FAST("rfind", str_rfind, "S.rfind(sub[, start[, end]]) -> int"),
    FAST("rindex", str_rindex, "S.rindex(sub[, start[, end]]) -> int"),
    FAST("rjust", str_rjust,
         "Return a right-justified string of length width."),
    ONEARG("rpartition", str_rpartition,
           "Partition the string into three parts using the given separator."),
    FASTKW("rsplit", str_rsplit,
           "Return a list of the substrings in the string, using sep as the "
           "separator string."),
    FAST("rstrip", str_rstrip,
         "Return a copy of the string with trailing whitespace removed."),
    FASTKW("split", str_split,
           "Return a list of the substrings in the string, using sep as the "
           "separator string."),
    FASTKW("splitlines", str_splitlines,
           "Return a list of the lines in the string, breaking at line "
           "boundaries."),
    FAST("startswith", str_startswith,
         "S.startswith(prefix[, start[, end]]) -> bool"),
    FAST("strip", str_strip,
         "Return a copy of the string with leading and trailing whitespace "
         "removed."),
    NOARGS("swapcase", str_swapcase,
           "Convert uppercase characters to lowercase and lowercase "
           "characters to uppercase."),
    NOARGS("title", str_title,
           "Return a version of the string where each word is titlecased."),
    ONEARG("translate", str_translate,
           "Replace each character in the string using the given translation "
           "table."),
    NOARGS("upper", str_upper,
           "Return a copy of the string converted to uppercase."),
    ONEARG("zfill", str_zfill,
           "Pad a numeric string with zeros on the left, to fill a field of "
           "the given width."),
    ONEARG("__contains__", str_contains_m,
           "Return key in self."),
    ONEARG("__add__", str_add_m, "Return self+value."),
    NOARGS("__getnewargs__", str_getnewargs, NULL),
    NOARGS("__sizeof__", str_sizeof,
           "Return the size of the string in memory, in bytes."),
    {NULL, NULL, 0, NULL}
};
