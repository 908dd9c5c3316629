/*
** formatspec.c — the format-spec mini-language for int, float and str:
** the spec parser, the number layout shared by ints and floats (sign,
** prefix, padding, digit grouping), the float digit generation and
** layout, the integer base conversions, and every error message.
** Stateless; the only allocations are the results and error messages.
**
** The behaviour, not the code, follows CPython 3.11 (Python/
** formatter_unicode.c and Python/pystrtod.c); the corpus test checks it
** against CPython itself.  The points that are easy to get wrong:
**
**   - Parsing is positional and greedy: "<<" is fill '<' + align '<',
**     ",," makes ',' the type, and digits in width and precision are any
**     Unicode decimal digits (Nd), not only ASCII.
**   - A '0' before the width means fill '0' and, for numbers whose
**     alignment was not given, align '='; fill '0' with '=' is what turns
**     on zero padding *inside* the digit grouping ("00,001,234"), however
**     the '0' and '=' were spelt.
**   - Float digits are those of David Gay's dtoa in modes 0 (shortest),
**     2 (n significant) and 3 (n after the point), correctly rounded,
**     ties to even, on the exact binary value.  glibc's printf %e / %f
**     are exact and round the same way, so they supply the digits;
**     CPython's layout (exponent thresholds, '#', ".0", 'z') is then
**     applied to them.  A double's exact expansion has at most 767
**     significant digits and 1074 after the point, so printf is never
**     asked for more: past that, the digits are zeros we add ourselves.
*/
#include "formatspec.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floatrepr.h"

/* ------------------------------------------------------------------ */
/* Growable byte strings, for messages and intermediate digit strings. */

typedef struct {
    char *p;
    size_t len, cap;
    int failed;         /* an allocation failed: the contents are gone */
} sb_t;

static void sb_reserve(sb_t *b, size_t extra)
{
    if (b->failed)
        return;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *q = realloc(b->p, cap);
    if (!q) {
        b->failed = 1;
        return;
    }
    b->p = q;
    b->cap = cap;
}

