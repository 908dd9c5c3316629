/*
** bytes_format.c — bytes % args (PEP 461): %s/%b take bytes-like objects
** or __bytes__, %r/%a ascii(), %c a byte, and the numeric conversions go
** through str's % formatting, whose rules they share.  Mapping keys are
** bytes.  Guard: the GIL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytesobj.h"
#include "abstract.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"

static const char *tname(gp_obj_t *o)
{
    return gp_type_name_cstr(GP_TYPE(o));
}

static void view(gp_obj_t *o, const char **p, gp_ssize_t *n)
{
    if (GP_BYTES_CHECK(o))
        *p = GP_BYTES_DATA(o);
    else
        *p = GP_BYTEARRAY_DATA(o) ? GP_BYTEARRAY_DATA(o) : "";
    *n = GP_SIZE(o);
}

/* ---- bytes % args ------------------------------------------------------------ */

/* One conversion through str's % formatting of a one-item tuple: the
** numeric conversions are the same as str's. */
static int via_str(gp_strbuf_t *unused, char *spec, gp_obj_t *v,
                   char **out, gp_ssize_t *outlen)
{
    gp_obj_t *f = gp_str_from_cstr(spec);
    if (!f)
        return -1;
    gp_obj_t *t = gp_tuple_pack(1, v);
    if (!t) {
        GP_DECREF(f);
        return -1;
    }
    gp_obj_t *s = gp_str_mod(f, t);
    GP_DECREF(f);
    GP_DECREF(t);
    if (!s)
        return -1;
    gp_ssize_t n;
    const char *u = gp_str_utf8(s, &n);
    if (!u) {
        GP_DECREF(s);
        return -1;
    }
    *out = malloc((size_t)n + 1);
    if (!*out) {
        GP_DECREF(s);
        gp_err_nomemory();
        return -1;
    }
    memcpy(*out, u, (size_t)n);
    *outlen = n;
    GP_DECREF(s);
    return 0;
}

typedef struct {
    char *p;
    gp_ssize_t len, cap;
} bbuf_t;

