/*
** str_format.c — the built-in text formatting: str % args (every
** conversion of printf-style formatting, mapping keys, '*' widths),
** str.format / str.format_map (auto and manual numbering, keywords,
** attribute and index fields, !r !s !a, nested specs) and the format
** spec of str itself (str.__format__), with CPython 3.11's errors.  The
** format-spec mini-language is formatspec.c's; int and float specs are
** their types' business (reached through gp_format).
** Guard: the GIL.
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strobj.h"
#include "abstract.h"
#include "formatspec.h"
#include "listobj.h"
#include "numobj.h"
#include "vm/errors.h"

#define LEN(o) GP_STR_LEN(o)

static const char *tname(gp_obj_t *o)
{
    return gp_type_name_cstr(GP_TYPE(o));
}

/* Raise what a formatspec.h call reported. */
gp_obj_t *gp_fspec_raise(void *fspec_error)
{
    gp_fspec_error_t *err = fspec_error;
    gp_type_t *t;
    switch (err->exc) {
    case GP_FSPEC_EXC_OVERFLOW_ERROR: t = &gp_exc_OverflowError; break;
    case GP_FSPEC_EXC_MEMORY_ERROR: t = &gp_exc_MemoryError; break;
    case GP_FSPEC_EXC_SYSTEM_ERROR: t = &gp_exc_SystemError; break;
    default: t = &gp_exc_ValueError; break;
    }
    gp_obj_t *msg = gp_str_from_utf8_sp(err->msg ? err->msg : "",
                                        (gp_ssize_t)err->msg_len);
    gp_fspec_error_clear(err);
    if (!msg)
        return NULL;
    gp_err_set(t, msg);
    GP_DECREF(msg);
    return NULL;
}

/* ---- format(str, spec) ------------------------------------------------ */

gp_obj_t *gp_str_format_spec(gp_obj_t *o, gp_obj_t *spec)
{
    if (LEN(spec) == 0)
        return gp_str_exact(o);
    gp_ssize_t sl, vl;
    const char *s = gp_str_utf8_sp(spec, &sl);
    if (!s)
        return NULL;
    const char *name = tname(o);
    gp_fspec_t fs;
    gp_fspec_error_t err;
    memset(&err, 0, sizeof err);
    if (gp_fspec_parse(s, (size_t)sl, GP_FSPEC_STR, name, &fs, &err) < 0)
        return gp_fspec_raise(&err);
    const char *v = gp_str_utf8_sp(o, &vl);
    if (!v)
        return NULL;
    char *out;
    size_t outlen;
    if (gp_format_str(v, (size_t)vl, &fs, name, &out, &outlen, &err) < 0)
        return gp_fspec_raise(&err);
    gp_obj_t *r = gp_str_from_utf8_sp(out, (gp_ssize_t)outlen);
    free(out);
    return r;
}

/* ---- the writer ----------------------------------------------------- */

/* A string under construction, one byte per character while they all fit
** (the usual case), four once a wider one comes; small results stay on
** the stack.  Formatting writes here and makes one str at the end. */
typedef struct {
    void *data;
    int kind;               /* 1 or 4 */
    gp_ssize_t len, cap;
    uint32_t maxchar;
    uint8_t stack[240];
} wr_t;

static void wr_init(wr_t *w)
{
    w->data = w->stack;
    w->kind = 1;
    w->len = 0;
    w->cap = (gp_ssize_t)sizeof w->stack;
    w->maxchar = 0;
}

static void wr_discard(wr_t *w)
{
    if (w->data != w->stack)
        free(w->data);
    wr_init(w);
}

/* Room for extra more characters, of at most maxchar. */
static int wr_reserve(wr_t *w, gp_ssize_t extra, uint32_t maxchar)
{
    int kind = (w->kind == 4 || maxchar > 255) ? 4 : 1;
    if (w->len + extra <= w->cap && kind == w->kind)
        return 0;
    if (extra > PTRDIFF_MAX / 8 - w->len) {
        gp_err_nomemory();
        return -1;
    }
    gp_ssize_t cap = w->cap;
    while (cap < w->len + extra)
        cap *= 2;
    void *nd = malloc((size_t)cap * (size_t)kind);
    if (!nd) {
        gp_err_nomemory();
        return -1;
    }
    gp_str_copy(nd, kind, 0, w->data, w->kind, 0, w->len);
    if (w->data != w->stack)
        free(w->data);
    w->data = nd;
    w->cap = cap;
    w->kind = kind;
    return 0;
}