static void sb_add(sb_t *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void sb_str(sb_t *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_fmt(sb_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void sb_fmt(sb_t *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n >= 0)
        sb_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ------------------------------------------------------------------ */
/* Errors. */

static char empty_msg[1];

const char *gp_fspec_exc_name(gp_fspec_exc_t exc)
{
    switch (exc) {
    case GP_FSPEC_EXC_VALUE_ERROR:    return "ValueError";
    case GP_FSPEC_EXC_OVERFLOW_ERROR: return "OverflowError";
    case GP_FSPEC_EXC_MEMORY_ERROR:   return "MemoryError";
    case GP_FSPEC_EXC_SYSTEM_ERROR:   return "SystemError";
    default:                          return "";
    }
}

void gp_fspec_error_clear(gp_fspec_error_t *err)
{
    if (err->msg && err->msg != empty_msg)
        free(err->msg);
    err->code = GP_FSPEC_OK;
    err->exc = GP_FSPEC_EXC_NONE;
    err->msg = NULL;
    err->msg_len = 0;
}

static gp_fspec_exc_t exc_of(gp_fspec_code_t code)
{
    switch (code) {
    case GP_FSPEC_E_CHAR_RANGE:
    case GP_FSPEC_E_LONG_OVERFLOW:
    case GP_FSPEC_E_FLOAT_OVERFLOW:
        return GP_FSPEC_EXC_OVERFLOW_ERROR;
    case GP_FSPEC_E_NO_MEMORY:
        return GP_FSPEC_EXC_MEMORY_ERROR;
    case GP_FSPEC_E_BAD_ARGUMENT:
        return GP_FSPEC_EXC_SYSTEM_ERROR;
    default:
        return GP_FSPEC_EXC_VALUE_ERROR;
    }
}

/* Take ownership of the message in b (or report MemoryError if building it
** failed); always returns -1 for the caller to pass on. */
static int fail_sb(gp_fspec_error_t *err, gp_fspec_code_t code, sb_t *b)
{
    if (b->failed || !b->p) {
        free(b->p);
        err->code = b->failed ? GP_FSPEC_E_NO_MEMORY : code;
        err->exc = exc_of(err->code);
        err->msg = empty_msg;
        err->msg_len = 0;
        return -1;
    }
    err->code = code;
    err->exc = exc_of(code);
    err->msg = b->p;
    err->msg_len = b->len;
    return -1;
}

static int fail(gp_fspec_error_t *err, gp_fspec_code_t code, const char *msg)
{
    sb_t b = {0};
    if (code == GP_FSPEC_E_NO_MEMORY) {
        /* MemoryError carries no message; and allocating one could fail. */
        err->code = code;
        err->exc = exc_of(code);
        err->msg = empty_msg;
        err->msg_len = 0;
        return -1;
    }
    sb_str(&b, msg);
    return fail_sb(err, code, &b);
}

/* A type name as "%.200s" prints it: at most 200 bytes, and an incomplete
** UTF-8 sequence left at the cut decoded with "replace" (one U+FFFD). */
static void sb_type_name(sb_t *b, const char *name)
{
    size_t n = 0;
    while (n <= 200 && name[n])
        n++;
    if (n <= 200) {
        sb_add(b, name, n);
        return;
    }
    n = 200;
    /* Find where the last sequence starts and whether it is complete. */
    size_t start = n;
    while (start > 0 && n - start < 4 &&
           ((unsigned char)name[start - 1] & 0xC0) == 0x80)
        start--;
    if (start > 0) {
        unsigned char lead = (unsigned char)name[start - 1];
        size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3
                    : lead >= 0xC0 ? 2 : 1;
        size_t have = n - (start - 1);
        if (want > have) {
            sb_add(b, name, start - 1);
            sb_str(b, "\xEF\xBF\xBD");
            return;
        }
    }
    sb_add(b, name, n);
}

/* "'%c'" for printable ASCII, else "'\x%x'", as CPython spells a format
** code in its messages. */
static void sb_code(sb_t *b, uint32_t c)
{
    if (c > 32 && c < 128)
        sb_fmt(b, "'%c'", (char)c);
    else
        sb_fmt(b, "'\\x%x'", (unsigned)c);
}

static int fail_unknown_code(gp_fspec_error_t *err, uint32_t type,
                             const char *type_name)
{
    sb_t b = {0};
    sb_str(&b, "Unknown format code ");
    sb_code(&b, type);
    sb_str(&b, " for object of type '");
    sb_type_name(&b, type_name);
    sb_str(&b, "'");
    return fail_sb(err, GP_FSPEC_E_UNKNOWN_CODE, &b);
}

/* ------------------------------------------------------------------ */
/* UTF-8.  Surrogates are accepted in their 3-byte form (see the header). */

static size_t utf8_encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Decode s[0..len) into cps (room for len entries); returns the count, or
** -1 on a malformed sequence (bad lead byte, missing continuation,
** overlong form, above U+10FFFF). */
static long utf8_decode(const char *s, size_t len, uint32_t *cps)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    long n = 0;
    while (p < end) {
        uint32_t c = *p++;
        int more;
        uint32_t min;
        if (c < 0x80) {
            more = 0, min = 0;
        } else if (c >= 0xC2 && c <= 0xDF) {
            more = 1, min = 0x80, c &= 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2, min = 0x800, c &= 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3, min = 0x10000, c &= 0x07;
        } else {
            return -1;
        }
        if (end - p < more)
            return -1;
        for (int i = 0; i < more; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return -1;
            c = (c << 6) | (p[i] & 0x3F);
        }
        p += more;
        if (c < min || c > 0x10FFFF)
            return -1;
        cps[n++] = c;
    }
    return n;
}

/* Code points in valid UTF-8: the bytes that are not continuations. */
static size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Byte offset of code point number k (k <= the count). */
static size_t utf8_offset(const char *s, size_t len, size_t k)
{
    size_t i = 0;
    for (; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k-- == 0)
            break;
    return i;
}

/* ------------------------------------------------------------------ */
/* Parsing. */

/* The first code point of each run of ten Unicode decimal digits (general
** category Nd, Unicode 14.0 as in Python 3.11): CPython reads width and
** precision with Py_UNICODE_TODECIMAL, so '٣' is a 3.  Every Nd run is
** ten long and in order, so the digit is the offset into the run. */
static const uint32_t nd_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6,
    0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090,
    0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
    0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
    0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0,
    0x1e950, 0x1fbf0,
};

static int decimal_value(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c < 0x660)
        return -1;
    size_t lo = 0, hi = sizeof nd_zeros / sizeof nd_zeros[0];
    while (hi - lo > 1) {       /* last run starting at or below c */
        size_t mid = (lo + hi) / 2;
        if (nd_zeros[mid] <= c)
            lo = mid;
        else
            hi = mid;
    }
    return c - nd_zeros[lo] < 10 ? (int)(c - nd_zeros[lo]) : -1;
}

/* Read decimal digits at *pos; returns how many, or -1 past INT64_MAX
** (CPython's Py_ssize_t limit on this platform). */
static long get_integer(const uint32_t *cp, long *pos, long end,
                        int64_t *result)
{
    int64_t acc = 0;
    long n = 0;
    for (; *pos < end; (*pos)++, n++) {
        int d = decimal_value(cp[*pos]);
        if (d < 0)
            break;
        if (acc > (INT64_MAX - d) / 10)
            return -1;
        acc = acc * 10 + d;
    }
    *result = acc;
    return n;
}

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static int is_sign(uint32_t c)
{
    return c == '+' || c == '-' || c == ' ';
}

