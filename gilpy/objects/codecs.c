/*
** codecs.c — the text codecs: UTF-8, ASCII and Latin-1 (with their
** CPython aliases) in both directions, the error handlers strict, ignore,
** replace, surrogatepass, surrogateescape, backslashreplace and
** xmlcharrefreplace (encoding), and the UnicodeEncodeError /
** UnicodeDecodeError they raise, with CPython's ranges and reasons.
** Also str's UTF-8 constructors and the UTF-8 encoder behind its cache.
** Guard: none of its own; the functions raise through the calling
** thread's state (the GIL held).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strobj.h"
#include "bytesobj.h"
#include "listobj.h"
#include "numobj.h"
#include "vm/errors.h"

/* ---- names ----------------------------------------------------------- */

/* Lower-case, every run of other characters than letters and digits
** made one '_', no '_' at either end: the form CPython's encodings
** package looks its aliases up by. */
static void normalize(const char *in, char *out, size_t outsz)
{
    size_t j = 0;
    int pending = 0;
    for (; *in && j + 2 < outsz; in++) {
        unsigned char c = (unsigned char)*in;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            (c >= 'A' && c <= 'Z')) {
            if (pending && j)
                out[j++] = '_';
            pending = 0;
            out[j++] = (char)(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
        } else {
            pending = 1;
        }
    }
    out[j] = 0;
}

static const char *const utf8_names[] = {
    "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", NULL
};
static const char *const latin1_names[] = {
    "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859",
    "cp819", "iso_ir_100", "iso_8859_1_1987", "ibm819", "csisolatin1",
    "iso8859", NULL
};
static const char *const ascii_names[] = {
    "ascii", "us_ascii", "646", "ansi_x3_4_1968", "ansi_x3_4_1986",
    "cp367", "csascii", "ibm367", "iso646_us", "iso_646_irv_1991",
    "iso_ir_6", "us", NULL
};

static int in_list(const char *n, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(n, *list) == 0)
            return 1;
    return 0;
}