static int wr_char(wr_t *w, uint32_t c)
{
    if (wr_reserve(w, 1, c) < 0)
        return -1;
    gp_str_put(w->kind, w->data, w->len++, c);
    if (c > w->maxchar)
        w->maxchar = c;
    return 0;
}

static int wr_fill(wr_t *w, uint32_t c, gp_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (wr_reserve(w, n, c) < 0)
        return -1;
    if (w->kind == 1)
        memset((char *)w->data + w->len, (int)c, (size_t)n);
    else
        for (gp_ssize_t i = 0; i < n; i++)
            ((uint32_t *)w->data)[w->len + i] = c;
    w->len += n;
    if (c > w->maxchar)
        w->maxchar = c;
    return 0;
}

/* n latin-1 characters. */
static int wr_latin1(wr_t *w, const char *s, gp_ssize_t n)
{
    if (wr_reserve(w, n, 0) < 0)
        return -1;
    gp_str_copy(w->data, w->kind, w->len, s, 1, 0, n);
    for (gp_ssize_t i = 0; i < n; i++)
        if ((unsigned char)s[i] > w->maxchar)
            w->maxchar = (unsigned char)s[i];
    w->len += n;
    return 0;
}

static int wr_substr(wr_t *w, gp_obj_t *str, gp_ssize_t a, gp_ssize_t b)
{
    if (b <= a)
        return 0;
    uint32_t m = gp_str_maxchar(str, a, b);
    if (wr_reserve(w, b - a, m) < 0)
        return -1;
    gp_str_copy(w->data, w->kind, w->len, GP_STR_DATA(str), GP_STR_KIND(str),
                a, b - a);
    w->len += b - a;
    if (m > w->maxchar)
        w->maxchar = m;
    return 0;
}

static int wr_str(wr_t *w, gp_obj_t *str)
{
    return wr_substr(w, str, 0, LEN(str));
}

static gp_obj_t *wr_finish(wr_t *w)
{
    gp_obj_t *r;
    if (w->len == 0)
        r = gp_str_empty();
    else if (w->len == 1 || w->kind == 4)
        r = gp_str_from_kind(w->kind, w->data, w->len);
    else {
        r = gp_str_new(w->len, w->maxchar);
        if (r)
            memcpy(GP_STR_DATA(r), w->data, (size_t)w->len);
    }
    wr_discard(w);
    return r;
}

/* ---- str % args ------------------------------------------------------- */

typedef struct {
    gp_obj_t *args;         /* borrowed */
    gp_obj_t *dict;         /* borrowed mapping, or NULL */
    gp_ssize_t arglen, argidx;
} pctctx_t;

typedef struct {
    int ljust, sign, blank, alt, zero;
    gp_ssize_t width, prec;
} pctflags_t;