static int parse_cps(const char *spec, size_t len, const uint32_t *cp,
                     long end, gp_fspec_kind_t kind, const char *type_name,
                     gp_fspec_t *f, gp_fspec_error_t *err)
{
    char default_align = kind == GP_FSPEC_STR ? '<' : '>';
    long pos = 0;
    int fill_given = 0, align_given = 0;

    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->align = default_align;
    f->width = -1;
    f->precision = -1;
    f->type = kind == GP_FSPEC_INT ? 'd' : kind == GP_FSPEC_STR ? 's' : 0;
    f->group = 3;

    if (end - pos >= 2 && is_align(cp[pos + 1])) {
        f->fill = cp[pos];
        f->align = (char)cp[pos + 1];
        fill_given = align_given = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(cp[pos])) {
        f->align = (char)cp[pos];
        align_given = 1;
        pos++;
    }
    if (end - pos >= 1 && is_sign(cp[pos]))
        f->sign = (char)cp[pos++];
    if (end - pos >= 1 && cp[pos] == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && cp[pos] == '#') {
        f->alternate = 1;
        pos++;
    }
    /* '0' is zero padding only when no fill was given; for numbers it
    ** also moves the padding between sign and digits. */
    if (!fill_given && end - pos >= 1 && cp[pos] == '0') {
        f->fill = '0';
        f->zero = 1;
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    int64_t v;
    long n = get_integer(cp, &pos, end, &v);
    if (n < 0)
        return fail(err, GP_FSPEC_E_TOO_MANY_DIGITS,
                    "Too many decimal digits in format string");
    f->width = n ? v : -1;

    if (end - pos >= 1 && cp[pos] == ',') {
        f->grouping = ',';
        pos++;
    }
    if (end - pos >= 1 && cp[pos] == '_') {
        if (f->grouping)
            return fail(err, GP_FSPEC_E_BOTH_SEPARATORS,
                        "Cannot specify both ',' and '_'.");
        f->grouping = '_';
        pos++;
    }
    if (end - pos >= 1 && cp[pos] == ',' && f->grouping == '_')
        return fail(err, GP_FSPEC_E_BOTH_SEPARATORS,
                    "Cannot specify both ',' and '_'.");

    if (end - pos >= 1 && cp[pos] == '.') {
        pos++;
        n = get_integer(cp, &pos, end, &v);
        if (n < 0)
            return fail(err, GP_FSPEC_E_TOO_MANY_DIGITS,
                        "Too many decimal digits in format string");
        if (n == 0)
            return fail(err, GP_FSPEC_E_MISSING_PRECISION,
                        "Format specifier missing precision");
        f->precision = v;
    }

    if (end - pos > 1) {
        sb_t b = {0};
        sb_str(&b, "Invalid format specifier '");
        sb_add(&b, spec, len);
        sb_str(&b, "' for object of type '");
        sb_type_name(&b, type_name);
        sb_str(&b, "'");
        return fail_sb(err, GP_FSPEC_E_INVALID, &b);
    }
    if (end - pos == 1)
        f->type = cp[pos++];

    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G':
        case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            /* PEP 515: '_' groups bin/oct/hex digits by four. */
            if (f->grouping == '_') {
                f->group = 4;
                break;
            }
            /* fall through */
        default: {
            sb_t b = {0};
            sb_fmt(&b, "Cannot specify '%c' with ", f->grouping);
            sb_code(&b, f->type);
            sb_str(&b, ".");
            return fail_sb(err, GP_FSPEC_E_SEPARATOR_TYPE, &b);
        }
        }
    }
    f->fill_len = (unsigned char)utf8_encode(f->fill, f->fill_utf8);
    return 0;
}

int gp_fspec_parse(const char *spec, size_t len, gp_fspec_kind_t kind,
                   const char *type_name, gp_fspec_t *out,
                   gp_fspec_error_t *err)
{
    uint32_t small[64], *cp = small;
    if (len > sizeof small / sizeof small[0]) {
        if (len > SIZE_MAX / sizeof *cp || !(cp = malloc(len * sizeof *cp)))
            return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    }
    long n = utf8_decode(spec, len, cp);
    int r = n < 0 ? fail(err, GP_FSPEC_E_BAD_ARGUMENT,
                         "format spec is not valid UTF-8")
                  : parse_cps(spec, len, cp, n, kind, type_name, out, err);
    if (cp != small)
        free(cp);
    return r;
}

/* ------------------------------------------------------------------ */
/* Number layout, shared by ints and floats:
**
**   <lpad> <sign> <prefix> <spad> <grouped digits> <.> <remainder> <rpad>
**
** Digits are the integer part; the remainder is everything after them
** (fraction, exponent, '%', or "inf"; for 'c' the character itself).  At
** most one of the three paddings is non-empty.  Fill '0' with align '='
** pads with zeros *inside* the grouping instead, to the width left over
** by the other parts (and one past it when a separator would otherwise
** lead). */

typedef struct {
    int negative;
    const char *prefix;         /* ASCII, e.g. "0x" */
    size_t n_prefix;
    const char *digits;         /* ASCII */
    size_t n_digits;
    int has_decimal;
    const char *rem;            /* UTF-8 */
    size_t rem_bytes, rem_cps;
    char sep;                   /* 0: no grouping */
    int group;
    int upper;                  /* 'X': upper-case prefix and digits */
} number_t;

