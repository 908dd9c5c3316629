/*
** obj_int.c — int and bool.  A value lives in one int64 word while it
** fits; beyond, in a GMP integer (`big`).  Every operation tries the word
** path first with overflow-checked builtins and falls back to GMP, and
** every result that fits a word is stored as one, so `big != NULL` means
** "does not fit" (numobj.h).  Small ints -5..256 and True/False are
** immortal statics shared by all interpreters.  Conversions to and from
** text obey sys.set_int_max_str_digits (interp->int_max_str_digits).
** Guard: ints are immutable; the GIL for the interpreter's digit limit.
*/
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/bytesobj.h"
#include "objects/formatspec.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

#define BIG(o)   ((mpz_ptr)((gp_int_t *)(o))->big)
#define SMALL(o) (((gp_int_t *)(o))->v)
#define IS_BYTESLIKE(o) (GP_BYTES_CHECK(o) || \
                         GP_ISINSTANCE_OF(o, &gp_bytearray_type))
#define IS_SMALL(o) (((gp_int_t *)(o))->big == NULL)

static gp_int_t small_ints[GP_SMALLINT_MAX - GP_SMALLINT_MIN + 1];

gp_int_t gp_true_obj = {GP_OBJ_HEAD_INIT(&gp_bool_type), 1, NULL};
gp_int_t gp_false_obj = {GP_OBJ_HEAD_INIT(&gp_bool_type), 0, NULL};

/* ---- making ints --------------------------------------------------------- */

static gp_obj_t *alloc_int(gp_type_t *t)
{
    return gp_type_alloc(t, 0);
}

gp_obj_t *gp_int_from_i64(int64_t v)
{
    if (v >= GP_SMALLINT_MIN && v <= GP_SMALLINT_MAX)
        return gp_newref((gp_obj_t *)&small_ints[v - GP_SMALLINT_MIN]);
    gp_int_t *o = gp_freelist_pop(&gp_tcur()->ints);
    if (!o && !(o = malloc(sizeof *o)))
        return gp_err_nomemory();
    o->ob.refcnt = 1;
    o->ob.type = &gp_int_type;
    o->v = v;
    o->big = NULL;
    return (gp_obj_t *)o;
}

gp_obj_t *gp_int_from_ssize(gp_ssize_t v)
{
    return gp_int_from_i64(v);
}

/* Steals z (an initialised mpz_t on the heap), normalising to a word. */
static gp_obj_t *from_mpz(mpz_ptr z)
{
    if (mpz_fits_slong_p(z)) {
        int64_t v = mpz_get_si(z);
        mpz_clear(z);
        free(z);
        return gp_int_from_i64(v);
    }
    gp_int_t *o = (gp_int_t *)malloc(sizeof *o);
    if (!o) {
        mpz_clear(z);
        free(z);
        return gp_err_nomemory();
    }
    o->ob.refcnt = 1;
    o->ob.type = &gp_int_type;
    o->v = 0;
    o->big = z;
    return (gp_obj_t *)o;
}

static mpz_ptr new_mpz(void)
{
    mpz_ptr z = malloc(sizeof(__mpz_struct));
    if (z)
        mpz_init(z);
    return z;
}

/* An mpz copy of any int (the caller clears and frees it). */
static mpz_ptr to_mpz(gp_obj_t *o)
{
    mpz_ptr z = new_mpz();
    if (!z)
        return NULL;
    if (IS_SMALL(o))
        mpz_set_si(z, SMALL(o));
    else
        mpz_set(z, BIG(o));
    return z;
}

static void free_mpz(mpz_ptr z)
{
    if (z) {
        mpz_clear(z);
        free(z);
    }
}

gp_obj_t *gp_int_from_u64(uint64_t v)
{
    if (v <= INT64_MAX)
        return gp_int_from_i64((int64_t)v);
    mpz_ptr z = new_mpz();
    if (!z)
        return gp_err_nomemory();
    mpz_set_ui(z, (unsigned long)v);
    return from_mpz(z);
}

gp_obj_t *gp_int_from_ptr(const void *p)
{
    return gp_int_from_u64((uint64_t)(uintptr_t)p);
}

gp_obj_t *gp_int_from_double(double d)
{
    if (isinf(d)) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        gp_err_set_str(&gp_exc_ValueError,
                       "cannot convert float NaN to integer");
        return NULL;
    }
    if (d > -9.2e18 && d < 9.2e18)
        return gp_int_from_i64((int64_t)d);
    mpz_ptr z = new_mpz();
    if (!z)
        return gp_err_nomemory();
    mpz_set_d(z, d);
    return from_mpz(z);
}

/* ---- reading ints ----------------------------------------------------- */

int64_t gp_int_as_i64_overflow(gp_obj_t *o, int *overflow)
{
    *overflow = 0;
    if (!GP_INT_CHECK(o)) {
        gp_obj_t *i = gp_number_index(o);
        if (!i)
            return -1;
        int64_t v = gp_int_as_i64_overflow(i, overflow);
        GP_DECREF(i);
        return v;
    }
    if (IS_SMALL(o))
        return SMALL(o);
    *overflow = mpz_sgn(BIG(o));
    return -1;
}

int64_t gp_int_as_i64(gp_obj_t *o)
{
    int ov;
    int64_t v = gp_int_as_i64_overflow(o, &ov);
    if (ov) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "Python int too large to convert to C long");
        return -1;
    }
    return v;
}

gp_ssize_t gp_int_as_ssize(gp_obj_t *o)
{
    int ov;
    int64_t v = gp_int_as_i64_overflow(o, &ov);
    if (ov) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (gp_ssize_t)v;
}

uint64_t gp_int_as_u64(gp_obj_t *o)
{
    if (gp_int_sign(o) < 0) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "can't convert negative int to unsigned");
        return (uint64_t)-1;
    }
    if (IS_SMALL(o))
        return (uint64_t)SMALL(o);
    if (mpz_sizeinbase(BIG(o), 2) > 64) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "int too big to convert");
        return (uint64_t)-1;
    }
    return (uint64_t)mpz_get_ui(BIG(o));
}

int gp_int_sign(gp_obj_t *o)
{
    if (IS_SMALL(o))
        return SMALL(o) < 0 ? -1 : SMALL(o) > 0;
    return mpz_sgn(BIG(o));
}

