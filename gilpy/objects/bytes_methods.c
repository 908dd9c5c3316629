/*
** bytes_methods.c — the methods bytes and bytearray share (ASCII case
** mapping and predicates, search, split, strip, padding, replace,
** translate, hex/fromhex, decode ...), bytearray's mutators (append,
** extend, insert, pop, remove, clear, copy, reverse).  bytes % args is in
** bytes_format.c.
** A method of a bytearray returns a bytearray, of a bytes a bytes, as
** CPython.  Guard: the GIL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytesobj.h"
#include "abstract.h"
#include "dictobj.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define BA(o) (!GP_BYTES_CHECK(o))

static const char *tname(gp_obj_t *o)
{
    return gp_type_name_cstr(GP_TYPE(o));
}

static void view(gp_obj_t *o, const char **p, gp_ssize_t *n)
{
    if (GP_BYTES_CHECK(o)) {
        *p = GP_BYTES_DATA(o);
    } else {
        *p = GP_BYTEARRAY_DATA(o) ? GP_BYTEARRAY_DATA(o) : "";
    }
    *n = GP_SIZE(o);
}

static char *wdata(gp_obj_t *o)
{
    return GP_BYTES_CHECK(o) ? GP_BYTES_DATA(o) : GP_BYTEARRAY_DATA(o);
}

/* The result for self: self itself when it is an exact bytes and the
** content is all of it, else a new object of self's kind. */
static gp_obj_t *result(gp_obj_t *self, const char *s, gp_ssize_t n)
{
    if (GP_TYPE(self) == &gp_bytes_type && n == GP_SIZE(self) &&
        s == GP_BYTES_DATA(self))
        return gp_newref(self);
    return gp_bytes_make(BA(self), s, n);
}

static gp_obj_t *copy_of(gp_obj_t *self)
{
    const char *p;
    gp_ssize_t n;
    view(self, &p, &n);
    return result(self, p, n);
}

/* ---- arguments -------------------------------------------------------- */

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