/* The fewest digits L (zeros included) whose grouped length
** L + sep_count(L) reaches min_width. */
static uint64_t digits_for_width(uint64_t min_width, int sep, uint64_t g)
{
    if (min_width <= 1)
        return 1;
    if (!sep)
        return min_width;
    /* L - 1 = q*g + r with 0 <= r < g has grouped length q*(g+1) + r + 1. */
    uint64_t t = min_width - 1, q = t / (g + 1), r = t % (g + 1);
    return r < g ? q * g + r + 1 : (q + 1) * g + 1;
}

/* *acc += a * b, failing (-1) past PTRDIFF_MAX: CPython's own limit on a
** string's length would be reached first, and it raises MemoryError. */
static int add_size(uint64_t *acc, uint64_t a, uint64_t b)
{
    const uint64_t lim = PTRDIFF_MAX;
    if (b && a > lim / b)
        return -1;
    if (a * b > lim - *acc)
        return -1;
    *acc += a * b;
    return 0;
}

static char *put_fill(char *p, const gp_fspec_t *f, uint64_t n)
{
    if (f->fill_len == 1) {
        memset(p, f->fill_utf8[0], (size_t)n);
        return p + n;
    }
    for (uint64_t i = 0; i < n; i++, p += f->fill_len)
        memcpy(p, f->fill_utf8, f->fill_len);
    return p;
}

static char ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static int render_number(const gp_fspec_t *f, const number_t *nb,
                         char **out, size_t *out_len, gp_fspec_error_t *err)
{
    char sign = 0;
    switch (f->sign) {
    case '+': sign = nb->negative ? '-' : '+'; break;
    case ' ': sign = nb->negative ? '-' : ' '; break;
    default:  sign = nb->negative ? '-' : 0; break;
    }
    uint64_t n_sign = sign != 0;
    uint64_t head = n_sign + nb->n_prefix + (uint64_t)nb->has_decimal;
    uint64_t fixed = 0;         /* code points other than digits, padding */
    if (add_size(&fixed, head, 1) || add_size(&fixed, nb->rem_cps, 1))
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");

    uint64_t min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0 &&
        (uint64_t)f->width > fixed)
        min_width = (uint64_t)f->width - fixed;

    /* No digits happens for 'c', inf and nan: nothing to group or pad. */
    uint64_t n_all = 0, grouped = 0;
    if (nb->n_digits) {
        n_all = digits_for_width(min_width, nb->sep, (uint64_t)nb->group);
        if (n_all < nb->n_digits)
            n_all = nb->n_digits;
        grouped = n_all;
        if (nb->sep &&
            add_size(&grouped, (n_all - 1) / (uint64_t)nb->group, 1))
            return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    }
    uint64_t used = fixed;
    if (add_size(&used, grouped, 1))
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");

    uint64_t lpad = 0, spad = 0, rpad = 0;
    if (f->width > 0 && (uint64_t)f->width > used) {
        uint64_t pad = (uint64_t)f->width - used;
        switch (f->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default:  lpad = pad; break;
        }
    }

    uint64_t total = 0;
    if (add_size(&total, lpad + spad + rpad, f->fill_len) ||
        add_size(&total, head, 1) ||
        add_size(&total, grouped, 1) || add_size(&total, nb->rem_bytes, 1) ||
        total >= PTRDIFF_MAX)
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    char *buf = malloc((size_t)total + 1), *p = buf;
    if (!buf)
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");

    p = put_fill(p, f, lpad);
    if (sign)
        *p++ = sign;
    for (size_t i = 0; i < nb->n_prefix; i++)
        *p++ = nb->upper ? ascii_upper(nb->prefix[i]) : nb->prefix[i];
    p = put_fill(p, f, spad);
    if (nb->n_digits) {
        uint64_t zeros = n_all - nb->n_digits;
        for (uint64_t i = 0; i < n_all; i++) {
            if (nb->sep && i > 0 && (n_all - i) % (uint64_t)nb->group == 0)
                *p++ = nb->sep;
            char c = i < zeros ? '0' : nb->digits[i - zeros];
            *p++ = nb->upper ? ascii_upper(c) : c;
        }
    }
    if (nb->has_decimal)
        *p++ = '.';
    if (nb->rem_bytes)
        memcpy(p, nb->rem, nb->rem_bytes);
    p += nb->rem_bytes;
    p = put_fill(p, f, rpad);
    *p = 0;
    *out = buf;
    *out_len = (size_t)(p - buf);
    return 0;
}

/* Split an ASCII rendering "[-]digits[.remainder]" and lay it out. */
static int render_ascii_number(const gp_fspec_t *f, const char *s, size_t n,
                               char sep, int group, char **out,
                               size_t *out_len, gp_fspec_error_t *err)
{
    number_t nb = {0};
    if (n && s[0] == '-') {
        nb.negative = 1;
        s++, n--;
    }
    size_t d = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    nb.digits = s;
    nb.n_digits = d;
    nb.has_decimal = d < n && s[d] == '.';
    nb.rem = s + d + (size_t)nb.has_decimal;
    nb.rem_bytes = nb.rem_cps = n - d - (size_t)nb.has_decimal;
    nb.sep = sep;
    nb.group = group;
    return render_number(f, &nb, out, out_len, err);
}