/* Correctly rounded (half to even) double of a big integer. */
static double big_to_double(mpz_srcptr z, int *overflow)
{
    size_t bits = mpz_sizeinbase(z, 2);
    *overflow = 0;
    if (bits <= 53)
        return mpz_get_d(z);
    if (bits > 1024) {
        *overflow = 1;
        return 0;
    }
    mpz_t a, q;
    mpz_init(a);
    mpz_init(q);
    mpz_abs(a, z);
    size_t shift = bits - 54;           /* keep 54 bits: 53 + round bit */
    mpz_tdiv_q_2exp(q, a, shift);
    int sticky = mpz_scan1(a, 0) < shift;
    uint64_t m = mpz_get_ui(q);
    /* round half to even on the last bit */
    int round = (int)(m & 1);
    m >>= 1;
    if (round && (sticky || (m & 1)))
        m++;
    double d = ldexp((double)m, (int)shift + 1);
    mpz_clear(a);
    mpz_clear(q);
    if (isinf(d)) {
        *overflow = 1;
        return 0;
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

double gp_int_as_double(gp_obj_t *o)
{
    if (IS_SMALL(o))
        return (double)SMALL(o);
    int ov;
    double d = big_to_double(BIG(o), &ov);
    if (ov) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "int too large to convert to float");
        return -1.0;
    }
    return d;
}

/* ---- text --------------------------------------------------------------- */

static int64_t digit_limit(void)
{
    return gp_icur()->int_max_str_digits;
}

static char *digits_raw(gp_obj_t *o, int base, int *neg)
{
    char *s;
    if (IS_SMALL(o)) {
        int64_t v = SMALL(o);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        *neg = v < 0;
        char tmp[70];
        int n = 0;
        do {
            tmp[n++] = "0123456789abcdef"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        s = malloc((size_t)n + 1);
        if (!s)
            return NULL;
        for (int i = 0; i < n; i++)
            s[i] = tmp[n - 1 - i];
        s[n] = 0;
        return s;
    }
    *neg = mpz_sgn(BIG(o)) < 0;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, BIG(o));
    s = mpz_get_str(NULL, base, a);
    mpz_clear(a);
    return s;
}

static void *too_many_digits(int64_t lim)
{
    gp_err_format(&gp_exc_ValueError,
        "Exceeds the limit (%lld digits) for integer string conversion; "
        "use sys.set_int_max_str_digits() to increase the limit",
        (long long)lim);
    return NULL;
}

/* Decimal digits of o under the interpreter's limit: NULL + ValueError
** or MemoryError. */
static char *decimal_digits(gp_obj_t *o, int *neg)
{
    int64_t lim = digit_limit();
    /* a quick bound first, so that a huge value is refused before the
    ** (quadratic-ish) conversion: digits >= (bits - 1) * log10(2) */
    if (!IS_SMALL(o) && lim > 0 &&
        (double)(mpz_sizeinbase(BIG(o), 2) - 1) * 0.30102999566398 >=
            (double)lim)
        return too_many_digits(lim);
    char *d = digits_raw(o, 10, neg);
    if (!d)
        return gp_err_nomemory(), NULL;
    if (lim > 0 && (int64_t)strlen(d) > lim) {
        free(d);
        return too_many_digits(lim);
    }
    return d;
}

char *gp_int_digits(gp_obj_t *o, int base, int *neg)
{
    if (base == 10)
        return decimal_digits(o, neg);
    char *d = digits_raw(o, base, neg);
    if (!d)
        gp_err_nomemory();
    return d;
}

gp_obj_t *gp_int_to_decimal(gp_obj_t *o)
{
    int neg;
    char *d = decimal_digits(o, &neg);
    if (!d)
        return NULL;
    size_t n = strlen(d);
    gp_obj_t *r;
    if (neg) {
        char *t = malloc(n + 2);
        if (!t) {
            free(d);
            return gp_err_nomemory();
        }
        t[0] = '-';
        memcpy(t + 1, d, n + 1);
        r = gp_str_from_latin1(t, (gp_ssize_t)n + 1);
        free(t);
    } else {
        r = gp_str_from_latin1(d, (gp_ssize_t)n);
    }
    free(d);
    return r;
}