static int clinic_range(const char *name, gp_ssize_t nargs, gp_ssize_t min,
                        gp_ssize_t max)
{
    if (nargs < min) {
        gp_err_format(&gp_exc_TypeError,
                      "%s expected at least %zd argument%s, got %zd", name,
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        gp_err_format(&gp_exc_TypeError,
                      "%s expected at most %zd argument%s, got %zd", name,
                      max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

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

/* ---- searching ---------------------------------------------------------- */

static gp_ssize_t find_in(const char *s, gp_ssize_t n, const char *p,
                          gp_ssize_t m, int rev)
{
    if (m > n)
        return -1;
    if (m == 0)
        return rev ? n : 0;
    if (!rev) {
        const char *q = memmem(s, (size_t)n, p, (size_t)m);
        return q ? q - s : -1;
    }
    if (m == 1) {
        const char *q = memrchr(s, p[0], (size_t)n);
        return q ? q - s : -1;
    }
    for (gp_ssize_t i = n - m; i >= 0; i--)
        if (s[i] == p[0] && memcmp(s + i, p, (size_t)m) == 0)
            return i;
    return -1;
}

static gp_ssize_t count_in(const char *s, gp_ssize_t n, const char *p,
                           gp_ssize_t m, gp_ssize_t max)
{
    if (m == 0)
        return n + 1 < max ? n + 1 : max;
    gp_ssize_t c = 0, i = 0;
    while (c < max) {
        gp_ssize_t k = find_in(s + i, n - i, p, m, 0);
        if (k < 0)
            break;
        c++;
        i += k + m;
    }
    return c;
}

/* The sub argument of find and friends: an int byte or a bytes-like. */
static int sub_arg(gp_obj_t *o, const char **p, gp_ssize_t *m, char *one)
{
    if (GP_INT_CHECK(o) || (!GP_BYTES_CHECK(o) && !GP_BYTEARRAY_CHECK(o) &&
                            gp_index_check(o))) {
        int c;
        if (gp_byte_arg(o, &c) < 0)
            return -1;
        *one = (char)c;
        *p = one;
        *m = 1;
        return 0;
    }
    if (GP_BYTES_CHECK(o) || GP_BYTEARRAY_CHECK(o)) {
        gp_bytes_view(o, p, m);
        return 0;
    }
    gp_err_format(&gp_exc_TypeError,
                  "argument should be integer or bytes-like object, not '%s'",
                  tname(o));
    return -1;
}

enum { F_FIND, F_RFIND, F_INDEX, F_RINDEX, F_COUNT };

static gp_obj_t *find_common(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs, const char *name, int what)
{
    if (arg_range(name, nargs, 1, 3) < 0)
        return NULL;
    gp_ssize_t start = 0, end = PTRDIFF_MAX;
    if ((nargs > 1 && arg_slice_index(args[1], &start) < 0) ||
        (nargs > 2 && arg_slice_index(args[2], &end) < 0))
        return NULL;
    const char *p;
    gp_ssize_t m;
    char one;
    if (sub_arg(args[0], &p, &m, &one) < 0)
        return NULL;
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    adjust_indices(&start, &end, n);
    gp_ssize_t r;
    if (what == F_COUNT) {
        r = start > n || end < start ? 0
            : count_in(s + start, end - start, p, m, PTRDIFF_MAX);
        return gp_int_from_ssize(r);
    }
    if (start > n || end - start < m)
        r = -1;
    else {
        r = find_in(s + start, end - start, p, m,
                    what == F_RFIND || what == F_RINDEX);
        if (r >= 0)
            r += start;
    }
    if (r < 0 && (what == F_INDEX || what == F_RINDEX))
        return gp_err_format(&gp_exc_ValueError, "subsection not found");
    return gp_int_from_ssize(r);
}

static gp_obj_t *b_find(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return find_common(self, a, n, "find", F_FIND);
}

static gp_obj_t *b_rfind(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return find_common(self, a, n, "rfind", F_RFIND);
}

static gp_obj_t *b_index(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return find_common(self, a, n, "index", F_INDEX);
}

static gp_obj_t *b_rindex(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return find_common(self, a, n, "rindex", F_RINDEX);
}

static gp_obj_t *b_count(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return find_common(self, a, n, "count", F_COUNT);
}

static int tailmatch(const char *s, gp_ssize_t n, const char *p, gp_ssize_t m,
                     gp_ssize_t start, gp_ssize_t end, int dir)
{
    adjust_indices(&start, &end, n);
    end -= m;
    if (end < start)
        return 0;
    if (m == 0)
        return 1;
    return memcmp(s + (dir < 0 ? start : end), p, (size_t)m) == 0;
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
    const char *s, *p;
    gp_ssize_t n, m;
    gp_obj_t *x = args[0];
    if (GP_TUPLE_CHECK(x)) {
        for (gp_ssize_t i = 0; i < GP_SIZE(x); i++) {
            if (gp_bytes_view(GP_TUPLE_GET(x, i), &p, &m) < 0)
                return NULL;
            view(self, &s, &n);
            if (tailmatch(s, n, p, m, start, end, dir))
                GP_RETURN_TRUE;
        }
        GP_RETURN_FALSE;
    }
    if (!GP_BYTES_CHECK(x) && !GP_BYTEARRAY_CHECK(x))
        return gp_err_format(&gp_exc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, "
                             "not %s", name, tname(x));
    gp_bytes_view(x, &p, &m);
    view(self, &s, &n);
    return gp_bool_from(tailmatch(s, n, p, m, start, end, dir));
}

static gp_obj_t *b_startswith(gp_obj_t *self, gp_obj_t *const *a,
                              gp_ssize_t n)
{
    return startsend(self, a, n, "startswith", -1);
}

static gp_obj_t *b_endswith(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return startsend(self, a, n, "endswith", 1);
}

/* ---- ASCII character classes ------------------------------------------------- */

static int b_isspace_c(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}

static int b_islower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int b_isupper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int b_isalpha_c(unsigned char c) { return b_islower_c(c) || b_isupper_c(c); }
static int b_isdigit_c(unsigned char c) { return c >= '0' && c <= '9'; }

static gp_obj_t *all_of(gp_obj_t *self, int (*pred)(unsigned char))
{
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    if (n == 0)
        GP_RETURN_FALSE;
    for (gp_ssize_t i = 0; i < n; i++)
        if (!pred((unsigned char)s[i]))
            GP_RETURN_FALSE;
    GP_RETURN_TRUE;
}

static int b_isalnum_c(unsigned char c) { return b_isalpha_c(c) || b_isdigit_c(c); }

static gp_obj_t *b_isalpha(gp_obj_t *self, gp_obj_t *u) { return all_of(self, b_isalpha_c); }
static gp_obj_t *b_isalnum(gp_obj_t *self, gp_obj_t *u) { return all_of(self, b_isalnum_c); }
static gp_obj_t *b_isdigit(gp_obj_t *self, gp_obj_t *u) { return all_of(self, b_isdigit_c); }
static gp_obj_t *b_isspace(gp_obj_t *self, gp_obj_t *u) { return all_of(self, b_isspace_c); }

static gp_obj_t *b_isascii(gp_obj_t *self, gp_obj_t *u)
{
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    for (gp_ssize_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 128)
            GP_RETURN_FALSE;
    GP_RETURN_TRUE;
}

static gp_obj_t *b_islower(gp_obj_t *self, gp_obj_t *u)
{
    const char *s;
    gp_ssize_t n;
    int any = 0;
    view(self, &s, &n);
    for (gp_ssize_t i = 0; i < n; i++) {
        if (b_isupper_c((unsigned char)s[i]))
            GP_RETURN_FALSE;
        if (b_islower_c((unsigned char)s[i]))
            any = 1;
    }
    return gp_bool_from(any);
}

static gp_obj_t *b_isupper(gp_obj_t *self, gp_obj_t *u)
{
    const char *s;
    gp_ssize_t n;
    int any = 0;
    view(self, &s, &n);
    for (gp_ssize_t i = 0; i < n; i++) {
        if (b_islower_c((unsigned char)s[i]))
            GP_RETURN_FALSE;
        if (b_isupper_c((unsigned char)s[i]))
            any = 1;
    }
    return gp_bool_from(any);
}

static gp_obj_t *b_istitle(gp_obj_t *self, gp_obj_t *u)
{
    const char *s;
    gp_ssize_t n;
    int any = 0, prev = 0;
    view(self, &s, &n);
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (b_isupper_c(c)) {
            if (prev)
                GP_RETURN_FALSE;
            prev = any = 1;
        } else if (b_islower_c(c)) {
            if (!prev)
                GP_RETURN_FALSE;
            prev = any = 1;
        } else {
            prev = 0;
        }
    }
    return gp_bool_from(any);
}

enum { C_LOWER, C_UPPER, C_SWAP, C_TITLE, C_CAP };

static gp_obj_t *case_map(gp_obj_t *self, int op)
{
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    gp_obj_t *r = gp_bytes_make(BA(self), NULL, n);
    if (!r)
        return NULL;
    char *d = wdata(r);
    int prev = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int lower = b_islower_c(c), upper = b_isupper_c(c);
        switch (op) {
        case C_LOWER: d[i] = (char)(upper ? c + 32 : c); break;
        case C_UPPER: d[i] = (char)(lower ? c - 32 : c); break;
        case C_SWAP: d[i] = (char)(upper ? c + 32 : lower ? c - 32 : c); break;
        case C_TITLE:
            d[i] = (char)(prev ? (upper ? c + 32 : c) : (lower ? c - 32 : c));
            prev = lower || upper;
            break;
        default:
            d[i] = (char)(i ? (upper ? c + 32 : c) : (lower ? c - 32 : c));
            break;
        }
    }
    return r;
}

static gp_obj_t *b_lower(gp_obj_t *self, gp_obj_t *u) { return case_map(self, C_LOWER); }
static gp_obj_t *b_upper(gp_obj_t *self, gp_obj_t *u) { return case_map(self, C_UPPER); }
static gp_obj_t *b_swapcase(gp_obj_t *self, gp_obj_t *u) { return case_map(self, C_SWAP); }
static gp_obj_t *b_title(gp_obj_t *self, gp_obj_t *u) { return case_map(self, C_TITLE); }
static gp_obj_t *b_capitalize(gp_obj_t *self, gp_obj_t *u) { return case_map(self, C_CAP); }

/* ---- strip, split, partition ---------------------------------------------- */

static gp_obj_t *do_strip(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, const char *name, int l, int r)
{
    if (clinic_range(name, nargs, 0, 1) < 0)
        return NULL;
    uint8_t set[256];
    memset(set, 0, sizeof set);
    if (nargs && args[0] != GP_NONE) {
        const char *p;
        gp_ssize_t m;
        if (gp_bytes_view(args[0], &p, &m) < 0)
            return NULL;
        for (gp_ssize_t k = 0; k < m; k++)
            set[(unsigned char)p[k]] = 1;
    } else {
        for (int c = 0; c < 256; c++)
            set[c] = (uint8_t)b_isspace_c((unsigned char)c);
    }
    const char *s;
    gp_ssize_t n, i = 0, j;
    view(self, &s, &n);
    j = n;
    if (l)
        while (i < j && set[(unsigned char)s[i]])
            i++;
    if (r)
        while (j > i && set[(unsigned char)s[j - 1]])
            j--;
    return result(self, s + i, j - i);
}

static gp_obj_t *b_strip(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return do_strip(self, a, n, "strip", 1, 1);
}

static gp_obj_t *b_lstrip(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return do_strip(self, a, n, "lstrip", 1, 0);
}

static gp_obj_t *b_rstrip(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return do_strip(self, a, n, "rstrip", 0, 1);
}

static int list_add(gp_obj_t *list, gp_obj_t *self, const char *s,
                    gp_ssize_t n)
{
    gp_obj_t *o = result(self, s, n);
    if (!o)
        return -1;
    int r = gp_list_append(list, o);
    GP_DECREF(o);
    return r;
}

static gp_obj_t *split_common(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames,
                              const char *name, int rev)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse(name, args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    gp_ssize_t maxsplit = -1;
    if (a[1] && arg_ssize(a[1], &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = PTRDIFF_MAX;
    const char *p = NULL;
    gp_ssize_t m = 0;
    if (a[0] && a[0] != GP_NONE) {
        if (gp_bytes_view(a[0], &p, &m) < 0)
            return NULL;
        if (m == 0)
            return gp_err_format(&gp_exc_ValueError, "empty separator");
    }
    gp_obj_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    if (!p) {
        if (!rev) {
            gp_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && b_isspace_c((unsigned char)s[i]))
                    i++;
                if (i == n)
                    break;
                gp_ssize_t j = i;
                while (j < n && !b_isspace_c((unsigned char)s[j]))
                    j++;
                if (list_add(list, self, s + i, j - i) < 0)
                    goto fail;
                i = j;
            }
            while (i < n && b_isspace_c((unsigned char)s[i]))
                i++;
            if (i < n && list_add(list, self, s + i, n - i) < 0)
                goto fail;
        } else {
            gp_ssize_t j = n;
            while (maxsplit-- > 0) {
                while (j > 0 && b_isspace_c((unsigned char)s[j - 1]))
                    j--;
                if (j == 0)
                    break;
                gp_ssize_t i = j;
                while (i > 0 && !b_isspace_c((unsigned char)s[i - 1]))
                    i--;
                if (list_add(list, self, s + i, j - i) < 0)
                    goto fail;
                j = i;
            }
            while (j > 0 && b_isspace_c((unsigned char)s[j - 1]))
                j--;
            if (j > 0 && list_add(list, self, s, j) < 0)
                goto fail;
        }
    } else if (!rev) {
        gp_ssize_t i = 0;
        while (maxsplit-- > 0) {
            gp_ssize_t k = find_in(s + i, n - i, p, m, 0);
            if (k < 0)
                break;
            if (list_add(list, self, s + i, k) < 0)
                goto fail;
            i += k + m;
        }
        if (list_add(list, self, s + i, n - i) < 0)
            goto fail;
    } else {
        gp_ssize_t j = n;
        while (maxsplit-- > 0) {
            gp_ssize_t k = find_in(s, j, p, m, 1);
            if (k < 0)
                break;
            if (list_add(list, self, s + k + m, j - k - m) < 0)
                goto fail;
            j = k;
        }
        if (list_add(list, self, s, j) < 0)
            goto fail;
    }
    if (rev && gp_list_reverse(list) < 0)
        goto fail;
    return list;
fail:
    GP_DECREF(list);
    return NULL;
}

static gp_obj_t *b_split(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n,
                         gp_obj_t *kw)
{
    return split_common(self, a, n, kw, "split", 0);
}

static gp_obj_t *b_rsplit(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n,
                          gp_obj_t *kw)
{
    return split_common(self, a, n, kw, "rsplit", 1);
}

static gp_obj_t *b_splitlines(gp_obj_t *self, gp_obj_t *const *args,
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
    const char *s;
    gp_ssize_t n, i = 0;
    view(self, &s, &n);
    while (i < n) {
        gp_ssize_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        gp_ssize_t eol = j;
        if (j < n) {
            j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
            if (keep)
                eol = j;
        }
        if (list_add(list, self, s + i, eol - i) < 0) {
            GP_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static gp_obj_t *partition(gp_obj_t *self, gp_obj_t *sep, int rev)
{
    const char *p, *s;
    gp_ssize_t m, n;
    if (gp_bytes_view(sep, &p, &m) < 0)
        return NULL;
    if (m == 0)
        return gp_err_format(&gp_exc_ValueError, "empty separator");
    view(self, &s, &n);
    gp_ssize_t k = find_in(s, n, p, m, rev);
    gp_obj_t *x, *y, *z;
    if (k < 0) {
        if (rev) {
            x = gp_bytes_make(BA(self), NULL, 0);
            y = gp_bytes_make(BA(self), NULL, 0);
            z = result(self, s, n);
        } else {
            x = result(self, s, n);
            y = gp_bytes_make(BA(self), NULL, 0);
            z = gp_bytes_make(BA(self), NULL, 0);
        }
    } else {
        x = result(self, s, k);
        y = (GP_TYPE(sep) == &gp_bytes_type && !BA(self)) ? gp_newref(sep)
            : gp_bytes_make(BA(self), p, m);
        z = result(self, s + k + m, n - k - m);
    }
    gp_obj_t *t = NULL;
    if (x && y && z)
        t = gp_tuple_pack(3, x, y, z);
    GP_XDECREF(x);
    GP_XDECREF(y);
    GP_XDECREF(z);
    return t;
}

static gp_obj_t *b_partition(gp_obj_t *self, gp_obj_t *sep)
{
    return partition(self, sep, 0);
}

static gp_obj_t *b_rpartition(gp_obj_t *self, gp_obj_t *sep)
{
    return partition(self, sep, 1);
}

/* ---- join, replace, padding --------------------------------------------------- */

static gp_obj_t *b_join(gp_obj_t *self, gp_obj_t *iterable)
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
    gp_ssize_t k = GP_SIZE(seq), total = 0;
    const char *sep;
    gp_ssize_t sl;
    view(self, &sep, &sl);
    for (gp_ssize_t i = 0; i < k; i++) {
        gp_obj_t *it = items[i];
        if (!GP_BYTES_CHECK(it) && !GP_BYTEARRAY_CHECK(it)) {
            gp_err_format(&gp_exc_TypeError,
                          "sequence item %zd: expected a bytes-like object, "
                          "%s found", i, tname(it));
            GP_DECREF(seq);
            return NULL;
        }
        total += GP_SIZE(it) + (i ? sl : 0);
    }
    gp_obj_t *r = gp_bytes_make(BA(self), NULL, total);
    if (r && total) {
        char *d = wdata(r);
        gp_ssize_t pos = 0;
        for (gp_ssize_t i = 0; i < k; i++) {
            const char *p;
            gp_ssize_t m;
            if (i && sl) {
                memcpy(d + pos, sep, (size_t)sl);
                pos += sl;
            }
            gp_bytes_view(items[i], &p, &m);
            if (m)
                memcpy(d + pos, p, (size_t)m);
            pos += m;
        }
    }
    GP_DECREF(seq);
    return r;
}

static gp_obj_t *b_replace(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    if (clinic_range("replace", nargs, 2, 3) < 0)
        return NULL;
    const char *po, *pn, *s;
    gp_ssize_t lo, ln, n, count = -1;
    if (gp_bytes_view(args[0], &po, &lo) < 0 ||
        gp_bytes_view(args[1], &pn, &ln) < 0)
        return NULL;
    if (nargs > 2 && arg_ssize(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = PTRDIFF_MAX;
    view(self, &s, &n);
    gp_ssize_t occ = count_in(s, n, po, lo, count);
    if (occ == 0)
        return copy_of(self);
    gp_ssize_t total = n + occ * (ln - lo);
    gp_obj_t *r = gp_bytes_make(BA(self), NULL, total);
    if (!r)
        return NULL;
    char *d = wdata(r);
    gp_ssize_t i = 0, j = 0;
    for (gp_ssize_t t = 0; t < occ; t++) {
        gp_ssize_t k;
        if (lo == 0) {
            k = 0;
        } else {
            k = find_in(s + i, n - i, po, lo, 0);
            if (k < 0)
                break;
        }
        memcpy(d + j, s + i, (size_t)k);
        j += k;
        memcpy(d + j, pn, (size_t)ln);
        j += ln;
        i += k + lo;
        if (lo == 0 && i < n)
            d[j++] = s[i++];
    }
    memcpy(d + j, s + i, (size_t)(n - i));
    return r;
}

static int fill_byte(const char *name, gp_obj_t *const *args,
                     gp_ssize_t nargs, char *fill)
{
    *fill = ' ';
    if (nargs < 2)
        return 0;
    gp_obj_t *f = args[1];
    if ((GP_BYTES_CHECK(f) || GP_BYTEARRAY_CHECK(f)) && GP_SIZE(f) == 1) {
        const char *p;
        gp_ssize_t m;
        gp_bytes_view(f, &p, &m);
        *fill = p[0];
        return 0;
    }
    gp_err_format(&gp_exc_TypeError,
                  "%s() argument 2 must be a byte string of length 1, not %s",
                  name, tname(f));
    return -1;
}

static gp_obj_t *pad(gp_obj_t *self, gp_ssize_t left, gp_ssize_t right,
                     char fill)
{
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    if (left <= 0 && right <= 0)
        return copy_of(self);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    gp_obj_t *r = gp_bytes_make(BA(self), NULL, left + n + right);
    if (!r)
        return NULL;
    char *d = wdata(r);
    memset(d, fill, (size_t)left);
    memcpy(d + left, s, (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    return r;
}

static gp_obj_t *justify(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs, const char *name, int how)
{
    gp_ssize_t width;
    char fill;
    if (clinic_range(name, nargs, 1, 2) < 0 || arg_ssize(args[0], &width) < 0 ||
        fill_byte(name, args, nargs, &fill) < 0)
        return NULL;
    gp_ssize_t n = GP_SIZE(self);
    if (width <= n)
        return copy_of(self);
    gp_ssize_t marg = width - n;
    if (how < 0)
        return pad(self, 0, marg, fill);
    if (how > 0)
        return pad(self, marg, 0, fill);
    gp_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static gp_obj_t *b_center(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return justify(self, a, n, "center", 0);
}

static gp_obj_t *b_ljust(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return justify(self, a, n, "ljust", -1);
}

static gp_obj_t *b_rjust(gp_obj_t *self, gp_obj_t *const *a, gp_ssize_t n)
{
    return justify(self, a, n, "rjust", 1);
}

static gp_obj_t *b_zfill(gp_obj_t *self, gp_obj_t *arg)
{
    gp_ssize_t width;
    if (arg_ssize(arg, &width) < 0)
        return NULL;
    gp_ssize_t n = GP_SIZE(self);
    if (width <= n)
        return copy_of(self);
    gp_obj_t *r = pad(self, width - n, 0, '0');
    if (!r)
        return NULL;
    char *d = wdata(r);
    char c = d[width - n];
    if (c == '+' || c == '-') {
        d[0] = c;
        d[width - n] = '0';
    }
    return r;
}

static gp_obj_t *b_expandtabs(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    gp_obj_t *a[1] = {NULL};
    gp_ssize_t tab = 8;
    if (gp_arg_parse("expandtabs", args, nargs, kwnames, names, 0, 0, a) < 0 ||
        (a[0] && arg_ssize(a[0], &tab) < 0))
        return NULL;
    const char *s;
    gp_ssize_t n, total = 0, col = 0;
    view(self, &s, &n);
    for (gp_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tab > 0) {
                total += tab - col % tab;
                col += tab - col % tab;
            }
        } else {
            total++;
            col = (s[i] == '\n' || s[i] == '\r') ? 0 : col + 1;
        }
    }
    gp_obj_t *r = gp_bytes_make(BA(self), NULL, total);
    if (!r)
        return NULL;
    char *d = wdata(r);
    gp_ssize_t j = 0;
    col = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tab > 0) {
                gp_ssize_t k = tab - col % tab;
                memset(d + j, ' ', (size_t)k);
                j += k;
                col += k;
            }
        } else {
            d[j++] = s[i];
            col = (s[i] == '\n' || s[i] == '\r') ? 0 : col + 1;
        }
    }
    return r;
}

static gp_obj_t *b_removeprefix(gp_obj_t *self, gp_obj_t *arg)
{
    const char *p, *s;
    gp_ssize_t m, n;
    if (gp_bytes_view(arg, &p, &m) < 0)
        return NULL;
    view(self, &s, &n);
    if (m <= n && memcmp(s, p, (size_t)m) == 0)
        return result(self, s + m, n - m);
    return copy_of(self);
}

static gp_obj_t *b_removesuffix(gp_obj_t *self, gp_obj_t *arg)
{
    const char *p, *s;
    gp_ssize_t m, n;
    if (gp_bytes_view(arg, &p, &m) < 0)
        return NULL;
    view(self, &s, &n);
    if (m && m <= n && memcmp(s + n - m, p, (size_t)m) == 0)
        return result(self, s, n - m);
    return copy_of(self);
}

/* ---- translate, maketrans, hex, decode ------------------------------------- */

static gp_obj_t *b_translate(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"", "delete", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("translate", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    const char *table = NULL, *del = NULL;
    gp_ssize_t tl = 0, dl = 0;
    if (a[0] != GP_NONE) {
        if (gp_bytes_view(a[0], &table, &tl) < 0)
            return NULL;
        if (tl != 256)
            return gp_err_format(&gp_exc_ValueError,
                                 "translation table must be 256 characters "
                                 "long");
    }
    if (a[1] && gp_bytes_view(a[1], &del, &dl) < 0)
        return NULL;
    uint8_t drop[256];
    memset(drop, 0, sizeof drop);
    for (gp_ssize_t k = 0; k < dl; k++)
        drop[(unsigned char)del[k]] = 1;
    const char *s;
    gp_ssize_t n, j = 0;
    view(self, &s, &n);
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return gp_err_nomemory();
    for (gp_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (drop[c])
            continue;
        buf[j++] = table ? table[c] : (char)c;
    }
    gp_obj_t *r = (j == n && !table) ? copy_of(self)
                                     : gp_bytes_make(BA(self), buf, j);
    free(buf);
    return r;
}

static gp_obj_t *b_maketrans(gp_obj_t *unused, gp_obj_t *const *args,
                             gp_ssize_t nargs)
{
    const char *f, *t;
    gp_ssize_t fl, tl;
    if (clinic_range("maketrans", nargs, 2, 2) < 0 ||
        gp_bytes_view(args[0], &f, &fl) < 0 ||
        gp_bytes_view(args[1], &t, &tl) < 0)
        return NULL;
    if (fl != tl)
        return gp_err_format(&gp_exc_ValueError,
                             "maketrans arguments must have same length");
    char tab[256];
    for (int c = 0; c < 256; c++)
        tab[c] = (char)c;
    for (gp_ssize_t i = 0; i < fl; i++)
        tab[(unsigned char)f[i]] = t[i];
    return gp_bytes_from(tab, 256);
}

static gp_obj_t *b_hex(gp_obj_t *self, gp_obj_t *const *args,
                       gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    static const char hex[] = "0123456789abcdef";
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("hex", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    gp_ssize_t per = 1;
    if (a[1] && arg_ssize(a[1], &per) < 0)
        return NULL;
    uint32_t sepc = 0;
    if (a[0] && a[0] != GP_NONE) {
        if (GP_STR_CHECK(a[0])) {
            if (GP_STR_LEN(a[0]) != 1)
                return gp_err_format(&gp_exc_ValueError,
                                     "sep must be length 1.");
            sepc = gp_str_read(a[0], 0);
        } else {
            const char *p;
            gp_ssize_t m;
            if (gp_bytes_view(a[0], &p, &m) < 0)
                return NULL;
            if (m != 1)
                return gp_err_format(&gp_exc_ValueError,
                                     "sep must be length 1.");
            sepc = (unsigned char)p[0];
        }
        if (sepc > 127)
            return gp_err_format(&gp_exc_ValueError,
                                 "sep must be ASCII.");
    }
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    gp_ssize_t group = per < 0 ? -per : per;
    gp_ssize_t nsep = (sepc && group && n) ? (n - 1) / group : 0;
    char *buf = malloc((size_t)(2 * n + nsep) + 1);
    if (!buf)
        return gp_err_nomemory();
    gp_ssize_t j = 0;
    for (gp_ssize_t i = 0; i < n; i++) {
        if (sepc && group && i) {
            /* Positive counts group from the right, negative from the
            ** left. */
            gp_ssize_t from = per > 0 ? n - i : i;
            if (from % group == 0)
                buf[j++] = (char)sepc;
        }
        unsigned char c = (unsigned char)s[i];
        buf[j++] = hex[c >> 4];
        buf[j++] = hex[c & 15];
    }
    gp_obj_t *r = gp_str_from_latin1(buf, j);
    free(buf);
    return r;
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static gp_obj_t *b_fromhex(gp_obj_t *type, gp_obj_t *arg)
{
    if (!GP_STR_CHECK(arg))
        return gp_err_format(&gp_exc_TypeError,
                             "fromhex() argument must be str, not %s",
                             tname(arg));
    gp_ssize_t n = GP_STR_LEN(arg), j = 0;
    char *buf = malloc((size_t)n / 2 + 1);
    if (!buf)
        return gp_err_nomemory();
    for (gp_ssize_t i = 0; i < n;) {
        uint32_t c = gp_str_read(arg, i);
        if (c == ' ' || (c >= 9 && c <= 13)) {
            i++;
            continue;
        }
        int hi = hexval(c);
        int lo = i + 1 < n ? hexval(gp_str_read(arg, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            free(buf);
            return gp_err_format(&gp_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() "
                                 "arg at position %zd", hi < 0 ? i : i + 1);
        }
        buf[j++] = (char)(hi << 4 | lo);
        i += 2;
    }
    gp_type_t *t = (gp_type_t *)type;
    gp_obj_t *r = gp_bytes_make(gp_type_is_subtype(t, &gp_bytearray_type),
                                buf, j);
    free(buf);
    if (r && t != &gp_bytes_type && t != &gp_bytearray_type) {
        gp_obj_t *o = gp_call_one(type, r);
        GP_DECREF(r);
        r = o;
    }
    return r;
}

static gp_obj_t *b_decode(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("decode", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    const char *enc = "utf-8", *errs = "strict";
    if (a[0]) {
        if (!GP_STR_CHECK(a[0]))
            return gp_err_format(&gp_exc_TypeError,
                                 "decode() argument 'encoding' must be str, "
                                 "not %s", tname(a[0]));
        if (!(enc = gp_str_utf8(a[0], NULL)))
            return NULL;
    }
    if (a[1]) {
        if (!GP_STR_CHECK(a[1]))
            return gp_err_format(&gp_exc_TypeError,
                                 "decode() argument 'errors' must be str, "
                                 "not %s", tname(a[1]));
        if (!(errs = gp_str_utf8(a[1], NULL)))
            return NULL;
    }
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    return gp_bytes_decode(s, n, enc, errs);
}

static gp_obj_t *b_getnewargs(gp_obj_t *self, gp_obj_t *u)
{
    const char *s;
    gp_ssize_t n;
    view(self, &s, &n);
    gp_obj_t *b = gp_bytes_from(s, n);
    if (!b)
        return NULL;
    gp_obj_t *t = gp_tuple_pack(1, b);
    GP_DECREF(b);
    return t;
}

/* ---- bytearray mutators --------------------------------------------------- */

static gp_obj_t *ba_append(gp_obj_t *self, gp_obj_t *arg)
{
    int c;
    if (gp_byte_arg(arg, &c) < 0)
        return NULL;
    gp_ssize_t n = GP_SIZE(self);
    if (gp_bytearray_resize(self, n + 1) < 0)
        return NULL;
    GP_BYTEARRAY_DATA(self)[n] = (char)c;
    GP_RETURN_NONE;
}

static gp_obj_t *ba_extend(gp_obj_t *self, gp_obj_t *arg)
{
    if (gp_bytearray_extend(self, arg) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *ba_insert(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    gp_ssize_t i;
    int c;
    if (clinic_range("insert", nargs, 2, 2) < 0 || arg_ssize(args[0], &i) < 0 ||
        gp_byte_arg(args[1], &c) < 0)
        return NULL;
    gp_ssize_t n = GP_SIZE(self);
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    if (gp_bytearray_resize(self, n + 1) < 0)
        return NULL;
    char *d = GP_BYTEARRAY_DATA(self);
    memmove(d + i + 1, d + i, (size_t)(n - i));
    d[i] = (char)c;
    GP_RETURN_NONE;
}

static gp_obj_t *ba_pop(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs)
{
    gp_ssize_t i = -1;
    if (clinic_range("pop", nargs, 0, 1) < 0 ||
        (nargs && arg_ssize(args[0], &i) < 0))
        return NULL;
    gp_ssize_t n = GP_SIZE(self);
    if (n == 0)
        return gp_err_format(&gp_exc_IndexError, "pop from empty bytearray");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return gp_err_format(&gp_exc_IndexError, "pop index out of range");
    char *d = GP_BYTEARRAY_DATA(self);
    unsigned char c = (unsigned char)d[i];
    memmove(d + i, d + i + 1, (size_t)(n - i - 1));
    if (gp_bytearray_resize(self, n - 1) < 0)
        return NULL;
    return gp_int_from_i64(c);
}

static gp_obj_t *ba_remove(gp_obj_t *self, gp_obj_t *arg)
{
    int c;
    if (gp_byte_arg(arg, &c) < 0)
        return NULL;
    gp_ssize_t n = GP_SIZE(self);
    char *d = GP_BYTEARRAY_DATA(self);
    char *q = n ? memchr(d, c, (size_t)n) : NULL;
    if (!q)
        return gp_err_format(&gp_exc_ValueError, "value not found in bytearray");
    gp_ssize_t i = q - d;
    memmove(d + i, d + i + 1, (size_t)(n - i - 1));
    if (gp_bytearray_resize(self, n - 1) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *ba_clear(gp_obj_t *self, gp_obj_t *u)
{
    if (gp_bytearray_resize(self, 0) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *ba_copy(gp_obj_t *self, gp_obj_t *u)
{
    return gp_bytearray_from(GP_BYTEARRAY_DATA(self), GP_SIZE(self));
}

static gp_obj_t *ba_reverse(gp_obj_t *self, gp_obj_t *u)
{
    gp_ssize_t n = GP_SIZE(self);
    char *d = GP_BYTEARRAY_DATA(self);
    for (gp_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    GP_RETURN_NONE;
}

static gp_obj_t *ba_alloc(gp_obj_t *self, gp_obj_t *u)
{
    return gp_int_from_ssize(((gp_bytearray_t *)self)->alloc);
}

/* ---- method tables --------------------------------------------------------- */

#define NOARGS(name, fn) {name, GP_METH_FN(fn), GP_METH_NOARGS, NULL}
#define ONEARG(name, fn) {name, GP_METH_FN(fn), GP_METH_O, NULL}
#define FAST(name, fn) {name, GP_METH_FN(fn), GP_METH_FASTCALL, NULL}
#define FASTKW(name, fn) \
    {name, GP_METH_FN(fn), GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL}

#define SHARED_METHODS \
    NOARGS("capitalize", b_capitalize), \
    FAST("center", b_center), \
    FAST("count", b_count), \
    FASTKW("decode", b_decode), \
    FAST("endswith", b_endswith), \
    FASTKW("expandtabs", b_expandtabs), \
    FAST("find", b_find), \
    {"fromhex", GP_METH_FN(b_fromhex), GP_METH_O | GP_METH_CLASS, NULL}, \
    FASTKW("hex", b_hex), \
    FAST("index", b_index), \
    NOARGS("isalnum", b_isalnum), \
    NOARGS("isalpha", b_isalpha), \
    NOARGS("isascii", b_isascii), \
    NOARGS("isdigit", b_isdigit), \
    NOARGS("islower", b_islower), \
    NOARGS("isspace", b_isspace), \
    NOARGS("istitle", b_istitle), \
    NOARGS("isupper", b_isupper), \
    ONEARG("join", b_join), \
    FAST("ljust", b_ljust), \
    NOARGS("lower", b_lower), \
    FAST("lstrip", b_lstrip), \
    {"maketrans", GP_METH_FN(b_maketrans), GP_METH_FASTCALL | GP_METH_STATIC, \
     NULL}, \
    ONEARG("partition", b_partition), \
    ONEARG("removeprefix", b_removeprefix), \
    ONEARG("removesuffix", b_removesuffix), \
    FAST("replace", b_replace), \
    FAST("rfind", b_rfind), \
    FAST("rindex", b_rindex), \
    FAST("rjust", b_rjust), \
    ONEARG("rpartition", b_rpartition), \
    FASTKW("rsplit", b_rsplit), \
    FAST("rstrip", b_rstrip), \
    FASTKW("split", b_split), \
    FASTKW("splitlines", b_splitlines), \
    FAST("startswith", b_startswith), \
    FAST("strip", b_strip), \
    NOARGS("swapcase", b_swapcase), \
    NOARGS("title", b_title), \
    FASTKW("translate", b_translate), \
    NOARGS("upper", b_upper), \
    ONEARG("zfill", b_zfill)

gp_methoddef_t gp_bytes_methods[] = {
    SHARED_METHODS,
    NOARGS("__getnewargs__", b_getnewargs),
    {NULL, NULL, 0, NULL}
};

gp_methoddef_t gp_bytearray_methods[] = {
    SHARED_METHODS,
    NOARGS("__alloc__", ba_alloc),
    ONEARG("append", ba_append),
    NOARGS("clear", ba_clear),
    NOARGS("copy", ba_copy),
    ONEARG("extend", ba_extend),
    FAST("insert", ba_insert),
    FAST("pop", ba_pop),
    ONEARG("remove", ba_remove),
    NOARGS("reverse", ba_reverse),
    {NULL, NULL, 0, NULL}
};