/* ------------------------------------------------------------------ */
/* Floats. */

/* Room for printf's longest answer below: 309 integer digits, the point
** and 1100 decimals, or 800 significant digits and an exponent. */
#define DIGITS_MAX 1536
#define DTOA_MAX_SIG 800    /* >= 767 significant digits of any double */
#define DTOA_MAX_FRAC 1100  /* >= 1074 digits after the point */

/* The digits of |x| (finite) as dtoa returns them in mode 0 (shortest),
** 2 (nd significant digits) or 3 (nd digits after the point): no leading
** or trailing zeros, "0" for zero, "" when mode 3 rounds to zero; |x| ~
** 0.DIGITS * 10**decpt.  Returns the digit count. */
static size_t float_digits(double x, int mode, int64_t nd, char *d,
                           int64_t *decpt)
{
    char tmp[DIGITS_MAX + 32];
    size_t n = 0;
    x = fabs(x);
    if (x == 0) {
        d[0] = '0';
        *decpt = 1;
        return 1;
    }
    if (mode == 0) {
        int dp;
        n = (size_t)gp_float_shortest(x, d, &dp);
        *decpt = dp;
        return n;
    }
    if (mode == 2) {
        int p = (int)(nd < DTOA_MAX_SIG ? nd : DTOA_MAX_SIG);
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
        const char *s = tmp;
        for (; *s != 'e'; s++)
            if (*s != '.')
                d[n++] = *s;
        *decpt = strtol(s + 1, NULL, 10) + 1;
    } else {
        int p = (int)(nd < DTOA_MAX_FRAC ? nd : DTOA_MAX_FRAC);
        snprintf(tmp, sizeof tmp, "%.*f", p, x);
        int64_t intlen = -1, lead = 0;
        for (const char *s = tmp; *s; s++) {
            if (*s == '.') {
                intlen = (int64_t)(s - tmp);
                continue;
            }
            if (n == 0 && *s == '0') {
                lead++;
                continue;
            }
            d[n++] = *s;
        }
        if (intlen < 0)
            intlen = (int64_t)strlen(tmp);
        *decpt = intlen - lead;
    }
    while (n > 0 && d[n - 1] == '0')
        n--;
    if (n == 0)                 /* mode 3 only: rounded to zero */
        *decpt = -nd;
    return n;
}

/* CPython's PyOS_double_to_string on top of float_digits: code is
** 'e', 'f', 'g' or 'r' (repr), prec already adjusted per code (one more
** for 'e', at least 1 for 'g').  Appends the ASCII result to res; -1
** (res->failed) when it does not fit in memory. */
static int double_to_string(double x, char code, int64_t prec, int upper,
                            int alt, int add_dot_0, int no_neg_0,
                            sb_t *res)
{
    int negative = signbit(x) != 0;
    if (!isfinite(x)) {
        if (isnan(x))
            negative = 0;       /* the sign of a nan is never shown */
        if (negative)
            sb_str(res, "-");
        sb_str(res, isnan(x) ? (upper ? "NAN" : "nan")
                             : (upper ? "INF" : "inf"));
        return res->failed ? -1 : 0;
    }

    int mode = code == 'r' ? 0 : code == 'f' ? 3 : 2;
    char d[DIGITS_MAX];
    int64_t decpt;
    int64_t n = (int64_t)float_digits(x, mode, prec, d, &decpt);
    if (no_neg_0 && negative && (n == 0 || (n == 1 && d[0] == '0')))
        negative = 0;

    /* Output the slice [vstart, vend) of the digit string extended with
    ** zeros on both sides, with the point after position decpt. */
    int use_exp = 0;
    int64_t exp = 0, vend = n;
    switch (code) {
    case 'e':
        use_exp = 1;
        vend = prec;
        break;
    case 'f':
        vend = decpt + prec;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec))
            use_exp = 1;
        if (alt)
            vend = prec;
        break;
    default:                    /* 'r': exponent from 1e16 up */
        if (decpt <= -4 || decpt > 16)
            use_exp = 1;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;

    uint64_t size = 0;
    if (add_size(&size, (uint64_t)(vend - vstart), 1) ||
        add_size(&size, 16, 1)) {
        res->failed = 1;
        return -1;
    }
    sb_reserve(res, (size_t)size);
    if (res->failed)
        return -1;
    char *p = res->p + res->len;
    if (negative)
        *p++ = '-';
    if (decpt <= 0) {
        memset(p, '0', (size_t)(decpt - vstart));
        p += decpt - vstart;
        *p++ = '.';
        memset(p, '0', (size_t)-decpt);
        p += -decpt;
    } else {
        memset(p, '0', (size_t)-vstart);
        p += -vstart;
    }
    if (0 < decpt && decpt <= n) {
        memcpy(p, d, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, d + decpt, (size_t)(n - decpt));
        p += n - decpt;
    } else {
        memcpy(p, d, (size_t)n);
        p += n;
    }
    if (n < decpt) {
        memset(p, '0', (size_t)(decpt - n));
        p += decpt - n;
        *p++ = '.';
        memset(p, '0', (size_t)(vend - decpt));
        p += vend - decpt;
    } else {
        memset(p, '0', (size_t)(vend - n));
        p += vend - n;
    }
    if (p[-1] == '.' && !alt)
        p--;
    if (use_exp) {
        *p++ = upper ? 'E' : 'e';
        p += sprintf(p, "%c%02d", exp < 0 ? '-' : '+',
                     (int)(exp < 0 ? -exp : exp));
    }
    *p = 0;
    res->len = (size_t)(p - res->p);
    return 0;
}