/* Borrowed next argument, or NULL with TypeError. */
static gp_obj_t *next_arg(pctctx_t *c)
{
    if (c->argidx < c->arglen) {
        if (c->arglen < 0) {
            c->argidx = -1;
            return c->args;
        }
        return GP_TUPLE_GET(c->args, c->argidx++);
    }
    gp_err_format(&gp_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Write [pad] sign prefix [zeros] body [pad]: the layout of every
** conversion; zero padding only for numbers.  The body is str[a:b], or
** the latin-1 text raw[0:rawlen] when str is NULL. */
static int pct_emit(wr_t *w, const pctflags_t *f, uint32_t sign,
                    const char *prefix, gp_obj_t *str, gp_ssize_t a,
                    gp_ssize_t b, const char *raw, gp_ssize_t rawlen,
                    int numeric)
{
    gp_ssize_t blen = str ? b - a : rawlen;
    gp_ssize_t plen = (gp_ssize_t)strlen(prefix) + (sign ? 1 : 0);
    gp_ssize_t fill = f->width > blen + plen ? f->width - blen - plen : 0;
    int zero = numeric && f->zero && !f->ljust;
    if (!f->ljust && !zero && wr_fill(w, ' ', fill) < 0)
        return -1;
    if (sign && wr_char(w, sign) < 0)
        return -1;
    if (*prefix && wr_latin1(w, prefix, (gp_ssize_t)strlen(prefix)) < 0)
        return -1;
    if (zero && wr_fill(w, '0', fill) < 0)
        return -1;
    if (str ? wr_substr(w, str, a, b) < 0 : wr_latin1(w, raw, rawlen) < 0)
        return -1;
    if (f->ljust && wr_fill(w, ' ', fill) < 0)
        return -1;
    return 0;
}

static int number_check(gp_obj_t *v)
{
    if (GP_INT_CHECK(v) || GP_FLOAT_CHECK(v))
        return 1;
    gp_number_methods_t *nb = GP_TYPE(v)->as_number;
    return nb && (nb->index || nb->int_ || nb->float_);
}

/* The digits of |v| in base (2..16) into the end of buf; returns the
** start. */
static char *u64_digits(uint64_t v, int base, char *end)
{
    static const char hex[] = "0123456789abcdef";
    char *p = end;
    do {
        *--p = hex[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v);
    return p;
}

static int pct_int(wr_t *w, const pctflags_t *f, uint32_t conv, gp_obj_t *v)
{
    gp_obj_t *iobj = NULL;
    if (!GP_INT_CHECK(v)) {
        if (!number_check(v))
            goto wrongtype;
        iobj = (conv == 'x' || conv == 'X' || conv == 'o')
             ? gp_number_index(v) : gp_number_long(v);
        if (!iobj) {
            if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                goto wrongtype;
            }
            return -1;
        }
        v = iobj;
    }
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    int neg = 0;
    char small[72], *heap = NULL, *digits;
    size_t nd;
    if (gp_int_is_small(v)) {
        int64_t x = gp_int_small(v);
        neg = x < 0;
        uint64_t u = neg ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        digits = u64_digits(u, base, small + sizeof small);
        nd = (size_t)(small + sizeof small - digits);
    } else {
        heap = digits = gp_int_digits(v, base, &neg);
        if (!digits) {
            GP_XDECREF(iobj);
            return -1;
        }
        nd = strlen(digits);
    }
    GP_XDECREF(iobj);
    if (conv == 'X')
        for (size_t i = 0; i < nd; i++)
            if (digits[i] >= 'a' && digits[i] <= 'f')
                digits[i] = (char)(digits[i] - 32);
    uint32_t sign = neg ? '-' : f->sign ? '+' : f->blank ? ' ' : 0;
    const char *prefix = "";
    if (f->alt)
        prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o"
                                                                      : "";
    int r;
    if (f->prec > (gp_ssize_t)nd) {
        /* Precision: at least that many digits, zeros in front. */
        size_t extra = (size_t)f->prec - nd;
        char *p = malloc(extra + nd + 1);
        if (!p) {
            free(heap);
            gp_err_nomemory();
            return -1;
        }
        memset(p, '0', extra);
        memcpy(p + extra, digits, nd);
        r = pct_emit(w, f, sign, prefix, NULL, 0, 0, p,
                     (gp_ssize_t)(extra + nd), 1);
        free(p);
    } else if (!sign && !*prefix && f->width <= (gp_ssize_t)nd) {
        r = wr_latin1(w, digits, (gp_ssize_t)nd);
    } else {
        r = pct_emit(w, f, sign, prefix, NULL, 0, 0, digits, (gp_ssize_t)nd, 1);
    }
    free(heap);
    return r;
wrongtype:
    gp_err_format(&gp_exc_TypeError,
                  (conv == 'x' || conv == 'X' || conv == 'o')
                      ? "%%%c format: an integer is required, not %s"
                      : "%%%c format: a real number is required, not %s",
                  (int)conv, tname(v));
    return -1;
}

static int pct_float(wr_t *w, const pctflags_t *f, uint32_t conv, gp_obj_t *v)
{
    double x;
    if (GP_FLOAT_CHECK_EXACT(v)) {
        x = gp_float_value(v);
    } else {
        x = gp_float_as_double(v);
        if (x == -1.0 && gp_err_occurred())
            return -1;
    }
    char spec[40];
    int n = 0;
    if (f->sign)
        spec[n++] = '+';
    else if (f->blank)
        spec[n++] = ' ';
    if (f->alt)
        spec[n++] = '#';
    n += snprintf(spec + n, sizeof spec - (size_t)n, ".%zd%c",
                  f->prec < 0 ? (gp_ssize_t)6 : f->prec, (char)conv);
    gp_fspec_t fs;
    gp_fspec_error_t err;
    memset(&err, 0, sizeof err);
    char *out;
    size_t outlen;
    if (gp_fspec_parse(spec, (size_t)n, GP_FSPEC_FLOAT, "float", &fs, &err) < 0 ||
        gp_format_float(x, &fs, "float", &out, &outlen, &err) < 0) {
        gp_fspec_raise(&err);
        return -1;
    }
    uint32_t sign = 0;
    gp_ssize_t start = 0;
    if (outlen > 0 && (out[0] == '-' || out[0] == '+' || out[0] == ' ')) {
        sign = (uint32_t)out[0];
        start = 1;
    }
    int r = pct_emit(w, f, sign, "", NULL, 0, 0, out + start,
                     (gp_ssize_t)outlen - start, 1);
    free(out);
    return r;
}

static int pct_char(wr_t *w, const pctflags_t *f, gp_obj_t *v)
{
    uint32_t c;
    if (GP_STR_CHECK(v)) {
        if (LEN(v) != 1)
            goto bad;
        c = gp_str_read(v, 0);
    } else if (GP_INT_CHECK(v) || gp_index_check(v)) {
        gp_obj_t *i = gp_number_index(v);
        if (!i)
            return -1;
        int ovf = 0;
        int64_t x = gp_int_as_i64_overflow(i, &ovf);
        GP_DECREF(i);
        if (ovf || x < 0 || x > 0x10ffff) {
            gp_err_format(&gp_exc_OverflowError,
                          "%%c arg not in range(0x110000)");
            return -1;
        }
        c = (uint32_t)x;
    } else {
        goto bad;
    }
    if (f->width <= 1)
        return wr_char(w, c);
    gp_obj_t *s = gp_str_from_char(c);
    if (!s)
        return -1;
    int r = pct_emit(w, f, 0, "", s, 0, 1, NULL, 0, 0);
    GP_DECREF(s);
    return r;
bad:
    gp_err_format(&gp_exc_TypeError, "%%c requires int or char");
    return -1;
}

/* Parse a '*' or decimal width/precision. */
static int pct_star(pctctx_t *c, gp_ssize_t *out)
{
    gp_obj_t *v = next_arg(c);
    if (!v)
        return -1;
    if (!GP_INT_CHECK(v)) {
        gp_err_format(&gp_exc_TypeError, "* wants int");
        return -1;
    }
    int ovf = 0;
    int64_t x = gp_int_as_i64_overflow(v, &ovf);
    if (ovf || x > PTRDIFF_MAX || x < -PTRDIFF_MAX) {
        gp_err_format(&gp_exc_ValueError, "width too big");
        return -1;
    }
    *out = (gp_ssize_t)x;
    return 0;
}

gp_obj_t *gp_str_mod(gp_obj_t *fmt, gp_obj_t *args)
{
    pctctx_t c;
    c.args = args;
    if (GP_TUPLE_CHECK(args)) {
        c.arglen = GP_SIZE(args);
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    gp_mapping_methods_t *mp = GP_TYPE(args)->as_mapping;
    c.dict = (mp && mp->subscript && !GP_TUPLE_CHECK(args) &&
              !GP_STR_CHECK(args)) ? args : NULL;
    gp_ssize_t n = LEN(fmt), i = 0;
    int kind = GP_STR_KIND(fmt);
    const void *d = GP_STR_DATA(fmt);
    wr_t b;
    wr_init(&b);
    gp_obj_t *tmp = NULL;       /* a value fetched by key */
    while (i < n) {
        gp_ssize_t j = gp_str_find_char(fmt, '%', i, n);
        if (j < 0)
            j = n;
        if (j > i && wr_substr(&b, fmt, i, j) < 0)
            goto fail;
        if (j >= n)
            break;
        i = j + 1;
        if (i >= n) {
            gp_err_format(&gp_exc_ValueError, "incomplete format");
            goto fail;
        }
        uint32_t ch = gp_str_get(kind, d, i);
        if (ch == '%') {
            if (wr_char(&b, '%') < 0)
                goto fail;
            i++;
            continue;
        }
        gp_obj_t *v = NULL;
        if (ch == '(') {
            if (!c.dict) {
                gp_err_format(&gp_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            gp_ssize_t depth = 1, ks = ++i;
            while (i < n && depth > 0) {
                uint32_t k = gp_str_get(kind, d, i);
                if (k == ')')
                    depth--;
                else if (k == '(')
                    depth++;
                i++;
            }
            if (depth > 0) {
                gp_err_format(&gp_exc_ValueError, "incomplete format key");
                goto fail;
            }
            gp_obj_t *key = gp_str_substring(fmt, ks, i - 1);
            if (!key)
                goto fail;
            GP_CLEAR(tmp);
            tmp = gp_getitem(c.dict, key);
            GP_DECREF(key);
            if (!tmp)
                goto fail;
            /* The value is the argument now, and it is used up. */
            v = tmp;
            c.args = tmp;
            c.arglen = -1;
            c.argidx = -1;
        }
        pctflags_t f = {0, 0, 0, 0, 0, -1, -1};
        for (; i < n; i++) {
            ch = gp_str_get(kind, d, i);
            if (ch == '-') f.ljust = 1;
            else if (ch == '+') f.sign = 1;
            else if (ch == ' ') f.blank = 1;
            else if (ch == '#') f.alt = 1;
            else if (ch == '0') f.zero = 1;
            else break;
        }
        if (i < n && gp_str_get(kind, d, i) == '*') {
            if (pct_star(&c, &f.width) < 0)
                goto fail;
            if (f.width < 0) {
                f.ljust = 1;
                f.width = -f.width;
            }
            i++;
        } else {
            while (i < n && (ch = gp_str_get(kind, d, i)) >= '0' && ch <= '9') {
                gp_ssize_t dg = ch - '0';
                if (f.width < 0)
                    f.width = 0;
                if (f.width > (PTRDIFF_MAX - dg) / 10) {
                    gp_err_format(&gp_exc_ValueError, "width too big");
                    goto fail;
                }
                f.width = f.width * 10 + dg;
                i++;
            }
        }
        if (i < n && gp_str_get(kind, d, i) == '.') {
            i++;
            f.prec = 0;
            if (i < n && gp_str_get(kind, d, i) == '*') {
                if (pct_star(&c, &f.prec) < 0)
                    goto fail;
                if (f.prec < 0)
                    f.prec = 0;
                i++;
            } else {
                while (i < n && (ch = gp_str_get(kind, d, i)) >= '0' &&
                       ch <= '9') {
                    gp_ssize_t dg = ch - '0';
                    if (f.prec > (INT_MAX - dg) / 10) {
                        gp_err_format(&gp_exc_ValueError,
                                      "precision too big");
                        goto fail;
                    }
                    f.prec = f.prec * 10 + dg;
                    i++;
                }
            }
        }
        while (i < n && ((ch = gp_str_get(kind, d, i)) == 'h' || ch == 'l' ||
                         ch == 'L'))
            i++;
        if (i >= n) {
            gp_err_format(&gp_exc_ValueError, "incomplete format");
            goto fail;
        }
        ch = gp_str_get(kind, d, i++);
        if (!v && !(v = next_arg(&c)))
            goto fail;
        int r;
        switch (ch) {
        case 's': case 'r': case 'a': {
            gp_obj_t *s;
            if (ch == 's' && GP_STR_CHECK_EXACT(v) && f.width < 0 && f.prec < 0) {
                r = wr_str(&b, v);
                break;
            }
            if (ch == 's')
                s = GP_STR_CHECK_EXACT(v) ? gp_newref(v) : gp_str(v);
            else if (ch == 'r')
                s = gp_repr(v);
            else
                s = gp_ascii(v);
            if (!s)
                goto fail;
            gp_ssize_t end = LEN(s);
            if (f.prec >= 0 && f.prec < end)
                end = f.prec;
            if (f.width <= end)
                r = wr_substr(&b, s, 0, end);
            else
                r = pct_emit(&b, &f, 0, "", s, 0, end, NULL, 0, 0);
            GP_DECREF(s);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            r = pct_int(&b, &f, ch == 'i' || ch == 'u' ? 'd' : ch, v);
            if (r < 0 && (ch == 'i' || ch == 'u') &&
                gp_err_matches(&gp_exc_TypeError)) {
                /* The message names the conversion as written. */
                gp_err_clear();
                gp_err_format(&gp_exc_TypeError,
                              "%%%c format: a real number is required, not %s",
                              (int)ch, tname(v));
            }
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            r = pct_float(&b, &f, ch, v);
            break;
        case 'c':
            r = pct_char(&b, &f, v);
            break;
        default:
            gp_err_format(&gp_exc_ValueError,
                          "unsupported format character '%c' (0x%x) at "
                          "index %zd", (ch >= 32 && ch <= 126) ? (int)ch : '?',
                          (unsigned)ch, i - 1);
            r = -1;
            break;
        }
        if (r < 0)
            goto fail;
    }
    if (c.argidx < c.arglen && !c.dict) {
        gp_err_format(&gp_exc_TypeError,
                      "not all arguments converted during string formatting");
        goto fail;
    }
    GP_XDECREF(tmp);
    return wr_finish(&b);
fail:
    GP_XDECREF(tmp);
    wr_discard(&b);
    return NULL;
}

/* ---- str.format ------------------------------------------------------- */

typedef struct {
    gp_obj_t *const *args;      /* positional (borrowed); NULL for format_map */
    gp_ssize_t nargs;
    gp_obj_t *const *kwvals;    /* keyword values matching kwnames */
    gp_obj_t *kwnames;          /* tuple or NULL */
    gp_obj_t *mapping;          /* format_map's mapping, or NULL */
    int auto_state;             /* 0 unknown, 1 auto, 2 manual */
    gp_ssize_t auto_next;
} fmtctx_t;

static gp_obj_t *fmt_value_error(const char *msg)
{
    return gp_err_format(&gp_exc_ValueError, "%s", msg);
}

/* The decimal value of s[a:b] if it is all digits, -1 if it is not, -2
** with ValueError on overflow. */
static gp_ssize_t field_int(gp_obj_t *s, gp_ssize_t a, gp_ssize_t b)
{
    if (a >= b)
        return -1;
    gp_ssize_t v = 0;
    for (gp_ssize_t i = a; i < b; i++) {
        uint32_t c = gp_str_read(s, i);
        if (c < '0' || c > '9')
            return -1;
        if (v > (PTRDIFF_MAX - (gp_ssize_t)(c - '0')) / 10) {
            fmt_value_error("Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

static gp_obj_t *kw_lookup(fmtctx_t *c, gp_obj_t *key)
{
    if (c->mapping)
        return gp_getitem(c->mapping, key);
    if (c->kwnames)
        for (gp_ssize_t i = 0; i < GP_SIZE(c->kwnames); i++)
            if (gp_str_eq(GP_TUPLE_GET(c->kwnames, i), key))
                return gp_newref(c->kwvals[i]);
    gp_err_set(&gp_exc_KeyError, key);
    return NULL;
}

/* The object a field name s[a:b] names (new reference). */
static gp_obj_t *get_field(fmtctx_t *c, gp_obj_t *s, gp_ssize_t a,
                           gp_ssize_t b)
{
    gp_ssize_t i = a;
    while (i < b) {
        uint32_t ch = gp_str_read(s, i);
        if (ch == '.' || ch == '[')
            break;
        i++;
    }
    gp_obj_t *obj;
    gp_ssize_t idx = field_int(s, a, i);
    if (idx == -2)
        return NULL;
    if (a == i || idx >= 0) {
        if (c->mapping && !c->args)
            return fmt_value_error("Format string contains positional fields");
        if (a == i) {
            if (c->auto_state == 2)
                return fmt_value_error("cannot switch from manual field "
                                       "specification to automatic field "
                                       "numbering");
            c->auto_state = 1;
            idx = c->auto_next++;
        } else {
            if (c->auto_state == 1)
                return fmt_value_error("cannot switch from automatic field "
                                       "numbering to manual field "
                                       "specification");
            c->auto_state = 2;
        }
        if (idx >= c->nargs)
            return gp_err_format(&gp_exc_IndexError,
                                 "Replacement index %zd out of range for "
                                 "positional args tuple", idx);
        obj = gp_newref(c->args[idx]);
    } else {
        gp_obj_t *key = gp_str_substring(s, a, i);
        if (!key)
            return NULL;
        obj = kw_lookup(c, key);
        GP_DECREF(key);
        if (!obj)
            return NULL;
    }
    while (i < b) {
        uint32_t ch = gp_str_read(s, i++);
        gp_ssize_t st = i;
        gp_obj_t *next;
        if (ch == '.') {
            while (i < b) {
                uint32_t k = gp_str_read(s, i);
                if (k == '.' || k == '[')
                    break;
                i++;
            }
            if (i == st) {
                GP_DECREF(obj);
                return fmt_value_error("Empty attribute in format string");
            }
            gp_obj_t *name = gp_str_substring(s, st, i);
            if (!name) {
                GP_DECREF(obj);
                return NULL;
            }
            next = gp_getattr(obj, name);
            GP_DECREF(name);
        } else if (ch == '[') {
            while (i < b && gp_str_read(s, i) != ']')
                i++;
            if (i >= b) {
                GP_DECREF(obj);
                return fmt_value_error("Missing ']' in format string");
            }
            if (i == st) {
                GP_DECREF(obj);
                return fmt_value_error("Empty attribute in format string");
            }
            gp_ssize_t k = field_int(s, st, i);
            gp_obj_t *key;
            if (k == -2) {
                GP_DECREF(obj);
                return NULL;
            }
            key = k >= 0 ? gp_int_from_ssize(k) : gp_str_substring(s, st, i);
            i++;        /* past ']' */
            if (!key) {
                GP_DECREF(obj);
                return NULL;
            }
            next = gp_getitem(obj, key);
            GP_DECREF(key);
        } else {
            GP_DECREF(obj);
            return fmt_value_error("Only '.' or '[' may follow ']' in format "
                                   "field specifier");
        }
        GP_DECREF(obj);
        if (!next)
            return NULL;
        obj = next;
    }
    return obj;
}

static int build_format(fmtctx_t *c, gp_obj_t *s, gp_ssize_t start,
                        gp_ssize_t end, int depth, wr_t *out);

/* Format one field: name s[na:nb], conversion conv (0 none), spec
** s[sa:sb] (expanded first when expand). */
static int render_field(fmtctx_t *c, gp_obj_t *s, gp_ssize_t na,
                        gp_ssize_t nb, uint32_t conv, gp_ssize_t sa,
                        gp_ssize_t sb, int expand, int depth,
                        wr_t *out)
{
    gp_obj_t *obj = get_field(c, s, na, nb);
    if (!obj)
        return -1;
    if (conv) {
        gp_obj_t *t;
        switch (conv) {
        case 'r': t = gp_repr(obj); break;
        case 's': t = gp_str(obj); break;
        case 'a': t = gp_ascii(obj); break;
        default:
            GP_DECREF(obj);
            if (conv > 32 && conv < 127)
                gp_err_format(&gp_exc_ValueError,
                              "Unknown conversion specifier %c", (int)conv);
            else
                gp_err_format(&gp_exc_ValueError,
                              "Unknown conversion specifier \\x%x",
                              (unsigned)conv);
            return -1;
        }
        GP_DECREF(obj);
        if (!t)
            return -1;
        obj = t;
    }
    gp_obj_t *spec;
    if (expand) {
        wr_t sbuf;
        wr_init(&sbuf);
        if (build_format(c, s, sa, sb, depth - 1, &sbuf) < 0) {
            wr_discard(&sbuf);
            GP_DECREF(obj);
            return -1;
        }
        spec = wr_finish(&sbuf);
    } else {
        spec = gp_str_substring(s, sa, sb);
    }
    if (!spec) {
        GP_DECREF(obj);
        return -1;
    }
    gp_obj_t *r;
    if (LEN(spec) == 0 && GP_STR_CHECK_EXACT(obj))
        r = gp_newref(obj);
    else
        r = gp_format(obj, spec);
    GP_DECREF(spec);
    GP_DECREF(obj);
    if (!r)
        return -1;
    int rc = wr_str(out, r);
    GP_DECREF(r);
    return rc;
}

static int build_format(fmtctx_t *c, gp_obj_t *s, gp_ssize_t start,
                        gp_ssize_t end, int depth, wr_t *out)
{
    if (depth <= 0) {
        fmt_value_error("Max string recursion exceeded");
        return -1;
    }
    gp_ssize_t i = start;
    while (i < end) {
        /* Literal text up to the next brace. */
        gp_ssize_t lit = i;
        uint32_t ch = 0;
        int markup = 0;
        while (i < end) {
            ch = gp_str_read(s, i++);
            if (ch == '{' || ch == '}') {
                markup = 1;
                break;
            }
        }
        int at_end = i >= end;
        gp_ssize_t litend = i;
        if (ch == '}' && markup && (at_end || gp_str_read(s, i) != '}')) {
            fmt_value_error("Single '}' encountered in format string");
            return -1;
        }
        if (at_end && markup && ch == '{') {
            fmt_value_error("Single '{' encountered in format string");
            return -1;
        }
        if (markup && !at_end) {
            if (gp_str_read(s, i) == ch) {
                i++;            /* doubled brace: literal */
                markup = 0;
            } else {
                litend--;
            }
        }
        if (litend > lit && wr_substr(out, s, lit, litend) < 0)
            return -1;
        if (!markup)
            continue;
        /* The field: name up to ':' '!' or '}'. */
        gp_ssize_t na = i, nb;
        uint32_t conv = 0;
        gp_ssize_t sa = 0, sb = 0;
        int expand = 0;
        ch = 0;
        while (i < end) {
            ch = gp_str_read(s, i++);
            if (ch == '{') {
                fmt_value_error("unexpected '{' in field name");
                return -1;
            }
            if (ch == '[') {
                while (i < end && gp_str_read(s, i) != ']')
                    i++;
                continue;
            }
            if (ch == '}' || ch == ':' || ch == '!')
                break;
        }
        nb = i - 1;
        if (ch == '!' || ch == ':') {
            int done = 0;
            if (ch == '!') {
                if (i >= end) {
                    fmt_value_error("end of string while looking for "
                                    "conversion specifier");
                    return -1;
                }
                conv = gp_str_read(s, i++);
                if (i < end) {
                    uint32_t k = gp_str_read(s, i++);
                    if (k == '}')
                        done = 1;
                    else if (k != ':') {
                        fmt_value_error("expected ':' after conversion "
                                        "specifier");
                        return -1;
                    }
                }
            }
            if (!done) {
                sa = i;
                int count = 1;
                while (i < end) {
                    uint32_t k = gp_str_read(s, i++);
                    if (k == '{') {
                        expand = 1;
                        count++;
                    } else if (k == '}') {
                        if (--count == 0)
                            break;
                    }
                }
                if (count != 0) {
                    fmt_value_error("unmatched '{' in format spec");
                    return -1;
                }
                sb = i - 1;
            }
        } else if (ch != '}') {
            fmt_value_error("expected '}' before end of string");
            return -1;
        }
        if (render_field(c, s, na, nb, conv, sa, sb, expand, depth, out) < 0)
            return -1;
    }
    return 0;
}

gp_obj_t *gp_str_format(gp_obj_t *fmt, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    fmtctx_t c = {args, nargs, nargs ? args + nargs : args, kwnames, NULL,
                  0, 0};
    if (kwnames && GP_SIZE(kwnames) == 0)
        c.kwnames = NULL;
    wr_t b;
    wr_init(&b);
    if (build_format(&c, fmt, 0, LEN(fmt), 2, &b) < 0) {
        wr_discard(&b);
        return NULL;
    }
    return wr_finish(&b);
}

gp_obj_t *gp_str_format_map(gp_obj_t *fmt, gp_obj_t *mapping)
{
    fmtctx_t c = {NULL, 0, NULL, NULL, mapping, 0, 0};
    wr_t b;
    wr_init(&b);
    if (build_format(&c, fmt, 0, LEN(fmt), 2, &b) < 0) {
        wr_discard(&b);
        return NULL;
    }
    return wr_finish(&b);
}