static int bb_put(bbuf_t *b, const char *s, gp_ssize_t n)
{
    if (b->len + n + 1 > b->cap) {
        gp_ssize_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *np = realloc(b->p, (size_t)cap);
        if (!np) {
            gp_err_nomemory();
            return -1;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

static int bb_padded(bbuf_t *b, const char *s, gp_ssize_t n, gp_ssize_t width,
                     int ljust)
{
    gp_ssize_t fill = width > n ? width - n : 0;
    for (gp_ssize_t i = 0; !ljust && i < fill; i++)
        if (bb_put(b, " ", 1) < 0)
            return -1;
    if (bb_put(b, s, n) < 0)
        return -1;
    for (gp_ssize_t i = 0; ljust && i < fill; i++)
        if (bb_put(b, " ", 1) < 0)
            return -1;
    return 0;
}

gp_obj_t *gp_bytes_mod(gp_obj_t *fmt, gp_obj_t *args)
{
    const char *f;
    gp_ssize_t n;
    view(fmt, &f, &n);
    gp_ssize_t arglen = -1, argidx = -2;
    if (GP_TUPLE_CHECK(args)) {
        arglen = GP_SIZE(args);
        argidx = 0;
    }
    gp_mapping_methods_t *mp = GP_TYPE(args)->as_mapping;
    gp_obj_t *dict = (mp && mp->subscript && !GP_TUPLE_CHECK(args) &&
                      !GP_BYTES_CHECK(args) && !GP_BYTEARRAY_CHECK(args) &&
                      !GP_STR_CHECK(args)) ? args : NULL;
    bbuf_t b = {NULL, 0, 0};
    gp_obj_t *keyed = NULL;
    gp_ssize_t i = 0;
    while (i < n) {
        const char *q = memchr(f + i, '%', (size_t)(n - i));
        gp_ssize_t j = q ? q - f : n;
        if (j > i && bb_put(&b, f + i, j - i) < 0)
            goto fail;
        if (j >= n)
            break;
        i = j + 1;
        if (i >= n) {
            gp_err_format(&gp_exc_ValueError, "incomplete format");
            goto fail;
        }
        if (f[i] == '%') {
            if (bb_put(&b, "%", 1) < 0)
                goto fail;
            i++;
            continue;
        }
        gp_obj_t *v = NULL;
        if (f[i] == '(') {
            if (!dict) {
                gp_err_format(&gp_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            gp_ssize_t depth = 1, ks = ++i;
            while (i < n && depth > 0) {
                if (f[i] == ')')
                    depth--;
                else if (f[i] == '(')
                    depth++;
                i++;
            }
            if (depth > 0) {
                gp_err_format(&gp_exc_ValueError, "incomplete format key");
                goto fail;
            }
            gp_obj_t *key = gp_bytes_from(f + ks, i - 1 - ks);
            if (!key)
                goto fail;
            GP_XDECREF(keyed);
            keyed = gp_getitem(dict, key);
            GP_DECREF(key);
            if (!keyed)
                goto fail;
            v = keyed;
            arglen = -1;
            argidx = -2;
        }
        /* Flags, width and precision, kept as text for str's %. */
        char spec[64];
        int sp = 0, ljust = 0;
        spec[sp++] = '%';
        gp_ssize_t width = -1, prec = -1;
        while (i < n && strchr("-+ #0", f[i])) {
            if (f[i] == '-')
                ljust = 1;
            if (sp < 10)
                spec[sp++] = f[i];
            i++;
        }
        for (int star = 0; star < 2; star++) {
            gp_ssize_t *target = star ? &prec : &width;
            if (star) {
                if (i >= n || f[i] != '.')
                    break;
                i++;
                prec = 0;
            }
            if (i < n && f[i] == '*') {
                gp_obj_t *w;
                if (argidx < arglen) {
                    w = arglen < 0 ? args : GP_TUPLE_GET(args, argidx);
                    argidx = arglen < 0 ? -1 : argidx + 1;
                } else {
                    gp_err_format(&gp_exc_TypeError,
                                  "not enough arguments for format string");
                    goto fail;
                }
                if (!GP_INT_CHECK(w)) {
                    gp_err_format(&gp_exc_TypeError, "* wants int");
                    goto fail;
                }
                *target = gp_int_as_ssize(w);
                if (*target == -1 && gp_err_occurred())
                    goto fail;
                if (!star && *target < 0) {
                    ljust = 1;
                    *target = -*target;
                    spec[sp++] = '-';
                }
                if (star && *target < 0)
                    *target = 0;
                i++;
            } else {
                gp_ssize_t val = 0;
                int any = 0;
                while (i < n && f[i] >= '0' && f[i] <= '9') {
                    val = val * 10 + (f[i++] - '0');
                    any = 1;
                    if (val > 100000000) {
                        gp_err_format(&gp_exc_ValueError, star
                                      ? "precision too big" : "width too big");
                        goto fail;
                    }
                }
                if (any || star)
                    *target = val;
            }
        }
        if (width >= 0)
            sp += snprintf(spec + sp, sizeof spec - (size_t)sp, "%zd", width);
        if (prec >= 0)
            sp += snprintf(spec + sp, sizeof spec - (size_t)sp, ".%zd", prec);
        while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
            i++;
        if (i >= n) {
            gp_err_format(&gp_exc_ValueError, "incomplete format");
            goto fail;
        }
        char conv = f[i++];
        if (!v) {
            if (argidx < arglen) {
                v = arglen < 0 ? args : GP_TUPLE_GET(args, argidx);
                argidx = arglen < 0 ? -1 : argidx + 1;
            } else {
                gp_err_format(&gp_exc_TypeError,
                              "not enough arguments for format string");
                goto fail;
            }
        }
        switch (conv) {
        case 's': case 'b': {
            const char *p;
            gp_ssize_t m;
            gp_obj_t *tmp = NULL;
            if (GP_BYTES_CHECK(v) || GP_BYTEARRAY_CHECK(v)) {
                gp_bytes_view(v, &p, &m);
            } else if (gp_type_lookup(GP_TYPE(v), GP_ID(__bytes__)) &&
                       (tmp = gp_call_method(v, GP_ID(__bytes__), 0)) &&
                       GP_BYTES_CHECK(tmp)) {
                gp_bytes_view(tmp, &p, &m);
            } else {
                if (!tmp && gp_err_occurred())
                    goto fail;
                GP_XDECREF(tmp);
                gp_err_format(&gp_exc_TypeError,
                              "%%b requires a bytes-like object, or an object "
                              "that implements __bytes__, not '%s'", tname(v));
                goto fail;
            }
            if (prec >= 0 && prec < m)
                m = prec;
            int r = bb_padded(&b, p, m, width, ljust);
            GP_XDECREF(tmp);
            if (r < 0)
                goto fail;
            break;
        }
        case 'r': case 'a': {
            gp_obj_t *s = gp_ascii(v);
            if (!s)
                goto fail;
            gp_ssize_t m = GP_STR_LEN(s);
            const char *u = gp_str_utf8(s, NULL);
            if (prec >= 0 && prec < m)
                m = prec;
            int r = u ? bb_padded(&b, u, m, width, ljust) : -1;
            GP_DECREF(s);
            if (r < 0)
                goto fail;
            break;
        }
        case 'c': {
            char c;
            if (GP_BYTES_CHECK(v) || GP_BYTEARRAY_CHECK(v)) {
                if (GP_SIZE(v) != 1) {
                    gp_err_format(&gp_exc_TypeError,
                                  "%%c requires an integer in range(256) or "
                                  "a single byte");
                    goto fail;
                }
                const char *p;
                gp_ssize_t m;
                gp_bytes_view(v, &p, &m);
                c = p[0];
            } else if (GP_INT_CHECK(v) || gp_index_check(v)) {
                gp_obj_t *iv = gp_number_index(v);
                if (!iv)
                    goto fail;
                int ovf = 0;
                int64_t x = gp_int_as_i64_overflow(iv, &ovf);
                GP_DECREF(iv);
                if (ovf || x < 0 || x > 255) {
                    gp_err_format(&gp_exc_OverflowError,
                                  "%%c arg not in range(256)");
                    goto fail;
                }
                c = (char)x;
            } else {
                gp_err_format(&gp_exc_TypeError,
                              "%%c requires an integer in range(256) or a "
                              "single byte");
                goto fail;
            }
            if (bb_padded(&b, &c, 1, width, ljust) < 0)
                goto fail;
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            spec[sp++] = conv;
            spec[sp] = 0;
            char *out;
            gp_ssize_t outlen;
            if (via_str(NULL, spec, v, &out, &outlen) < 0)
                goto fail;
            int r = bb_put(&b, out, outlen);
            free(out);
            if (r < 0)
                goto fail;
            break;
        }
        default:
            gp_err_format(&gp_exc_ValueError,
                          "unsupported format character '%c' (0x%x) at index "
                          "%zd", (conv >= 32 && conv <= 126) ? conv : '?',
                          (unsigned)(unsigned char)conv, i - 1);
            goto fail;
        }
    }
    if (argidx < arglen && !dict) {
        gp_err_format(&gp_exc_TypeError,
                      "not all arguments converted during bytes formatting");
        goto fail;
    }
    GP_XDECREF(keyed);
    gp_obj_t *r = gp_bytes_from(b.p ? b.p : "", b.len);
    free(b.p);
    return r;
fail:
    GP_XDECREF(keyed);
    free(b.p);
    return NULL;
}