int gp_format_float(double x, const gp_fspec_t *f, const char *type_name,
                    char **out, size_t *out_len, gp_fspec_error_t *err)
{
    uint32_t type = f->type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n': case '%':
        break;
    default:
        return fail_unknown_code(err, type, type_name);
    }
    if (f->precision > INT_MAX)
        return fail(err, GP_FSPEC_E_PRECISION_TOO_BIG, "precision too big");

    int64_t prec = f->precision, default_prec = 6;
    int add_dot_0 = 0, add_pct = 0;
    if (type == 0) {
        /* No type: repr() without a precision, else 'g' that keeps at
        ** least one digit after the point. */
        add_dot_0 = 1;
        type = 'r';
        default_prec = 0;
    }
    if (type == 'n')            /* 'g' in the C locale */
        type = 'g';
    if (type == '%') {
        type = 'f';
        x *= 100;
        add_pct = 1;
    }
    if (prec < 0)
        prec = default_prec;
    else if (type == 'r')
        type = 'g';

    int upper = type == 'E' || type == 'F' || type == 'G';
    char code = upper ? (char)(type - 'A' + 'a') : (char)type;
    if (code == 'e')
        prec++;
    else if (code == 'g' && prec == 0)
        prec = 1;

    sb_t s = {0};
    double_to_string(x, code, prec, upper, f->alternate, add_dot_0,
                     f->no_neg_0, &s);
    if (add_pct)
        sb_str(&s, "%");
    if (s.failed) {
        free(s.p);
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    }
    /* 'n' never groups: the C locale has no thousands separator. */
    int r = render_ascii_number(f, s.p, s.len,
                                f->type == 'n' ? 0 : f->grouping,
                                f->group, out, out_len, err);
    free(s.p);
    return r;
}

/* ------------------------------------------------------------------ */
/* Integers: digit strings in base 2, 8, 10, 16, converted through
** little-endian 32-bit limbs when the spec asks for another base
** (schoolbook, quadratic in the length: fine for format()). */

typedef struct {
    uint32_t *v;
    size_t n;
} limbs_t;

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

static int bits_of_base(int base)
{
    return base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : 0;
}

static int to_limbs(const char *s, size_t n, int base, limbs_t *l)
{
    size_t cap = n / 8 + 2;     /* 32 bits per limb, at most 4 per digit */
    l->v = calloc(cap, sizeof *l->v);
    l->n = 0;
    if (!l->v)
        return -1;
    int bits = bits_of_base(base);
    if (bits) {
        size_t bit = 0;
        for (size_t i = n; i-- > 0; bit += (size_t)bits) {
            uint64_t dv = (uint64_t)digit_value(s[i]) << (bit % 32);
            l->v[bit / 32] |= (uint32_t)dv;
            if (dv >> 32)
                l->v[bit / 32 + 1] |= (uint32_t)(dv >> 32);
        }
        l->n = cap;
    } else {
        for (size_t i = 0; i < n;) {
            uint32_t chunk = 0, mul = 1;
            for (int k = 0; k < 9 && i < n; k++, i++) {
                chunk = chunk * 10 + (uint32_t)(s[i] - '0');
                mul *= 10;
            }
            uint64_t carry = chunk;
            for (size_t j = 0; j < l->n; j++) {
                uint64_t t = (uint64_t)l->v[j] * mul + carry;
                l->v[j] = (uint32_t)t;
                carry = t >> 32;
            }
            if (carry)
                l->v[l->n++] = (uint32_t)carry;
        }
    }
    while (l->n > 0 && l->v[l->n - 1] == 0)
        l->n--;
    return 0;
}