/* ValueError "invalid literal": orig is the str or bytes-like object the
** text came from (its repr is shown), or NULL for text from C. */
static gp_obj_t *invalid_literal(const char *s, gp_ssize_t len, int base,
                                 gp_obj_t *orig)
{
    gp_obj_t *str;
    if (orig && GP_STR_CHECK(orig)) {
        str = gp_newref(orig);
    } else if (orig) {
        /* bytes and bytearray show as bytes, cut at 200 */
        str = gp_bytes_from(s, len < 200 ? len : 200);
        if (!str)
            return NULL;
    } else {
        str = gp_str_from_utf8_sp(s, len);
        if (!str) {
            gp_err_clear();
            str = gp_str_from_latin1(s, len);
        }
        if (!str)
            return NULL;
    }
    gp_err_format(&gp_exc_ValueError,
                  "invalid literal for int() with base %d: %.200R", base,
                  str);
    GP_DECREF(str);
    return NULL;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static gp_obj_t *parse_int(const char *s, gp_ssize_t len, int base,
                           gp_obj_t *orig);

gp_obj_t *gp_int_from_string(const char *s, gp_ssize_t len, int base)
{
    return parse_int(s, len, base, NULL);
}

static gp_obj_t *parse_int(const char *s, gp_ssize_t len, int base,
                           gp_obj_t *orig)
{
    if (len < 0)
        len = (gp_ssize_t)strlen(s);
    if ((base != 0 && base < 2) || base > 36) {
        gp_err_set_str(&gp_exc_ValueError,
                       "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    int b = base;
    const char *digits = p;
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            digits = p + 2;
            if (digits < end && *digits == '_')
                digits++;       /* 0x_1f is allowed */
        }
    }
    if (b == 0) {
        b = 10;
        /* base 0: a decimal literal may not have leading zeros */
        if (p < end && p[0] == '0') {
            for (const char *q = p; q < end; q++)
                if (*q != '0' && *q != '_')
                    return invalid_literal(s, len, base, orig);
        }
    }
    /* validate: digits < b, single underscores between digits */
    char *clean = malloc((size_t)(end - digits) + 1);
    if (!clean)
        return gp_err_nomemory();
    size_t n = 0;
    int prev_us = 1;
    for (const char *q = digits; q < end; q++) {
        if (*q == '_') {
            if (prev_us) {
                free(clean);
                return invalid_literal(s, len, base, orig);
            }
            prev_us = 1;
            continue;
        }
        if (digit_value(*q) >= b) {
            free(clean);
            return invalid_literal(s, len, base, orig);
        }
        clean[n++] = *q;
        prev_us = 0;
    }
    if (n == 0 || prev_us) {
        free(clean);
        return invalid_literal(s, len, base, orig);
    }
    clean[n] = 0;
    int64_t lim = digit_limit();
    if (lim > 0 && (b & (b - 1)) != 0 && (int64_t)n > lim) {
        free(clean);
        gp_err_format(&gp_exc_ValueError,
            "Exceeds the limit (%lld digits) for integer string conversion: "
            "value has %zu digits; use sys.set_int_max_str_digits() to "
            "increase the limit", (long long)lim, n);
        return NULL;
    }
    /* fits an int64 for sure: 36**12 < 2**63, 10**18 < 2**63 */
    if (n <= 12 || (b <= 10 && n <= 18) || (b <= 16 && n <= 15)) {
        int64_t v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * b + digit_value(clean[i]);
        free(clean);
        return gp_int_from_i64(neg ? -v : v);
    }
    mpz_ptr z = new_mpz();
    if (!z) {
        free(clean);
        return gp_err_nomemory();
    }
    mpz_set_str(z, clean, b);
    free(clean);
    if (neg)
        mpz_neg(z, z);
    return from_mpz(z);
}

gp_obj_t *gp_int_from_literal(const char *s, gp_ssize_t len)
{
    /* The compiler's literal: leading zeros are fine ("00") there. */
    return gp_int_from_string(s, len, 0);
}

/* ---- arithmetic ------------------------------------------------------------- */

/* Both operands as mpz; op result normalised. */
typedef void (*mpz_binop_fn)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static gp_obj_t *big_binop(gp_obj_t *a, gp_obj_t *b, mpz_binop_fn f)
{
    mpz_ptr x = to_mpz(a), y = to_mpz(b), r = new_mpz();
    if (!x || !y || !r) {
        free_mpz(x);
        free_mpz(y);
        free_mpz(r);
        return gp_err_nomemory();
    }
    f(r, x, y);
    free_mpz(x);
    free_mpz(y);
    return from_mpz(r);
}

gp_obj_t *gp_int_add(gp_obj_t *a, gp_obj_t *b)
{
    int64_t r;
    if (IS_SMALL(a) && IS_SMALL(b) &&
        !__builtin_add_overflow(SMALL(a), SMALL(b), &r))
        return gp_int_from_i64(r);
    return big_binop(a, b, mpz_add);
}

gp_obj_t *gp_int_sub(gp_obj_t *a, gp_obj_t *b)
{
    int64_t r;
    if (IS_SMALL(a) && IS_SMALL(b) &&
        !__builtin_sub_overflow(SMALL(a), SMALL(b), &r))
        return gp_int_from_i64(r);
    return big_binop(a, b, mpz_sub);
}

gp_obj_t *gp_int_mul(gp_obj_t *a, gp_obj_t *b)
{
    int64_t r;
    if (IS_SMALL(a) && IS_SMALL(b) &&
        !__builtin_mul_overflow(SMALL(a), SMALL(b), &r))
        return gp_int_from_i64(r);
    return big_binop(a, b, mpz_mul);
}

int gp_int_compare(gp_obj_t *a, gp_obj_t *b)
{
    if (IS_SMALL(a) && IS_SMALL(b))
        return SMALL(a) < SMALL(b) ? -1 : SMALL(a) > SMALL(b);
    if (IS_SMALL(a))
        return -mpz_sgn(BIG(b)) < 0 ? -1 : 1;
    if (IS_SMALL(b))
        return mpz_sgn(BIG(a)) < 0 ? -1 : 1;
    int c = mpz_cmp(BIG(a), BIG(b));
    return c < 0 ? -1 : c > 0;
}

#define BOTH_INTS(a, b) \
    if (!GP_INT_CHECK(a) || !GP_INT_CHECK(b)) GP_RETURN_NOTIMPLEMENTED

static gp_obj_t *int_add(gp_obj_t *a, gp_obj_t *b)
{
    BOTH_INTS(a, b);
    return gp_int_add(a, b);
}

static gp_obj_t *int_sub(gp_obj_t *a, gp_obj_t *b)
{
    BOTH_INTS(a, b);
    return gp_int_sub(a, b);
}

static gp_obj_t *int_mul(gp_obj_t *a, gp_obj_t *b)
{
    if (!GP_INT_CHECK(a) || !GP_INT_CHECK(b)) {
        /* int * sequence: the sequence repeats (its own slot decides) */
        GP_RETURN_NOTIMPLEMENTED;
    }
    return gp_int_mul(a, b);
}

static int is_zero(gp_obj_t *o)
{
    return IS_SMALL(o) && SMALL(o) == 0;
}

static gp_obj_t *int_floordiv(gp_obj_t *a, gp_obj_t *b)
{
    BOTH_INTS(a, b);
    if (is_zero(b)) {
        gp_err_set_str(&gp_exc_ZeroDivisionError,
                       "integer division or modulo by zero");
        return NULL;
    }
    if (IS_SMALL(a) && IS_SMALL(b) &&
        !(SMALL(a) == INT64_MIN && SMALL(b) == -1)) {
        int64_t x = SMALL(a), y = SMALL(b), q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            q--;
        return gp_int_from_i64(q);
    }
    return big_binop(a, b, mpz_fdiv_q);
}

static gp_obj_t *int_mod(gp_obj_t *a, gp_obj_t *b)
{
    BOTH_INTS(a, b);
    if (is_zero(b)) {
        gp_err_set_str(&gp_exc_ZeroDivisionError,
                       "integer modulo by zero");
        return NULL;
    }
    if (IS_SMALL(a) && IS_SMALL(b) &&
        !(SMALL(a) == INT64_MIN && SMALL(b) == -1)) {
        int64_t x = SMALL(a), y = SMALL(b), r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        return gp_int_from_i64(r);
    }
    return big_binop(a, b, mpz_fdiv_r);
}

static gp_obj_t *int_divmod(gp_obj_t *a, gp_obj_t *b)
{
    BOTH_INTS(a, b);
    gp_obj_t *q = int_floordiv(a, b);
    if (!q)
        return NULL;
    gp_obj_t *r = int_mod(a, b);
    if (!r) {
        GP_DECREF(q);
        return NULL;
    }
    gp_obj_t *t = gp_tuple_pack(2, q, r);
    GP_DECREF(q);
    GP_DECREF(r);
    return t;
}

/* a / b correctly rounded. */
static gp_obj_t *int_truediv(gp_obj_t *a, gp_obj_t *b)
{
    BOTH_INTS(a, b);
    if (is_zero(b)) {
        gp_err_set_str(&gp_exc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    const int64_t lim = (int64_t)1 << 53;
    if (IS_SMALL(a) && IS_SMALL(b) && SMALL(a) > -lim && SMALL(a) < lim &&
        SMALL(b) > -lim && SMALL(b) < lim)
        return gp_float_from_double((double)SMALL(a) / (double)SMALL(b));
    /* |a| / |b| as a 55-bit quotient with a sticky bit, then round. */
    mpz_ptr x = to_mpz(a), y = to_mpz(b);
    if (!x || !y) {
        free_mpz(x);
        free_mpz(y);
        return gp_err_nomemory();
    }
    int neg = (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0);
    mpz_abs(x, x);
    mpz_abs(y, y);
    if (mpz_sgn(x) == 0) {
        free_mpz(x);
        free_mpz(y);
        return gp_float_from_double(neg ? -0.0 : 0.0);
    }
    long shift = (long)mpz_sizeinbase(y, 2) - (long)mpz_sizeinbase(x, 2) + 55;
    int sticky = 0;
    if (shift > 0) {
        mpz_mul_2exp(x, x, (mp_bitcnt_t)shift);
    } else if (shift < 0) {
        /* the bits shifted out still decide a tie */
        sticky = mpz_scan1(x, 0) < (mp_bitcnt_t)-shift;
        mpz_tdiv_q_2exp(x, x, (mp_bitcnt_t)-shift);
    }
    mpz_t q, r;
    mpz_init(q);
    mpz_init(r);
    mpz_tdiv_qr(q, r, x, y);
    sticky |= mpz_sgn(r) != 0;
    /* q has 55 or 56 bits: exponent of the result */
    long qbits = (long)mpz_sizeinbase(q, 2);
    long exp = qbits - shift;     /* result ~ 2^(exp-1) .. 2^exp */
    int extra = (int)(qbits - 53);
    /* denormals: keep fewer bits */
    if (exp - 1 < -1022)
        extra += (int)(-1022 - (exp - 1));
    double d;
    if (exp > 1025) {
        d = INFINITY;
    } else if (extra >= qbits + 2) {
        d = 0.0;
    } else {
        mpz_t m;
        mpz_init(m);
        if (extra > 0) {
            sticky |= mpz_scan1(q, 0) < (mp_bitcnt_t)(extra - 1);
            mpz_tdiv_q_2exp(m, q, (mp_bitcnt_t)(extra - 1));
            int half = mpz_tstbit(m, 0);
            mpz_tdiv_q_2exp(m, m, 1);
            if (half && (sticky || mpz_tstbit(m, 0)))
                mpz_add_ui(m, m, 1);
        } else {
            mpz_set(m, q);
        }
        d = ldexp(mpz_get_d(m), (int)(extra - shift));
        mpz_clear(m);
    }
    mpz_clear(q);
    mpz_clear(r);
    free_mpz(x);
    free_mpz(y);
    if (isinf(d)) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "integer division result too large for a float");
        return NULL;
    }
    return gp_float_from_double(neg ? -d : d);
}

/* GMP aborts the process when an integer outgrows its size field; refuse
** such results first, as CPython's allocator would fail on them anyway. */
#define INT_MAX_BITS ((uint64_t)1 << 36)

static uint64_t nbits(gp_obj_t *o)
{
    if (IS_SMALL(o)) {
        int64_t v = SMALL(o);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return u ? (uint64_t)(64 - __builtin_clzll(u)) : 0;
    }
    return (uint64_t)mpz_sizeinbase(BIG(o), 2);
}

static gp_obj_t *float_pow_of(gp_obj_t *a, gp_obj_t *b)
{
    double x = gp_int_as_double(a);
    if (x == -1.0 && gp_err_occurred())
        return NULL;
    double y = gp_int_as_double(b);
    if (y == -1.0 && gp_err_occurred())
        return NULL;
    if (x == 0.0 && y < 0) {
        gp_err_set_str(&gp_exc_ZeroDivisionError,
                       "0.0 cannot be raised to a negative power");
        return NULL;
    }
    return gp_float_from_double(pow(x, y));
}

static gp_obj_t *int_pow3(gp_obj_t *a, gp_obj_t *b, gp_obj_t *m)
{
    if (!GP_INT_CHECK(a) || !GP_INT_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (m && m != GP_NONE) {
        if (!GP_INT_CHECK(m))
            GP_RETURN_NOTIMPLEMENTED;
        if (is_zero(m)) {
            gp_err_set_str(&gp_exc_ValueError,
                           "pow() 3rd argument cannot be 0");
            return NULL;
        }
        mpz_ptr x = to_mpz(a), y = to_mpz(b), z = to_mpz(m), r = new_mpz();
        if (!x || !y || !z || !r) {
            free_mpz(x); free_mpz(y); free_mpz(z); free_mpz(r);
            return gp_err_nomemory();
        }
        int mneg = mpz_sgn(z) < 0;
        mpz_abs(z, z);
        if (mpz_sgn(y) < 0) {
            if (!mpz_invert(x, x, z)) {
                free_mpz(x); free_mpz(y); free_mpz(z); free_mpz(r);
                gp_err_set_str(&gp_exc_ValueError,
                               "base is not invertible for the given "
                               "modulus");
                return NULL;
            }
            mpz_neg(y, y);
        }
        mpz_powm(r, x, y, z);
        if (mneg && mpz_sgn(r) != 0)
            mpz_sub(r, r, z);
        free_mpz(x);
        free_mpz(y);
        free_mpz(z);
        return from_mpz(r);
    }
    if (gp_int_sign(b) < 0)
        return float_pow_of(a, b);
    if (IS_SMALL(a) && IS_SMALL(b)) {
        int64_t base = SMALL(a), e = SMALL(b), r = 1;
        int ok = 1;
        while (e && ok) {
            if (e & 1)
                ok = !__builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e && ok)
                ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok)
            return gp_int_from_i64(r);
    }
    if (!IS_SMALL(b)) {
        /* only 0, 1 and -1 survive a huge exponent */
        if (IS_SMALL(a) && (SMALL(a) == 0 || SMALL(a) == 1))
            return gp_int_from_i64(SMALL(a));
        if (IS_SMALL(a) && SMALL(a) == -1)
            return gp_int_from_i64(mpz_odd_p(BIG(b)) ? -1 : 1);
        return gp_err_nomemory();
    }
    {
        uint64_t abits = nbits(a);
        if (abits > 1 && (abits - 1) * (unsigned __int128)SMALL(b) >
                         INT_MAX_BITS)
            return gp_err_nomemory();
    }
    mpz_ptr x = to_mpz(a), r = new_mpz();
    if (!x || !r) {
        free_mpz(x);
        free_mpz(r);
        return gp_err_nomemory();
    }
    mpz_pow_ui(r, x, (unsigned long)SMALL(b));
    free_mpz(x);
    return from_mpz(r);
}

static gp_obj_t *int_pow(gp_obj_t *a, gp_obj_t *b)
{
    return int_pow3(a, b, NULL);
}

static gp_obj_t *shift(gp_obj_t *a, gp_obj_t *b, int left)
{
    BOTH_INTS(a, b);
    if (gp_int_sign(b) < 0) {
        gp_err_set_str(&gp_exc_ValueError, "negative shift count");
        return NULL;
    }
    if (!IS_SMALL(b)) {
        if (!left)
            return gp_int_from_i64(gp_int_sign(a) < 0 ? -1 : 0);
        if (is_zero(a))
            return gp_int_from_i64(0);
        /* CPython counts the shift in 30-bit digits of a Py_ssize_t */
        mpz_t q;
        mpz_init(q);
        mpz_tdiv_q_ui(q, BIG(b), 30);
        int fits = mpz_fits_slong_p(q);
        mpz_clear(q);
        if (!fits) {
            gp_err_set_str(&gp_exc_OverflowError,
                           "too many digits in integer");
            return NULL;
        }
        return gp_err_nomemory();
    }
    int64_t n = SMALL(b);
    if (left && n >= 63 && !is_zero(a) &&
        (uint64_t)n + nbits(a) > INT_MAX_BITS)
        return gp_err_nomemory();
    if (IS_SMALL(a)) {
        int64_t x = SMALL(a);
        if (!left)
            return gp_int_from_i64(n >= 63 ? (x < 0 ? -1 : 0) : x >> n);
        if (n < 63) {
            int64_t r = (int64_t)((uint64_t)x << n);
            if ((r >> n) == x)
                return gp_int_from_i64(r);
        }
        if (x == 0)
            return gp_int_from_i64(0);
    }
    mpz_ptr x = to_mpz(a);
    if (!x)
        return gp_err_nomemory();
    if (left)
        mpz_mul_2exp(x, x, (mp_bitcnt_t)n);
    else
        mpz_fdiv_q_2exp(x, x, (mp_bitcnt_t)n);
    return from_mpz(x);
}

static gp_obj_t *int_lshift(gp_obj_t *a, gp_obj_t *b)
{
    return shift(a, b, 1);
}

static gp_obj_t *int_rshift(gp_obj_t *a, gp_obj_t *b)
{
    return shift(a, b, 0);
}

#define BITOP(fn, op, mpzop) \
    static gp_obj_t *fn(gp_obj_t *a, gp_obj_t *b) \
    { \
        BOTH_INTS(a, b); \
        if (IS_SMALL(a) && IS_SMALL(b)) \
            return gp_int_from_i64(SMALL(a) op SMALL(b)); \
        return big_binop(a, b, mpzop); \
    }
BITOP(int_and, &, mpz_and)
BITOP(int_or, |, mpz_ior)
BITOP(int_xor, ^, mpz_xor)

static gp_obj_t *int_neg(gp_obj_t *a)
{
    if (IS_SMALL(a) && SMALL(a) != INT64_MIN)
        return gp_int_from_i64(-SMALL(a));
    mpz_ptr x = to_mpz(a);
    if (!x)
        return gp_err_nomemory();
    mpz_neg(x, x);
    return from_mpz(x);
}

static gp_obj_t *int_exact(gp_obj_t *a)
{
    if (GP_INT_CHECK_EXACT(a))
        return gp_newref(a);
    if (IS_SMALL(a))
        return gp_int_from_i64(SMALL(a));
    mpz_ptr x = to_mpz(a);
    return x ? from_mpz(x) : gp_err_nomemory();
}

static gp_obj_t *int_abs(gp_obj_t *a)
{
    return gp_int_sign(a) < 0 ? int_neg(a) : int_exact(a);
}

static gp_obj_t *int_invert(gp_obj_t *a)
{
    if (IS_SMALL(a))
        return gp_int_from_i64(~SMALL(a));
    mpz_ptr x = to_mpz(a);
    if (!x)
        return gp_err_nomemory();
    mpz_com(x, x);
    return from_mpz(x);
}

static int int_bool(gp_obj_t *a)
{
    return !is_zero(a);
}

static gp_obj_t *int_float(gp_obj_t *a)
{
    double d = gp_int_as_double(a);
    if (d == -1.0 && gp_err_occurred())
        return NULL;
    return gp_float_from_double(d);
}

/* ---- hash, compare, repr ----------------------------------------------- */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

gp_hash_t gp_int_hash(gp_obj_t *o)
{
    gp_hash_t h;
    if (IS_SMALL(o)) {
        int64_t v = SMALL(o);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        h = (gp_hash_t)(u % HASH_MODULUS);
        if (v < 0)
            h = -h;
    } else {
        h = (gp_hash_t)mpz_fdiv_ui(BIG(o), (unsigned long)HASH_MODULUS);
        if (mpz_sgn(BIG(o)) < 0) {
            mpz_t a;
            mpz_init(a);
            mpz_abs(a, BIG(o));
            h = -(gp_hash_t)mpz_fdiv_ui(a, (unsigned long)HASH_MODULUS);
            mpz_clear(a);
        }
    }
    return h == -1 ? -2 : h;
}

static gp_obj_t *int_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    BOTH_INTS(a, b);
    int c = gp_int_compare(a, b);
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

static gp_obj_t *int_repr(gp_obj_t *o)
{
    return gp_int_to_decimal(o);
}

static void int_dealloc(gp_obj_t *o)
{
    if (!IS_SMALL(o)) {
        free_mpz(BIG(o));
        ((gp_int_t *)o)->big = NULL;
    }
    if (!GP_INT_CHECK_EXACT(o))
        gp_object_free(o);
    else if (!gp_freelist_push(&gp_tcur()->ints, o))
        free(o);
}

/* ---- construction -------------------------------------------------------- */

/* An int of subtype t with o's value. */
static gp_obj_t *int_subtype(gp_type_t *t, gp_obj_t *o)
{
    gp_int_t *r = (gp_int_t *)alloc_int(t);
    if (!r)
        return NULL;
    if (IS_SMALL(o)) {
        r->v = SMALL(o);
    } else {
        r->big = to_mpz(o);
        if (!r->big) {
            GP_DECREF(r);
            return gp_err_nomemory();
        }
    }
    if (t->flags & GP_TPFLAGS_HAVE_GC)
        gp_gc_track((gp_obj_t *)r);
    return (gp_obj_t *)r;
}

static gp_obj_t *int_new(gp_type_t *t, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"", "base", NULL};
    gp_obj_t *a[2];
    if (kwnames) {
        /* int() keeps CPython's older keyword messages */
        gp_ssize_t nk = GP_SIZE(kwnames);
        if (nargs + nk > 2)
            return gp_err_format(&gp_exc_TypeError, "int() takes at most 2 "
                                 "arguments (%zd given)", nargs + nk);
        for (gp_ssize_t i = 0; i < nk; i++) {
            gp_obj_t *k = GP_TUPLE_GET(kwnames, i);
            gp_ssize_t kl;
            const char *ks = gp_str_utf8_sp(k, &kl);
            if (!ks)
                return NULL;
            if (kl != 4 || memcmp(ks, "base", 4) != 0)
                return gp_err_format(&gp_exc_TypeError, "%R is an invalid "
                                     "keyword argument for int()", k);
        }
    }
    if (gp_arg_parse("int", args, nargs, kwnames, names, 1, 0, a) < 0)
        return NULL;
    gp_obj_t *x = a[0], *base = a[1], *r;
    const char *bs;
    gp_ssize_t bn;
    if (!x) {
        if (base) {
            gp_err_set_str(&gp_exc_TypeError, "int() missing string "
                           "argument");
            return NULL;
        }
        r = gp_int_from_i64(0);
    } else if (!base) {
        if (GP_STR_CHECK(x)) {
            gp_ssize_t n;
            gp_obj_t *dec = gp_str_transform_decimal(x);
            if (!dec)
                return NULL;
            const char *s = gp_str_utf8_sp(dec, &n);
            r = s ? parse_int(s, n, 10, x) : NULL;
            GP_DECREF(dec);
        } else if (IS_BYTESLIKE(x) && gp_bytes_view(x, &bs, &bn) == 0) {
            r = parse_int(bs, bn, 10, x);
        } else {
            r = gp_number_long(x);
            if (r && !GP_INT_CHECK_EXACT(r)) {
                gp_obj_t *e = int_exact(r);
                GP_DECREF(r);
                r = e;
            }
        }
    } else {
        int ov;
        int64_t b = gp_int_as_i64_overflow(base, &ov);
        if (b == -1 && gp_err_occurred())
            return NULL;
        if (ov || (b != 0 && (b < 2 || b > 36))) {
            gp_err_set_str(&gp_exc_ValueError,
                           "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
        gp_ssize_t n;
        const char *s;
        gp_obj_t *dec = NULL;
        if (GP_STR_CHECK(x)) {
            dec = gp_str_transform_decimal(x);
            if (!dec)
                return NULL;
            s = gp_str_utf8_sp(dec, &n);
        } else if (IS_BYTESLIKE(x) && gp_bytes_view(x, &s, &n) == 0) {
            /* bytes and bytearray */
        } else {
            gp_err_set_str(&gp_exc_TypeError,
                           "int() can't convert non-string with explicit "
                           "base");
            return NULL;
        }
        r = s ? parse_int(s, n, (int)b, x) : NULL;
        GP_XDECREF(dec);
    }
    if (!r || t == &gp_int_type)
        return r;
    gp_obj_t *s = int_subtype(t, r);
    GP_DECREF(r);
    return s;
}

/* ---- exact helpers for the math module ---------------------------------- */

gp_obj_t *gp_int_gcd(gp_obj_t *a, gp_obj_t *b)
{
    if (IS_SMALL(a) && IS_SMALL(b) && SMALL(a) != INT64_MIN &&
        SMALL(b) != INT64_MIN) {
        uint64_t x = (uint64_t)llabs(SMALL(a)), y = (uint64_t)llabs(SMALL(b));
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return gp_int_from_u64(x);
    }
    mpz_ptr x = to_mpz(a), y = to_mpz(b);
    if (!x || !y) {
        free_mpz(x);
        free_mpz(y);
        return gp_err_nomemory();
    }
    mpz_gcd(x, x, y);
    free_mpz(y);
    return from_mpz(x);
}

gp_obj_t *gp_int_factorial(uint64_t n)
{
    if (n <= 20) {
        int64_t f = 1;
        for (uint64_t i = 2; i <= n; i++)
            f *= (int64_t)i;
        return gp_int_from_i64(f);
    }
    /* n! has about n*log2(n) bits */
    if ((double)n * log2((double)n) > (double)INT_MAX_BITS)
        return gp_err_nomemory();
    mpz_ptr z = new_mpz();
    if (!z)
        return gp_err_nomemory();
    mpz_fac_ui(z, (unsigned long)n);
    return from_mpz(z);
}

gp_obj_t *gp_int_binomial(gp_obj_t *n, uint64_t k)
{
    if ((double)k * (double)nbits(n) > (double)INT_MAX_BITS)
        return gp_err_nomemory();
    mpz_ptr z = to_mpz(n);
    if (!z)
        return gp_err_nomemory();
    mpz_bin_ui(z, z, (unsigned long)k);
    return from_mpz(z);
}

gp_obj_t *gp_int_isqrt(gp_obj_t *n)
{
    if (IS_SMALL(n)) {
        uint64_t v = (uint64_t)SMALL(n);
        uint64_t r = (uint64_t)sqrt((double)v);
        /* the double root can be one off either way near 2**63 */
        while (r > 0 && (r > UINT32_MAX || r * r > v))
            r--;
        while ((r + 1) <= UINT32_MAX && (r + 1) * (r + 1) <= v)
            r++;
        return gp_int_from_i64((int64_t)r);
    }
    mpz_ptr z = to_mpz(n);
    if (!z)
        return gp_err_nomemory();
    mpz_sqrt(z, z);
    return from_mpz(z);
}

/* ---- methods ------------------------------------------------------------ */

static gp_obj_t *int_bit_length(gp_obj_t *self, gp_obj_t *unused)
{
    if (IS_SMALL(self)) {
        int64_t v = SMALL(self);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return gp_int_from_i64(u ? 64 - __builtin_clzll(u) : 0);
    }
    return gp_int_from_i64((int64_t)mpz_sizeinbase(BIG(self), 2));
}

static gp_obj_t *int_bit_count(gp_obj_t *self, gp_obj_t *unused)
{
    if (IS_SMALL(self)) {
        int64_t v = SMALL(self);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return gp_int_from_i64(__builtin_popcountll(u));
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, BIG(self));
    int64_t n = (int64_t)mpz_popcount(a);
    mpz_clear(a);
    return gp_int_from_i64(n);
}

static int parse_byteorder(gp_obj_t *o, int *little)
{
    if (!o) {
        *little = 0;
        return 0;
    }
    if (GP_STR_CHECK(o) && gp_str_eq_cstr(o, "little")) {
        *little = 1;
        return 0;
    }
    if (GP_STR_CHECK(o) && gp_str_eq_cstr(o, "big")) {
        *little = 0;
        return 0;
    }
    if (!GP_STR_CHECK(o)) {
        gp_err_format(&gp_exc_TypeError,
                      "to_bytes() argument 'byteorder' must be str, not %s",
                      gp_type_name_cstr(GP_TYPE(o)));
        return -1;
    }
    gp_err_set_str(&gp_exc_ValueError,
                   "byteorder must be either 'little' or 'big'");
    return -1;
}

static gp_obj_t *int_to_bytes(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed",
                                        NULL};
    gp_obj_t *a[3];
    if (nargs > 2)
        return gp_err_format(&gp_exc_TypeError, "to_bytes() takes at most 2 "
                             "positional arguments (%zd given)", nargs);
    if (kwnames && nargs + GP_SIZE(kwnames) > 3)
        return gp_err_format(&gp_exc_TypeError, "to_bytes() takes at most 3 "
                             "arguments (%zd given)",
                             nargs + GP_SIZE(kwnames));
    if (gp_arg_parse("to_bytes", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    gp_ssize_t len = 1;
    if (a[0]) {
        len = gp_number_as_ssize_t(a[0], &gp_exc_OverflowError);
        if (len == -1 && gp_err_occurred())
            return NULL;
        if (len < 0) {
            gp_err_set_str(&gp_exc_ValueError,
                           "length argument must be non-negative");
            return NULL;
        }
    }
    int little;
    if (parse_byteorder(a[1], &little) < 0)
        return NULL;
    int is_signed = a[2] ? gp_is_true(a[2]) : 0;
    if (is_signed < 0)
        return NULL;
    if (!is_signed && gp_int_sign(self) < 0) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "can't convert negative int to unsigned");
        return NULL;
    }
    mpz_ptr z = to_mpz(self);
    if (!z)
        return gp_err_nomemory();
    /* two's complement in len bytes */
    mpz_t m;
    mpz_init(m);
    if (mpz_sgn(z) < 0) {
        mpz_ui_pow_ui(m, 256, (unsigned long)len);
        mpz_add(z, z, m);
    }
    size_t need = mpz_sgn(z) ? (mpz_sizeinbase(z, 2) + 7) / 8 : 0;
    int overflow = need > (size_t)len;
    if (!overflow && is_signed && len > 0 && gp_int_sign(self) >= 0 &&
        mpz_sizeinbase(z, 2) >= (size_t)len * 8 && mpz_sgn(z))
        overflow = 1;
    /* -1 fits zero bytes, as in CPython (its sign is all it has) */
    if (!overflow && is_signed && gp_int_sign(self) < 0 &&
        (len == 0 ? !(IS_SMALL(self) && SMALL(self) == -1)
                  : !mpz_tstbit(z, (mp_bitcnt_t)len * 8 - 1)))
        overflow = 1;
    if (overflow) {
        mpz_clear(m);
        free_mpz(z);
        gp_err_set_str(&gp_exc_OverflowError, "int too big to convert");
        return NULL;
    }
    /* No address space holds more than 2**47 bytes: fail as an allocation
    ** would, without asking for one (sanitizers abort on such requests). */
    unsigned char *buf = (uint64_t)len < ((uint64_t)1 << 47)
                         ? calloc(1, (size_t)len + 1) : NULL;
    if (!buf) {
        mpz_clear(m);
        free_mpz(z);
        return gp_err_nomemory();
    }
    size_t count = 0;
    if (need)
        mpz_export(buf + (size_t)len - need, &count, 1, 1, 1, 0, z);
    if (little)
        for (gp_ssize_t i = 0; i < len / 2; i++) {
            unsigned char c = buf[i];
            buf[i] = buf[len - 1 - i];
            buf[len - 1 - i] = c;
        }
    gp_obj_t *r = gp_bytes_from((const char *)buf, len);
    free(buf);
    mpz_clear(m);
    free_mpz(z);
    return r;
}

static gp_obj_t *int_from_bytes(gp_obj_t *cls, gp_obj_t *const *args,
                                gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed",
                                        NULL};
    gp_obj_t *a[3];
    if (nargs > 2)
        return gp_err_format(&gp_exc_TypeError, "from_bytes() takes at most 2 "
                             "positional arguments (%zd given)", nargs);
    if (kwnames && nargs + GP_SIZE(kwnames) > 3)
        return gp_err_format(&gp_exc_TypeError, "from_bytes() takes at most 3 "
                             "arguments (%zd given)",
                             nargs + GP_SIZE(kwnames));
    if (gp_arg_parse("from_bytes", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    int little;
    if (parse_byteorder(a[1], &little) < 0)
        return NULL;
    int is_signed = a[2] ? gp_is_true(a[2]) : 0;
    if (is_signed < 0)
        return NULL;
    gp_obj_t *b;
    if (GP_TYPE(a[0]) == &gp_bytes_type) {
        b = gp_newref(a[0]);
    } else if (GP_STR_CHECK(a[0]) || GP_INT_CHECK(a[0])) {
        /* bytes(str) / bytes(n) mean something else; from_bytes rejects
        ** them as CPython's PyObject_Bytes does. */
        return gp_err_format(&gp_exc_TypeError,
                             "cannot convert '%s' object to bytes",
                             GP_TYPE(a[0])->name);
    } else {
        b = gp_call_one((gp_obj_t *)&gp_bytes_type, a[0]);
        if (!b)
            return NULL;
    }
    gp_ssize_t n = GP_SIZE(b);
    const unsigned char *d = (const unsigned char *)GP_BYTES_DATA(b);
    mpz_ptr z = new_mpz();
    if (!z) {
        GP_DECREF(b);
        return gp_err_nomemory();
    }
    if (n)
        mpz_import(z, (size_t)n, little ? -1 : 1, 1, 1, 0, d);
    if (is_signed && n && (d[little ? n - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_ui_pow_ui(m, 256, (unsigned long)n);
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    GP_DECREF(b);
    gp_obj_t *r = from_mpz(z);
    if (r && cls != (gp_obj_t *)&gp_int_type) {
        gp_obj_t *c = gp_call_one(cls, r);
        GP_DECREF(r);
        return c;
    }
    return r;
}

static gp_obj_t *int_as_integer_ratio(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *n = int_exact(self);
    gp_obj_t *one = gp_int_from_i64(1);
    gp_obj_t *t = n && one ? gp_tuple_pack(2, n, one) : NULL;
    GP_XDECREF(n);
    GP_XDECREF(one);
    return t;
}

static gp_obj_t *int_self(gp_obj_t *self, gp_obj_t *unused)
{
    return int_exact(self);
}

static gp_obj_t *int_round(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    if (gp_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0 || args[0] == GP_NONE)
        return int_exact(self);
    gp_obj_t *nd = gp_number_index(args[0]);
    if (!nd)
        return NULL;
    if (gp_int_sign(nd) >= 0) {
        GP_DECREF(nd);
        return int_exact(self);
    }
    /* round to 10**-ndigits, half to even */
    gp_obj_t *neg = int_neg(nd);
    GP_DECREF(nd);
    if (!neg)
        return NULL;
    gp_obj_t *ten = gp_int_from_i64(10);
    gp_obj_t *p = int_pow(ten, neg);
    GP_DECREF(ten);
    GP_DECREF(neg);
    if (!p)
        return NULL;
    mpz_ptr x = to_mpz(self), m = to_mpz(p), q = new_mpz(), r = new_mpz();
    GP_DECREF(p);
    if (!x || !m || !q || !r) {
        free_mpz(x); free_mpz(m); free_mpz(q); free_mpz(r);
        return gp_err_nomemory();
    }
    mpz_fdiv_qr(q, r, x, m);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, m);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, m);
    free_mpz(x);
    free_mpz(m);
    free_mpz(r);
    return from_mpz(q);
}

static gp_obj_t *int_format(gp_obj_t *self, gp_obj_t *spec)
{
    if (!GP_STR_CHECK(spec)) {
        return gp_err_format(&gp_exc_TypeError,
                             "format() argument 2 must be str, not %s",
                             gp_type_name_cstr(GP_TYPE(spec)));
    }
    if (GP_SIZE(spec) == 0)
        return gp_str(self);
    gp_ssize_t sl;
    const char *s = gp_str_utf8_sp(spec, &sl);
    if (!s)
        return NULL;
    const char *tn = gp_type_name_cstr(GP_TYPE(self));
    gp_fspec_t fs;
    gp_fspec_error_t err;
    memset(&err, 0, sizeof err);
    if (gp_fspec_parse(s, (size_t)sl, GP_FSPEC_INT, tn, &fs, &err) < 0)
        return gp_fspec_raise(&err);
    int base = fs.type == 'x' || fs.type == 'X' ? 16 : fs.type == 'o' ? 8
             : fs.type == 'b' ? 2 : 10;
    int neg;
    char *digits = gp_int_digits(self, base, &neg);
    if (!digits)
        return NULL;
    char *out;
    size_t outlen;
    int rc = base == 10
        ? gp_format_int(digits, neg, &fs, tn, &out, &outlen, &err)
        : gp_format_int_base(digits, strlen(digits), base, neg, &fs, tn,
                             &out, &outlen, &err);
    free(digits);
    if (rc < 0)
        return gp_fspec_raise(&err);
    gp_obj_t *r = gp_str_from_utf8_sp(out, (gp_ssize_t)outlen);
    free(out);
    return r;
}

static gp_obj_t *int_sizeof(gp_obj_t *self, gp_obj_t *unused)
{
    /* CPython's figure (a header and 30-bit digits, at least one), which
    ** programs print, rather than this object's own layout */
    uint64_t digits = (nbits(self) + 29) / 30;
    return gp_int_from_i64((int64_t)(24 + 4 * (digits ? digits : 1)));
}

static gp_obj_t *int_getnewargs(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *v = int_exact(self);
    gp_obj_t *t = v ? gp_tuple_pack(1, v) : NULL;
    GP_XDECREF(v);
    return t;
}

static gp_methoddef_t int_methods[] = {
    {"bit_length", int_bit_length, GP_METH_NOARGS, NULL},
    {"bit_count", int_bit_count, GP_METH_NOARGS, NULL},
    {"to_bytes", GP_METH_FN(int_to_bytes),
     GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL},
    {"from_bytes", GP_METH_FN(int_from_bytes),
     GP_METH_FASTCALL | GP_METH_KEYWORDS | GP_METH_CLASS, NULL},
    {"as_integer_ratio", int_as_integer_ratio, GP_METH_NOARGS, NULL},
    {"conjugate", int_self, GP_METH_NOARGS, NULL},
    {"__trunc__", int_self, GP_METH_NOARGS, NULL},
    {"__floor__", int_self, GP_METH_NOARGS, NULL},
    {"__ceil__", int_self, GP_METH_NOARGS, NULL},
    {"__round__", GP_METH_FN(int_round), GP_METH_FASTCALL, NULL},
    {"__format__", int_format, GP_METH_O, NULL},
    {"__sizeof__", int_sizeof, GP_METH_NOARGS, NULL},
    {"__getnewargs__", int_getnewargs, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *int_get_self(gp_obj_t *o, void *c)
{
    return int_exact(o);
}

static gp_obj_t *int_get_zero(gp_obj_t *o, void *c)
{
    return gp_int_from_i64(0);
}

static gp_obj_t *int_get_one(gp_obj_t *o, void *c)
{
    return gp_int_from_i64(1);
}

static gp_getsetdef_t int_getset[] = {
    {"real", int_get_self, NULL, NULL, NULL},
    {"imag", int_get_zero, NULL, NULL, NULL},
    {"numerator", int_get_self, NULL, NULL, NULL},
    {"denominator", int_get_one, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_number_methods_t int_as_number = {
    .binop = {
        [GP_NB_ADD] = int_add, [GP_NB_SUBTRACT] = int_sub,
        [GP_NB_MULTIPLY] = int_mul, [GP_NB_FLOOR_DIVIDE] = int_floordiv,
        [GP_NB_REMAINDER] = int_mod, [GP_NB_TRUE_DIVIDE] = int_truediv,
        [GP_NB_POWER] = int_pow, [GP_NB_LSHIFT] = int_lshift,
        [GP_NB_RSHIFT] = int_rshift, [GP_NB_AND] = int_and,
        [GP_NB_OR] = int_or, [GP_NB_XOR] = int_xor,
    },
    .power3 = int_pow3,
    .neg = int_neg,
    .pos = int_exact,
    .abs = int_abs,
    .invert = int_invert,
    .bool_ = int_bool,
    .int_ = int_exact,
    .float_ = int_float,
    .index = int_exact,
    .divmod = int_divmod,
};

static gp_hash_t int_hash_slot(gp_obj_t *o)
{
    return gp_int_hash(o);
}

gp_type_t gp_int_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "int",
    .basicsize = sizeof(gp_int_t),
    .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_INT_SUBCLASS,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash_slot,
    .richcompare = int_richcompare,
    .new_ = int_new,
    .as_number = &int_as_number,
    .methods = int_methods,
    .getset = int_getset,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};

/* ---- bool ------------------------------------------------------------------ */

static gp_obj_t *bool_repr(gp_obj_t *o)
{
    return gp_str_from_cstr(o == GP_TRUE ? "True" : "False");
}

static gp_obj_t *bool_new(gp_type_t *t, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (gp_arg_no_kw("bool", kwnames) < 0 ||
        gp_arg_count("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        GP_RETURN_FALSE;
    int r = gp_is_true(args[0]);
    return r < 0 ? NULL : gp_bool_from(r);
}

#define BOOL_BITOP(fn, op, intfn) \
    static gp_obj_t *fn(gp_obj_t *a, gp_obj_t *b) \
    { \
        if (GP_BOOL_CHECK(a) && GP_BOOL_CHECK(b)) \
            return gp_bool_from((a == GP_TRUE) op (b == GP_TRUE)); \
        return intfn(a, b); \
    }
BOOL_BITOP(bool_and, &, int_and)
BOOL_BITOP(bool_or, |, int_or)
BOOL_BITOP(bool_xor, ^, int_xor)

static void bool_dealloc(gp_obj_t *o)
{
    o->refcnt = GP_IMMORTAL_REFCNT;
}

static gp_number_methods_t bool_as_number = {
    .binop = {
        [GP_NB_AND] = bool_and, [GP_NB_OR] = bool_or, [GP_NB_XOR] = bool_xor,
    },
};

gp_type_t gp_bool_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "bool",
    .basicsize = sizeof(gp_int_t),
    .flags = GP_TPFLAGS_INT_SUBCLASS,
    .dealloc = bool_dealloc,
    .repr = bool_repr,
    .new_ = bool_new,
    .as_number = &bool_as_number,
    .base = &gp_int_type,
    .doc = "bool(x) -> bool",
};

int gp_obj_int_init(void)
{
    for (int i = GP_SMALLINT_MIN; i <= GP_SMALLINT_MAX; i++) {
        gp_int_t *o = &small_ints[i - GP_SMALLINT_MIN];
        o->ob.refcnt = GP_IMMORTAL_REFCNT;
        o->ob.type = &gp_int_type;
        o->v = i;
        o->big = NULL;
    }
    if (gp_type_ready(&gp_int_type) < 0 || gp_type_ready(&gp_bool_type) < 0)
        return -1;
    return 0;
}