int gp_codec_lookup(const char *encoding)
{
    char n[64];
    /* The usual spellings first, without normalising. */
    if (strcmp(encoding, "utf-8") == 0 || strcmp(encoding, "utf8") == 0)
        return GP_ENC_UTF8;
    normalize(encoding, n, sizeof n);
    if (strlen(encoding) < 60) {
        if (in_list(n, utf8_names))
            return GP_ENC_UTF8;
        if (in_list(n, latin1_names))
            return GP_ENC_LATIN1;
        if (in_list(n, ascii_names))
            return GP_ENC_ASCII;
    }
    gp_err_format(&gp_exc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

const char *gp_codec_name(int enc)
{
    return enc == GP_ENC_UTF8 ? "utf-8" : enc == GP_ENC_ASCII ? "ascii"
                                                              : "latin-1";
}

enum {
    EH_STRICT, EH_IGNORE, EH_REPLACE, EH_SURROGATEPASS, EH_SURROGATEESCAPE,
    EH_BACKSLASHREPLACE, EH_XMLCHARREFREPLACE, EH_NAMEREPLACE, EH_UNKNOWN
};

static int error_handler(const char *errors)
{
    static const char *const names[] = {
        "strict", "ignore", "replace", "surrogatepass", "surrogateescape",
        "backslashreplace", "xmlcharrefreplace", "namereplace"
    };
    if (!errors)
        return EH_STRICT;
    for (int i = 0; i < EH_UNKNOWN; i++)
        if (strcmp(errors, names[i]) == 0)
            return i;
    return EH_UNKNOWN;
}

static void unknown_handler(const char *errors)
{
    gp_err_format(&gp_exc_LookupError, "unknown error handler name '%s'",
                  errors);
}

/* ---- exceptions ------------------------------------------------------ */

static void raise_unicode_error(gp_type_t *type, const char *encoding,
                                gp_obj_t *obj, gp_ssize_t start,
                                gp_ssize_t end, const char *reason)
{
    gp_obj_t *enc = gp_str_from_cstr(encoding);
    gp_obj_t *st = gp_int_from_ssize(start);
    gp_obj_t *en = gp_int_from_ssize(end);
    gp_obj_t *re = gp_str_from_cstr(reason);
    if (enc && st && en && re) {
        gp_obj_t *args = gp_tuple_pack(5, enc, obj, st, en, re);
        if (args) {
            gp_err_set(type, args);
            GP_DECREF(args);
        }
    }
    GP_XDECREF(enc);
    GP_XDECREF(st);
    GP_XDECREF(en);
    GP_XDECREF(re);
}

void gp_err_unicode_encode(const char *encoding, gp_obj_t *o,
                           gp_ssize_t start, gp_ssize_t end,
                           const char *reason)
{
    raise_unicode_error(&gp_exc_UnicodeEncodeError, encoding, o, start, end,
                        reason);
}

static void raise_decode(const char *encoding, const char *s, gp_ssize_t n,
                         gp_ssize_t start, gp_ssize_t end, const char *reason)
{
    gp_obj_t *b = gp_bytes_from(s, n);
    if (!b)
        return;
    raise_unicode_error(&gp_exc_UnicodeDecodeError, encoding, b, start, end,
                        reason);
    GP_DECREF(b);
}

/* ---- UTF-8 decoding --------------------------------------------------- */

#define IS_CONT(c) (((c) & 0xc0) == 0x80)

enum {
    U8_INVALID_START = -1,
    U8_CONT1 = -2,      /* invalid continuation: the range is start+1 */
    U8_CONT2 = -3,      /* ... start+2 */
    U8_CONT3 = -4,      /* ... start+3 */
    U8_END = -5,        /* unexpected end of data: the range runs to n */
};

/* Decode the sequence at s[i] (s[i] >= 0x80): the code point, with *adv
** its length, or a U8_* error.  CPython's decoder decides which bytes an
** error covers exactly this way (the longest valid prefix). */
static int32_t utf8_step(const uint8_t *s, gp_ssize_t i, gp_ssize_t n,
                         int *adv)
{
    uint32_t c = s[i];
    gp_ssize_t left = n - i;
    if (c < 0xc2)
        return U8_INVALID_START;
    if (c < 0xe0) {
        if (left < 2)
            return U8_END;
        if (!IS_CONT(s[i + 1]))
            return U8_CONT1;
        *adv = 2;
        return (int32_t)(((c & 0x1f) << 6) | (s[i + 1] & 0x3f));
    }
    if (c < 0xf0) {
        if (left < 3) {
            if (left >= 2) {
                uint32_t c2 = s[i + 1];
                if (!IS_CONT(c2) || (c2 < 0xa0 ? c == 0xe0 : c == 0xed))
                    return U8_CONT1;
            }
            return U8_END;
        }
        uint32_t c2 = s[i + 1], c3 = s[i + 2];
        if (!IS_CONT(c2) || (c == 0xe0 && c2 < 0xa0) ||
            (c == 0xed && c2 >= 0xa0))
            return U8_CONT1;
        if (!IS_CONT(c3))
            return U8_CONT2;
        *adv = 3;
        return (int32_t)(((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f));
    }
    if (c < 0xf5) {
        if (left < 4) {
            if (left >= 2) {
                uint32_t c2 = s[i + 1];
                if (!IS_CONT(c2) || (c2 < 0x90 ? c == 0xf0 : c == 0xf4))
                    return U8_CONT1;
                if (left >= 3 && !IS_CONT(s[i + 2]))
                    return U8_CONT2;
            }
            return U8_END;
        }
        uint32_t c2 = s[i + 1], c3 = s[i + 2], c4 = s[i + 3];
        if (!IS_CONT(c2) || (c == 0xf0 && c2 < 0x90) ||
            (c == 0xf4 && c2 >= 0x90))
            return U8_CONT1;
        if (!IS_CONT(c3))
            return U8_CONT2;
        if (!IS_CONT(c4))
            return U8_CONT3;
        *adv = 4;
        return (int32_t)(((c & 0x07) << 18) | ((c2 & 0x3f) << 12) |
                         ((c3 & 0x3f) << 6) | (c4 & 0x3f));
    }
    return U8_INVALID_START;
}

static int is_encoded_surrogate(const uint8_t *s, gp_ssize_t i, gp_ssize_t n)
{
    return n - i >= 3 && s[i] == 0xed && s[i + 1] >= 0xa0 &&
           s[i + 1] <= 0xbf && IS_CONT(s[i + 2]);
}

static gp_ssize_t ascii_prefix(const uint8_t *s, gp_ssize_t n)
{
    gp_ssize_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

static int buf_hex_escape(gp_strbuf_t *b, const char *prefix, uint32_t v,
                          int digits)
{
    static const char hex[] = "0123456789abcdef";
    if (gp_strbuf_cstr(b, prefix) < 0)
        return -1;
    for (int k = digits - 1; k >= 0; k--)
        if (gp_strbuf_char(b, (uint8_t)hex[(v >> (4 * k)) & 0xf]) < 0)
            return -1;
    return 0;
}

/* Apply a decoding error handler to s[start:end] (one error), appending
** to b; returns where decoding resumes, or -1 with the exception set. */
static gp_ssize_t decode_error(gp_strbuf_t *b, int eh, const char *errors,
                               const char *encoding, const uint8_t *s,
                               gp_ssize_t n, gp_ssize_t start, gp_ssize_t end,
                               const char *reason, int is_utf8)
{
    switch (eh) {
    case EH_IGNORE:
        return end;
    case EH_REPLACE:
        return gp_strbuf_char(b, 0xfffd) < 0 ? -1 : end;
    case EH_SURROGATEESCAPE:
        for (gp_ssize_t k = start; k < end; k++)
            if (s[k] < 128)
                goto strict;
        for (gp_ssize_t k = start; k < end; k++)
            if (gp_strbuf_char(b, 0xdc00 + s[k]) < 0)
                return -1;
        return end;
    case EH_BACKSLASHREPLACE:
        for (gp_ssize_t k = start; k < end; k++)
            if (buf_hex_escape(b, "\\x", s[k], 2) < 0)
                return -1;
        return end;
    case EH_SURROGATEPASS:
        if (is_utf8 && is_encoded_surrogate(s, start, n)) {
            uint32_t c = ((uint32_t)(s[start] & 0x0f) << 12) |
                         ((uint32_t)(s[start + 1] & 0x3f) << 6) |
                         (s[start + 2] & 0x3f);
            return gp_strbuf_char(b, c) < 0 ? -1 : start + 3;
        }
        goto strict;
    case EH_XMLCHARREFREPLACE:
    case EH_NAMEREPLACE:
        gp_err_format(&gp_exc_TypeError,
                      "don't know how to handle UnicodeDecodeError in error "
                      "callback");
        return -1;
    case EH_UNKNOWN:
        unknown_handler(errors);
        return -1;
    default:
        break;
    }
strict:
    raise_decode(encoding, (const char *)s, n, start, end, reason);
    return -1;
}

static const char *u8_reason(int32_t e)
{
    return e == U8_INVALID_START ? "invalid start byte"
         : e == U8_END ? "unexpected end of data"
         : "invalid continuation byte";
}

static gp_ssize_t u8_error_end(int32_t e, gp_ssize_t i, gp_ssize_t n)
{
    switch (e) {
    case U8_INVALID_START: return i + 1;
    case U8_CONT1: return i + 1;
    case U8_CONT2: return i + 2;
    case U8_CONT3: return i + 3;
    default: return n;
    }
}

/* The slow path: from the first error on, through a builder. */
static gp_obj_t *utf8_decode_slow(const uint8_t *s, gp_ssize_t n,
                                  gp_ssize_t i, int eh, const char *errors)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    /* The valid prefix (decoded again, but only once per call). */
    for (gp_ssize_t k = 0; k < i;) {
        if (s[k] < 0x80) {
            if (gp_strbuf_char(&b, s[k++]) < 0)
                goto fail;
            continue;
        }
        int adv = 1;
        int32_t c = utf8_step(s, k, n, &adv);
        if (c < 0) {            /* only a surrogatepass fast path gets here */
            c = (int32_t)(((uint32_t)(s[k] & 0x0f) << 12) |
                          ((uint32_t)(s[k + 1] & 0x3f) << 6) |
                          (s[k + 2] & 0x3f));
            adv = 3;
        }
        if (gp_strbuf_char(&b, (uint32_t)c) < 0)
            goto fail;
        k += adv;
    }
    while (i < n) {
        if (s[i] < 0x80) {
            if (gp_strbuf_char(&b, s[i++]) < 0)
                goto fail;
            continue;
        }
        int adv = 1;
        int32_t c = utf8_step(s, i, n, &adv);
        if (c >= 0) {
            if (gp_strbuf_char(&b, (uint32_t)c) < 0)
                goto fail;
            i += adv;
            continue;
        }
        i = decode_error(&b, eh, errors, "utf-8", s, n, i,
                         u8_error_end(c, i, n), u8_reason(c), 1);
        if (i < 0)
            goto fail;
    }
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    return NULL;
}

static gp_obj_t *utf8_decode(const char *src, gp_ssize_t n, int eh,
                             const char *errors)
{
    const uint8_t *s = (const uint8_t *)src;
    gp_ssize_t a = ascii_prefix(s, n);
    if (a == n) {
        if (n == 1)
            return gp_str_from_kind(1, s, 1);
        gp_obj_t *r = gp_str_new(n, 127);
        if (r)
            memcpy(GP_STR_DATA(r), s, (size_t)n);
        return r;
    }
    /* Pass 1: count and find the widest code point. */
    gp_ssize_t count = a, i = a;
    uint32_t m = 127;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            count++;
            continue;
        }
        int adv = 1;
        int32_t c = utf8_step(s, i, n, &adv);
        if (c < 0) {
            if (eh == EH_SURROGATEPASS && is_encoded_surrogate(s, i, n)) {
                c = (int32_t)(((uint32_t)(s[i] & 0x0f) << 12) |
                              ((uint32_t)(s[i + 1] & 0x3f) << 6) |
                              (s[i + 2] & 0x3f));
                adv = 3;
            } else {
                return utf8_decode_slow(s, n, i, eh, errors);
            }
        }
        if ((uint32_t)c > m)
            m = (uint32_t)c;
        i += adv;
        count++;
    }
    if (count == 1 && m < 256) {
        int adv = 1;
        uint32_t c = (uint32_t)utf8_step(s, 0, n, &adv);
        return gp_str_from_char(c);
    }
    gp_obj_t *r = gp_str_new(count, m);
    if (!r)
        return NULL;
    int kind = GP_STR_KIND(r);
    void *d = GP_STR_DATA(r);
    if (kind == 1)
        memcpy(d, s, (size_t)a);
    else
        gp_str_copy(d, kind, 0, s, 1, 0, a);
    gp_ssize_t j = a;
    for (i = a; i < n;) {
        uint32_t c = s[i];
        if (c < 0x80) {
            gp_str_put(kind, d, j++, c);
            i++;
            continue;
        }
        int adv = 3;
        int32_t v = utf8_step(s, i, n, &adv);
        if (v < 0) {            /* an encoded surrogate, surrogatepass */
            v = (int32_t)(((c & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) |
                          (s[i + 2] & 0x3f));
            adv = 3;
        }
        gp_str_put(kind, d, j++, (uint32_t)v);
        i += adv;
    }
    return r;
}

gp_obj_t *gp_str_from_utf8(const char *s, gp_ssize_t len)
{
    return utf8_decode(s, len, EH_STRICT, "strict");
}

gp_obj_t *gp_str_from_utf8_sp(const char *s, gp_ssize_t len)
{
    return utf8_decode(s, len, EH_SURROGATEPASS, "surrogatepass");
}

gp_obj_t *gp_str_from_cstr(const char *s)
{
    return utf8_decode(s, (gp_ssize_t)strlen(s), EH_STRICT, "strict");
}

/* ---- ASCII and Latin-1 decoding -------------------------------------- */

static gp_obj_t *ascii_decode(const char *src, gp_ssize_t n, int eh,
                              const char *errors)
{
    const uint8_t *s = (const uint8_t *)src;
    gp_ssize_t a = ascii_prefix(s, n);
    if (a == n)
        return gp_str_from_kind(1, s, n);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (gp_ssize_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            if (gp_strbuf_char(&b, s[i++]) < 0)
                goto fail;
            continue;
        }
        i = decode_error(&b, eh, errors, "ascii", s, n, i, i + 1,
                         "ordinal not in range(128)", 0);
        if (i < 0)
            goto fail;
    }
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    return NULL;
}

gp_obj_t *gp_bytes_decode(const char *s, gp_ssize_t n, const char *encoding,
                          const char *errors)
{
    int enc = encoding ? gp_codec_lookup(encoding) : GP_ENC_UTF8;
    if (enc < 0)
        return NULL;
    int eh = error_handler(errors);
    switch (enc) {
    case GP_ENC_UTF8:
        return utf8_decode(s, n, eh, errors);
    case GP_ENC_ASCII:
        return ascii_decode(s, n, eh, errors);
    default:
        return gp_str_from_kind(1, s, n);
    }
}

/* ---- encoding -------------------------------------------------------- */

typedef struct {
    char *p;
    gp_ssize_t len, cap;
} bbuf_t;

static int bb_grow(bbuf_t *b, gp_ssize_t extra)
{
    if (b->len + extra <= b->cap)
        return 0;
    gp_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *np = realloc(b->p, (size_t)cap);
    if (!np) {
        gp_err_nomemory();
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}

static int bb_put(bbuf_t *b, const char *s, gp_ssize_t n)
{
    if (bb_grow(b, n) < 0)
        return -1;
    memcpy(b->p + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

static int bb_byte(bbuf_t *b, unsigned char c)
{
    if (b->len + 1 > b->cap && bb_grow(b, 1) < 0)
        return -1;
    b->p[b->len++] = (char)c;
    return 0;
}

static int put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

char *gp_utf8_encode_str(gp_obj_t *o, gp_ssize_t *len, int sp,
                         gp_ssize_t *badpos)
{
    gp_ssize_t n = GP_STR_LEN(o);
    int kind = GP_STR_KIND(o);
    const void *d = GP_STR_DATA(o);
    size_t size = 0;
    *badpos = -1;
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_get(kind, d, i);
        if (c < 0x80)
            size += 1;
        else if (c < 0x800)
            size += 2;
        else if (c < 0x10000) {
            if (!sp && c >= 0xd800 && c < 0xe000) {
                *badpos = i;
                return NULL;
            }
            size += 3;
        } else
            size += 4;
    }
    char *out = malloc(size + 1);
    if (!out) {
        gp_err_nomemory();
        return NULL;
    }
    if (size == (size_t)n) {
        gp_str_copy(out, 1, 0, d, kind, 0, n);
    } else {
        size_t j = 0;
        for (gp_ssize_t i = 0; i < n; i++)
            j += (size_t)put_utf8(out + j, gp_str_get(kind, d, i));
    }
    out[size] = 0;
    *len = (gp_ssize_t)size;
    return out;
}

/* Apply an encoding error handler to str[start:end] (one run of
** unencodable characters).  limit: the first code point the codec
** cannot write (128, 256, or 0xd800-surrogates for UTF-8).  Returns 0, or
** -1 with the exception set. */
static int encode_error(bbuf_t *b, int eh, const char *errors,
                        const char *encoding, gp_obj_t *str,
                        gp_ssize_t start, gp_ssize_t end, const char *reason,
                        int is_utf8)
{
    char tmp[16];
    gp_ssize_t i;
    switch (eh) {
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        for (i = start; i < end; i++)
            if (bb_byte(b, '?') < 0)
                return -1;
        return 0;
    case EH_BACKSLASHREPLACE:
        for (i = start; i < end; i++) {
            uint32_t c = gp_str_read(str, i);
            int l;
            if (c < 0x100)
                l = snprintf(tmp, sizeof tmp, "\\x%02x", c);
            else if (c < 0x10000)
                l = snprintf(tmp, sizeof tmp, "\\u%04x", c);
            else
                l = snprintf(tmp, sizeof tmp, "\\U%08x", c);
            if (bb_put(b, tmp, l) < 0)
                return -1;
        }
        return 0;
    case EH_XMLCHARREFREPLACE:
        for (i = start; i < end; i++) {
            int l = snprintf(tmp, sizeof tmp, "&#%u;", gp_str_read(str, i));
            if (bb_put(b, tmp, l) < 0)
                return -1;
        }
        return 0;
    case EH_SURROGATEESCAPE:
        for (i = start; i < end; i++) {
            uint32_t c = gp_str_read(str, i);
            if (c < 0xdc80 || c > 0xdcff) {
                start = i;
                goto strict;
            }
            if (bb_byte(b, (unsigned char)(c - 0xdc00)) < 0)
                return -1;
        }
        return 0;
    case EH_SURROGATEPASS:
        if (!is_utf8)
            goto strict;
        for (i = start; i < end; i++) {
            uint32_t c = gp_str_read(str, i);
            if (c < 0xd800 || c > 0xdfff) {
                start = i;
                goto strict;
            }
            if (bb_put(b, tmp, put_utf8(tmp, c)) < 0)
                return -1;
        }
        return 0;
    case EH_UNKNOWN:
        unknown_handler(errors);
        return -1;
    case EH_NAMEREPLACE:
        /* No name database: \N{...} cannot be written. */
        unknown_handler(errors);
        return -1;
    default:
        break;
    }
strict:
    gp_err_unicode_encode(encoding, str, start, end, reason);
    return -1;
}

static gp_obj_t *encode_narrow(gp_obj_t *str, uint32_t limit, int eh,
                               const char *errors)
{
    const char *encoding = limit == 128 ? "ascii" : "latin-1";
    const char *reason = limit == 128 ? "ordinal not in range(128)"
                                      : "ordinal not in range(256)";
    gp_ssize_t n = GP_STR_LEN(str);
    int kind = GP_STR_KIND(str);
    const void *d = GP_STR_DATA(str);
    if (((gp_str_t *)str)->ascii || (kind == 1 && limit == 256))
        return gp_bytes_from(d, n);
    bbuf_t b = {NULL, 0, 0};
    if (bb_grow(&b, n) < 0)
        return NULL;
    for (gp_ssize_t i = 0; i < n;) {
        uint32_t c = gp_str_get(kind, d, i);
        if (c < limit) {
            if (bb_byte(&b, (unsigned char)c) < 0)
                goto fail;
            i++;
            continue;
        }
        gp_ssize_t end = i + 1;
        while (end < n && gp_str_get(kind, d, end) >= limit)
            end++;
        if (encode_error(&b, eh, errors, encoding, str, i, end, reason, 0) < 0)
            goto fail;
        i = end;
    }
    gp_obj_t *r = gp_bytes_from(b.p, b.len);
    free(b.p);
    return r;
fail:
    free(b.p);
    return NULL;
}

static gp_obj_t *encode_utf8(gp_obj_t *str, int eh, const char *errors)
{
    gp_str_t *s = (gp_str_t *)str;
    if (s->utf8 && !s->utf8_sp)
        return gp_bytes_from(s->utf8, s->utf8_len);
    gp_ssize_t len, bad;
    if (!s->utf8) {
        char *u = gp_utf8_encode_str(str, &len, 0, &bad);
        if (u) {
            gp_obj_t *r = gp_bytes_from(u, len);
            /* Keep it: this string's UTF-8 is now known. */
            if (!s->utf8 && GP_REFCNT(str) < GP_IMMORTAL_REFCNT / 2) {
                s->utf8 = u;
                s->utf8_len = len;
            } else {
                free(u);
            }
            return r;
        }
        if (bad < 0)
            return NULL;
    }
    gp_ssize_t n = GP_STR_LEN(str);
    bbuf_t b = {NULL, 0, 0};
    char tmp[4];
    for (gp_ssize_t i = 0; i < n;) {
        uint32_t c = gp_str_read(str, i);
        if (c < 0xd800 || c > 0xdfff) {
            if (bb_put(&b, tmp, put_utf8(tmp, c)) < 0)
                goto fail;
            i++;
            continue;
        }
        gp_ssize_t end = i + 1;
        while (end < n) {
            uint32_t e = gp_str_read(str, end);
            if (e < 0xd800 || e > 0xdfff)
                break;
            end++;
        }
        if (encode_error(&b, eh, errors, "utf-8", str, i, end,
                         "surrogates not allowed", 1) < 0)
            goto fail;
        i = end;
    }
    gp_obj_t *r = gp_bytes_from(b.p ? b.p : "", b.len);
    free(b.p);
    return r;
fail:
    free(b.p);
    return NULL;
}

gp_obj_t *gp_str_encode(gp_obj_t *str, const char *encoding,
                        const char *errors)
{
    int enc = encoding ? gp_codec_lookup(encoding) : GP_ENC_UTF8;
    if (enc < 0)
        return NULL;
    int eh = error_handler(errors);
    switch (enc) {
    case GP_ENC_UTF8:
        return encode_utf8(str, eh, errors);
    case GP_ENC_ASCII:
        return encode_narrow(str, 128, eh, errors);
    default:
        return encode_narrow(str, 256, eh, errors);
    }
}