/* The digits of l in base (lower case), most significant first, into res. */
static void from_limbs(limbs_t *l, int base, sb_t *res)
{
    static const char hex[] = "0123456789abcdef";
    if (l->n == 0) {
        sb_str(res, "0");
        return;
    }
    int bits = bits_of_base(base);
    if (bits) {
        size_t top = 32 * (l->n - 1), t = l->v[l->n - 1];
        while (t) {
            top++;
            t >>= 1;
        }
        size_t nd = (top + (size_t)bits - 1) / (size_t)bits;
        sb_reserve(res, nd);
        if (res->failed)
            return;
        for (size_t i = 0; i < nd; i++) {
            size_t bit = (nd - 1 - i) * (size_t)bits;
            uint64_t w = l->v[bit / 32];
            if (bit / 32 + 1 < l->n)
                w |= (uint64_t)l->v[bit / 32 + 1] << 32;
            res->p[res->len++] = hex[(w >> (bit % 32)) & ((1u << bits) - 1)];
        }
        res->p[res->len] = 0;
        return;
    }
    /* Decimal: peel off nine digits at a time from the bottom. */
    size_t nchunks = 0, cap = l->n * 10 / 9 + 2;
    uint32_t *chunks = malloc(cap * sizeof *chunks);
    if (!chunks) {
        res->failed = 1;
        return;
    }
    while (l->n > 0) {
        uint64_t rem = 0;
        for (size_t j = l->n; j-- > 0;) {
            uint64_t t = (rem << 32) | l->v[j];
            l->v[j] = (uint32_t)(t / 1000000000u);
            rem = t % 1000000000u;
        }
        chunks[nchunks++] = (uint32_t)rem;
        while (l->n > 0 && l->v[l->n - 1] == 0)
            l->n--;
    }
    sb_fmt(res, "%u", (unsigned)chunks[nchunks - 1]);
    for (size_t i = nchunks - 1; i-- > 0;)
        sb_fmt(res, "%09u", (unsigned)chunks[i]);
    free(chunks);
}

/* The digits in the wanted base, into res (lower case). */
static int convert_digits(const char *s, size_t n, int base, int want,
                          sb_t *res)
{
    if (base == want) {
        sb_reserve(res, n);
        for (size_t i = 0; i < n && !res->failed; i++)
            res->p[res->len++] = "0123456789abcdef"[digit_value(s[i])];
        if (!res->failed)
            res->p[res->len] = 0;
        return res->failed ? -1 : 0;
    }
    limbs_t l;
    if (to_limbs(s, n, base, &l) < 0)
        return -1;
    from_limbs(&l, want, res);
    free(l.v);
    return res->failed ? -1 : 0;
}

/* The value as a C long ('c' converts with PyLong_AsLong). */
static int digits_to_long(const char *s, size_t n, int base, int negative,
                          int64_t *v)
{
    uint64_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned dv = (unsigned)digit_value(s[i]);
        if (u > (UINT64_MAX - dv) / (unsigned)base)
            return -1;
        u = u * (unsigned)base + dv;
    }
    if (negative) {
        if (u > (uint64_t)INT64_MAX + 1)
            return -1;
        *v = u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
    } else {
        if (u > (uint64_t)INT64_MAX)
            return -1;
        *v = (int64_t)u;
    }
    return 0;
}

/* The correctly rounded double of the value; -1 if it overflows (what
** int.__float__ does: round half to even, then overflow at 2**1024). */
static int digits_to_double(const char *s, size_t n, int base, int negative,
                            double *x, gp_fspec_error_t *err)
{
    sb_t b = {0};
    /* Any value of more than 1100 bits overflows: skip converting it. */
    int bits = bits_of_base(base);
    if ((bits && n * (size_t)bits > 1100) || (!bits && n > 400))
        return fail(err, GP_FSPEC_E_FLOAT_OVERFLOW,
                    "int too large to convert to float");
    sb_str(&b, negative ? "-" : "");
    if (base == 10) {
        sb_add(&b, s, n);
    } else {
        /* strtod reads hex exactly and rounds once, half to even. */
        sb_str(&b, "0x");
        if (convert_digits(s, n, base, 16, &b) < 0)
            b.failed = 1;
    }
    if (b.failed) {
        free(b.p);
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    }
    *x = strtod(b.p, NULL);
    free(b.p);
    if (isinf(*x))
        return fail(err, GP_FSPEC_E_FLOAT_OVERFLOW,
                    "int too large to convert to float");
    return 0;
}

