/*
** str_builder.c — building strings piece by piece: the string builder of
** strobj.h (gp_strbuf_*, code points gathered four bytes wide, the result
** made in the narrowest kind at the end) and PyUnicode_FromFormat
** (gp_str_fromformat), which every error message of gilpy goes through.
** Guard: a builder belongs to its caller; the GIL for the objects the
** conversions touch (%S %R %A call str() / repr()).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strobj.h"
#include "abstract.h"
#include "bytesobj.h"
#include "vm/errors.h"

/* ---- the string builder ---------------------------------------------- */

void gp_strbuf_init(gp_strbuf_t *b)
{
    b->buf = NULL;
    b->len = b->cap = 0;
    b->maxchar = 0;
}

static int strbuf_grow(gp_strbuf_t *b, gp_ssize_t extra)
{
    if (b->len + extra <= b->cap)
        return 0;
    if (extra > PTRDIFF_MAX / 8 - b->len) {
        gp_err_nomemory();
        return -1;
    }
    gp_ssize_t cap = b->cap ? b->cap : 32;
    while (cap < b->len + extra)
        cap *= 2;
    uint32_t *nb = realloc(b->buf, (size_t)cap * sizeof(uint32_t));
    if (!nb) {
        gp_err_nomemory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

int gp_strbuf_char(gp_strbuf_t *b, uint32_t cp)
{
    if (b->len == b->cap && strbuf_grow(b, 1) < 0)
        return -1;
    b->buf[b->len++] = cp;
    if (cp > b->maxchar)
        b->maxchar = cp;
    return 0;
}

int gp_strbuf_substr(gp_strbuf_t *b, gp_obj_t *str, gp_ssize_t start,
                     gp_ssize_t end)
{
    if (end > GP_STR_LEN(str))
        end = GP_STR_LEN(str);
    if (start < 0)
        start = 0;
    if (start >= end)
        return 0;
    gp_ssize_t n = end - start;
    if (strbuf_grow(b, n) < 0)
        return -1;
    gp_str_copy(b->buf, 4, b->len, GP_STR_DATA(str), GP_STR_KIND(str),
                start, n);
    uint32_t m = gp_str_maxchar(str, start, end);
    if (m > b->maxchar)
        b->maxchar = m;
    b->len += n;
    return 0;
}

int gp_strbuf_str(gp_strbuf_t *b, gp_obj_t *str)
{
    return gp_strbuf_substr(b, str, 0, GP_STR_LEN(str));
}

int gp_strbuf_utf8(gp_strbuf_t *b, const char *s, gp_ssize_t len)
{
    /* Invalid bytes become U+FFFD ("replace"), as PyUnicode_FromFormat's
    ** %s does. */
    gp_obj_t *t = gp_bytes_decode(s, len, "utf-8", "replace");
    if (!t)
        return -1;
    int r = gp_strbuf_str(b, t);
    GP_DECREF(t);
    return r;
}

int gp_strbuf_cstr(gp_strbuf_t *b, const char *utf8)
{
    size_t n = strlen(utf8);
    const unsigned char *p = (const unsigned char *)utf8;
    size_t i;
    for (i = 0; i < n && p[i] < 128; i++)
        ;
    if (i == n) {
        if (strbuf_grow(b, (gp_ssize_t)n) < 0)
            return -1;
        for (i = 0; i < n; i++) {
            b->buf[b->len++] = p[i];
            if (p[i] > b->maxchar)
                b->maxchar = p[i];
        }
        return 0;
    }
    return gp_strbuf_utf8(b, utf8, (gp_ssize_t)n);
}

gp_obj_t *gp_strbuf_finish(gp_strbuf_t *b)
{
    gp_obj_t *r;
    if (b->len == 0) {
        r = gp_str_empty();
    } else if (b->len == 1) {
        r = gp_str_from_char(b->buf[0]);
    } else {
        r = gp_str_new(b->len, b->maxchar);
        if (r)
            gp_str_copy(GP_STR_DATA(r), GP_STR_KIND(r), 0, b->buf, 4, 0,
                        b->len);
    }
    free(b->buf);
    gp_strbuf_init(b);
    return r;
}

void gp_strbuf_discard(gp_strbuf_t *b)
{
    free(b->buf);
    gp_strbuf_init(b);
}

/* ---- PyUnicode_FromFormat -------------------------------------------- */

/* Append s (a str) with a precision (max code points, -1 none) and a
** width (pad on the left with spaces). */
static int ff_put_str(gp_strbuf_t *b, gp_obj_t *s, gp_ssize_t width,
                      gp_ssize_t prec)
{
    gp_ssize_t n = GP_STR_LEN(s);
    if (prec >= 0 && n > prec)
        n = prec;
    for (gp_ssize_t i = n; i < width; i++)
        if (gp_strbuf_char(b, ' ') < 0)
            return -1;
    return gp_strbuf_substr(b, s, 0, n);
}

static int ff_put_obj(gp_strbuf_t *b, gp_obj_t *(*fn)(gp_obj_t *),
                      gp_obj_t *o, gp_ssize_t width, gp_ssize_t prec)
{
    gp_obj_t *s = fn(o);
    if (!s)
        return -1;
    int r = ff_put_str(b, s, width, prec);
    GP_DECREF(s);
    return r;
}

static int ff_put_cstr(gp_strbuf_t *b, const char *s, gp_ssize_t width,
                       gp_ssize_t prec)
{
    gp_ssize_t n;
    if (prec >= 0) {
        for (n = 0; n < prec && s[n]; n++)
            ;
    } else {
        n = (gp_ssize_t)strlen(s);
    }
    gp_obj_t *t = gp_bytes_decode(s, n, "utf-8", "replace");
    if (!t)
        return -1;
    int r = ff_put_str(b, t, width, -1);
    GP_DECREF(t);
    return r;
}

gp_obj_t *gp_str_fromformatv(const char *fmt, va_list ap)
{
    gp_strbuf_t b;
    va_list va;
    gp_strbuf_init(&b);
    va_copy(va, ap);
    const char *f = fmt;
    while (*f) {
        if (*f != '%') {
            const char *q = f;
            while (*q && *q != '%')
                q++;
            const unsigned char *u = (const unsigned char *)f;
            gp_ssize_t k = 0, n = q - f;
            while (k < n && u[k] < 128)
                k++;
            if (k == n) {
                if (strbuf_grow(&b, n) < 0)
                    goto fail;
                for (k = 0; k < n; k++) {
                    b.buf[b.len++] = u[k];
                    if (u[k] > b.maxchar)
                        b.maxchar = u[k];
                }
            } else if (gp_strbuf_utf8(&b, f, n) < 0) {
                goto fail;
            }
            f = q;
            continue;
        }
        const char *start = f++;
        if (*f == '%') {
            if (gp_strbuf_char(&b, '%') < 0)
                goto fail;
            f++;
            continue;
        }
        int zeropad = 0, left = 0;
        while (*f == '0' || *f == '-') {
            if (*f == '0')
                zeropad = 1;
            else
                left = 1;
            f++;
        }
        gp_ssize_t width = -1, prec = -1;
        if (*f >= '0' && *f <= '9') {
            width = 0;
            while (*f >= '0' && *f <= '9')
                width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            prec = 0;
            while (*f >= '0' && *f <= '9')
                prec = prec * 10 + (*f++ - '0');
        }
        int lng = 0, sz = 0;
        if (*f == 'l') {
            lng = 1;
            f++;
            if (*f == 'l') {
                lng = 2;
                f++;
            }
        } else if (*f == 'z') {
            sz = 1;
            f++;
        }
        char num[64];
        switch (*f) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            /* printf's own rules for flags, width and precision. */
            char spec[40], *sp = spec;
            int conv = *f;
            *sp++ = '%';
            if (left)
                *sp++ = '-';
            if (zeropad)
                *sp++ = '0';
            if (width >= 0)
                sp += snprintf(sp, 12, "%d", (int)(width > 1000 ? 1000 : width));
            if (prec >= 0)
                sp += snprintf(sp, 12, ".%d", (int)(prec > 1000 ? 1000 : prec));
            *sp++ = 'l';
            *sp++ = 'l';
            *sp++ = (char)(conv == 'i' ? 'd' : conv);
            *sp = 0;
            char nbuf[2048];
            if (conv == 'd' || conv == 'i') {
                long long v = sz ? (long long)va_arg(va, gp_ssize_t)
                            : lng == 2 ? va_arg(va, long long)
                            : lng == 1 ? (long long)va_arg(va, long)
                            : (long long)va_arg(va, int);
                snprintf(nbuf, sizeof nbuf, spec, v);
            } else {
                unsigned long long v = sz ? (unsigned long long)va_arg(va, size_t)
                            : lng == 2 ? va_arg(va, unsigned long long)
                            : lng == 1 ? (unsigned long long)va_arg(va, unsigned long)
                            : (unsigned long long)va_arg(va, unsigned int);
                snprintf(nbuf, sizeof nbuf, spec, v);
            }
            if (gp_strbuf_cstr(&b, nbuf) < 0)
                goto fail;
            break;
        }
        case 'c': {
            int c = va_arg(va, int);
            if (c < 0 || c > 0x10ffff) {
                gp_err_format(&gp_exc_OverflowError,
                              "character argument not in range(0x110000)");
                goto fail;
            }
            if (gp_strbuf_char(&b, (uint32_t)c) < 0)
                goto fail;
            break;
        }
        case 'p': {
            void *p = va_arg(va, void *);
            snprintf(num, sizeof num, "%p", p);
            /* Some C libraries leave out the 0x; CPython adds it. */
            if (num[1] != 'x' && num[1] != 'X') {
                memmove(num + 2, num, strlen(num) + 1);
                num[0] = '0';
                num[1] = 'x';
            }
            if (gp_strbuf_cstr(&b, num) < 0)
                goto fail;
            break;
        }
        case 's': {
            const char *s = va_arg(va, const char *);
            if (ff_put_cstr(&b, s ? s : "(null)", width, prec) < 0)
                goto fail;
            break;
        }
        case 'U': {
            gp_obj_t *o = va_arg(va, gp_obj_t *);
            if (ff_put_str(&b, o, width, prec) < 0)
                goto fail;
            break;
        }
        case 'V': {
            gp_obj_t *o = va_arg(va, gp_obj_t *);
            const char *s = va_arg(va, const char *);
            if (o ? ff_put_str(&b, o, width, prec) < 0
                  : ff_put_cstr(&b, s, width, prec) < 0)
                goto fail;
            break;
        }
        case 'S':
            if (ff_put_obj(&b, gp_str, va_arg(va, gp_obj_t *), width, prec) < 0)
                goto fail;
            break;
        case 'R':
            if (ff_put_obj(&b, gp_repr, va_arg(va, gp_obj_t *), width, prec) < 0)
                goto fail;
            break;
        case 'A':
            if (ff_put_obj(&b, gp_ascii, va_arg(va, gp_obj_t *), width, prec) < 0)
                goto fail;
            break;
        default:
            /* Unknown: the rest of the format goes out as it is. */
            if (gp_strbuf_cstr(&b, start) < 0)
                goto fail;
            f = start + strlen(start);
            continue;
        }
        f++;
    }
    va_end(va);
    return gp_strbuf_finish(&b);
fail:
    va_end(va);
    gp_strbuf_discard(&b);
    return NULL;
}

gp_obj_t *gp_str_fromformat(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gp_obj_t *r = gp_str_fromformatv(fmt, ap);
    va_end(ap);
    return r;
}