int gp_format_int_base(const char *digits, size_t ndigits, int base,
                       int negative, const gp_fspec_t *f,
                       const char *type_name, char **out, size_t *out_len,
                       gp_fspec_error_t *err)
{
    if ((base != 2 && base != 8 && base != 10 && base != 16) || ndigits == 0)
        return fail(err, GP_FSPEC_E_BAD_ARGUMENT, "bad integer digits");
    for (size_t i = 0; i < ndigits; i++)
        if (digit_value(digits[i]) >= base)
            return fail(err, GP_FSPEC_E_BAD_ARGUMENT, "bad integer digits");
    while (ndigits > 1 && digits[0] == '0')
        digits++, ndigits--;
    if (digits[0] == '0')
        negative = 0;           /* ints have no negative zero */

    int want;
    switch (f->type) {
    case 'b': want = 2; break;
    case 'o': want = 8; break;
    case 'x': case 'X': want = 16; break;
    case 'c': case 'd': case 'n': want = 10; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x = 0;
        if (digits_to_double(digits, ndigits, base, negative, &x, err) < 0)
            return -1;
        return gp_format_float(x, f, type_name, out, out_len, err);
    }
    default:
        return fail_unknown_code(err, f->type, type_name);
    }
    if (f->precision != -1)
        return fail(err, GP_FSPEC_E_PRECISION_NOT_ALLOWED,
                    "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return fail(err, GP_FSPEC_E_Z_NOT_ALLOWED,
                    "Negative zero coercion (z) not allowed in integer "
                    "format specifier");

    number_t nb = {0};
    if (f->type == 'c') {
        if (f->sign)
            return fail(err, GP_FSPEC_E_SIGN_NOT_ALLOWED,
                        "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return fail(err, GP_FSPEC_E_ALTERNATE_NOT_ALLOWED,
                        "Alternate form (#) not allowed with integer format "
                        "specifier 'c'");
        int64_t v;
        if (digits_to_long(digits, ndigits, base, negative, &v) < 0)
            return fail(err, GP_FSPEC_E_LONG_OVERFLOW,
                        "Python int too large to convert to C long");
        if (v < 0 || v > 0x10FFFF)
            return fail(err, GP_FSPEC_E_CHAR_RANGE,
                        "%c arg not in range(0x110000)");
        char ch[4];
        nb.rem = ch;
        nb.rem_bytes = utf8_encode((uint32_t)v, ch);
        nb.rem_cps = 1;
        return render_number(f, &nb, out, out_len, err);
    }

    sb_t d = {0};
    if (convert_digits(digits, ndigits, base, want, &d) < 0) {
        free(d.p);
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    }
    nb.negative = negative;
    if (f->alternate && want != 10) {
        nb.prefix = want == 2 ? "0b" : want == 8 ? "0o" : "0x";
        nb.n_prefix = 2;
    }
    nb.digits = d.p;
    nb.n_digits = d.len;
    /* 'n' in the C locale: no separator. */
    nb.sep = f->type == 'n' ? 0 : f->grouping;
    nb.group = f->group;
    nb.upper = f->type == 'X';
    int r = render_number(f, &nb, out, out_len, err);
    free(d.p);
    return r;
}

int gp_format_int(const char *decimal_digits, int negative,
                  const gp_fspec_t *spec, const char *type_name,
                  char **out, size_t *out_len, gp_fspec_error_t *err)
{
    return gp_format_int_base(decimal_digits, strlen(decimal_digits), 10,
                              negative, spec, type_name, out, out_len, err);
}

/* ------------------------------------------------------------------ */
/* Strings. */

int gp_format_str(const char *s, size_t len, const gp_fspec_t *f,
                  const char *type_name, char **out, size_t *out_len,
                  gp_fspec_error_t *err)
{
    if (f->type != 's')
        return fail_unknown_code(err, f->type, type_name);
    if (f->sign == ' ')
        return fail(err, GP_FSPEC_E_SIGN_NOT_ALLOWED,
                    "Space not allowed in string format specifier");
    if (f->sign)
        return fail(err, GP_FSPEC_E_SIGN_NOT_ALLOWED,
                    "Sign not allowed in string format specifier");
    if (f->no_neg_0)
        return fail(err, GP_FSPEC_E_Z_NOT_ALLOWED,
                    "Negative zero coercion (z) not allowed in string format "
                    "specifier");
    if (f->alternate)
        return fail(err, GP_FSPEC_E_ALTERNATE_NOT_ALLOWED,
                    "Alternate form (#) not allowed in string format "
                    "specifier");
    if (f->align == '=')
        return fail(err, GP_FSPEC_E_EQUALS_NOT_ALLOWED,
                    "'=' alignment not allowed in string format specifier");

    uint64_t n = utf8_count(s, len);
    if (f->precision >= 0 && n > (uint64_t)f->precision) {
        n = (uint64_t)f->precision;
        len = utf8_offset(s, len, (size_t)n);
    }
    uint64_t lpad = 0, rpad = 0;
    if (f->width > 0 && (uint64_t)f->width > n) {
        uint64_t pad = (uint64_t)f->width - n;
        if (f->align == '>')
            lpad = pad;
        else if (f->align == '^')
            lpad = pad / 2;
        rpad = pad - lpad;
    }
    uint64_t total = 0;
    if (add_size(&total, lpad + rpad, f->fill_len) ||
        add_size(&total, len, 1) || total >= PTRDIFF_MAX)
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    char *buf = malloc((size_t)total + 1), *p = buf;
    if (!buf)
        return fail(err, GP_FSPEC_E_NO_MEMORY, "");
    p = put_fill(p, f, lpad);
    if (len)
        memcpy(p, s, len);
    p = put_fill(p + len, f, rpad);
    *p = 0;
    *out = buf;
    *out_len = (size_t)(p - buf);
    return 0;
}
