/*
** obj_float.c — float: an IEEE double with CPython's repr (floatrepr.h),
** hash (equal to int's for integral values), exact comparison with ints
** of any size, Python's floor division and modulo rules, and
** float(str) with CPython's grammar and messages.  Floats are immutable;
** no guard needed.
*/
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/bytesobj.h"
#include "objects/gc.h"
#include "objects/floatrepr.h"
#include "objects/formatspec.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

#define FV(o) (((gp_float_t *)(o))->v)

gp_obj_t *gp_float_from_double(double v)
{
    gp_float_t *f = gp_freelist_pop(&gp_tcur()->floats);
    if (!f && !(f = malloc(sizeof *f)))
        return gp_err_nomemory();
    f->ob.refcnt = 1;
    f->ob.type = &gp_float_type;
    f->v = v;
    return (gp_obj_t *)f;
}

double gp_float_as_double(gp_obj_t *o)
{
    if (GP_FLOAT_CHECK(o))
        return FV(o);
    if (GP_INT_CHECK(o))
        return gp_int_as_double(o);
    gp_number_methods_t *nb = GP_TYPE(o)->as_number;
    if (nb && (nb->float_ || nb->index)) {
        gp_obj_t *f = gp_number_float(o);
        if (!f)
            return -1.0;
        double d = FV(f);
        GP_DECREF(f);
        return d;
    }
    gp_err_format(&gp_exc_TypeError, "must be real number, not %s",
                  gp_type_name_cstr(GP_TYPE(o)));
    return -1.0;
}

static void float_dealloc(gp_obj_t *o)
{
    if (!GP_FLOAT_CHECK_EXACT(o))
        gp_object_free(o);
    else if (!gp_freelist_push(&gp_tcur()->floats, o))
        free(o);
}

static gp_obj_t *float_repr(gp_obj_t *o)
{
    char buf[GP_FLOAT_REPR_MAX];
    size_t n = gp_float_repr(FV(o), buf);
    return gp_str_from_latin1(buf, (gp_ssize_t)n);
}

/* ---- hash ------------------------------------------------------------- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

gp_hash_t gp_hash_double(gp_obj_t *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? 314159 : -314159;
        return gp_hash_pointer(inst);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    gp_hash_t h = (gp_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static gp_hash_t float_hash(gp_obj_t *o)
{
    return gp_hash_double(o, FV(o));
}

/* ---- conversion of operands ------------------------------------------- */

/* The other operand as a double: floats and ints; 1 ok, 0 not a number
** (NotImplemented), -1 error (an int too big). */
static int as_double(gp_obj_t *o, double *d)
{
    if (GP_FLOAT_CHECK(o)) {
        *d = FV(o);
        return 1;
    }
    if (GP_INT_CHECK(o)) {
        *d = gp_int_as_double(o);
        if (*d == -1.0 && gp_err_occurred())
            return -1;
        return 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y) \
    double x, y; \
    { int ra_ = as_double(a, &x); if (ra_ < 0) return NULL; \
      int rb_ = ra_ ? as_double(b, &y) : 0; if (rb_ < 0) return NULL; \
      if (!ra_ || !rb_) GP_RETURN_NOTIMPLEMENTED; }

static gp_obj_t *float_add(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    return gp_float_from_double(x + y);
}

static gp_obj_t *float_sub(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    return gp_float_from_double(x - y);
}

static gp_obj_t *float_mul(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    return gp_float_from_double(x * y);
}

static gp_obj_t *float_div(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        gp_err_set_str(&gp_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return gp_float_from_double(x / y);
}

/* Python's divmod for doubles (CPython's float_divmod). */
static void py_divmod(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    if (div) {
        double f = floor(div);
        if (div - f > 0.5)
            f += 1.0;
        div = f;
    } else {
        div = copysign(0.0, vx / wx);
    }
    *floordiv = div;
    *mod = m;
}

static gp_obj_t *float_floordiv(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        gp_err_set_str(&gp_exc_ZeroDivisionError,
                       "float floor division by zero");
        return NULL;
    }
    double d, m;
    py_divmod(x, y, &d, &m);
    return gp_float_from_double(d);
}

static gp_obj_t *float_mod(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        gp_err_set_str(&gp_exc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    double d, m;
    py_divmod(x, y, &d, &m);
    return gp_float_from_double(m);
}

static gp_obj_t *float_divmod(gp_obj_t *a, gp_obj_t *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        gp_err_set_str(&gp_exc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double d, m;
    py_divmod(x, y, &d, &m);
    gp_obj_t *q = gp_float_from_double(d), *r = gp_float_from_double(m);
    gp_obj_t *t = q && r ? gp_tuple_pack(2, q, r) : NULL;
    GP_XDECREF(q);
    GP_XDECREF(r);
    return t;
}

static gp_obj_t *float_pow3(gp_obj_t *a, gp_obj_t *b, gp_obj_t *m)
{
    if (m && m != GP_NONE) {
        if (!GP_FLOAT_CHECK(a) && !GP_FLOAT_CHECK(b))
            GP_RETURN_NOTIMPLEMENTED;
        gp_err_set_str(&gp_exc_TypeError, "pow() 3rd argument not allowed "
                       "unless all arguments are integers");
        return NULL;
    }
    OPERANDS(a, b, x, y);
    if (x == 0.0 && y < 0.0) {
        gp_err_set_str(&gp_exc_ZeroDivisionError,
                       "0.0 cannot be raised to a negative power");
        return NULL;
    }
    if (x < 0.0 && y != floor(y) && isfinite(y) && isfinite(x)) {
        /* CPython returns a complex number here; gilpy has none. */
        gp_err_set_str(&gp_exc_ValueError,
                       "complex numbers are not supported by gilpy");
        return NULL;
    }
    errno = 0;
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        gp_err_set_str(&gp_exc_OverflowError, "(34, 'Numerical result out "
                       "of range')");
        return NULL;
    }
    return gp_float_from_double(r);
}

static gp_obj_t *float_pow(gp_obj_t *a, gp_obj_t *b)
{
    return float_pow3(a, b, NULL);
}

static gp_obj_t *float_neg(gp_obj_t *a)
{
    return gp_float_from_double(-FV(a));
}

static gp_obj_t *float_pos(gp_obj_t *a)
{
    if (GP_FLOAT_CHECK_EXACT(a))
        return gp_newref(a);
    return gp_float_from_double(FV(a));
}

static gp_obj_t *float_abs(gp_obj_t *a)
{
    return gp_float_from_double(fabs(FV(a)));
}

static int float_bool(gp_obj_t *a)
{
    return FV(a) != 0.0;
}

static gp_obj_t *float_int(gp_obj_t *a)
{
    return gp_int_from_double(trunc(FV(a)));
}

/* ---- comparison: exact against ints of any size ------------------------ */

static int cmp_result(int c, int op)
{
    switch (op) {
    case GP_LT: return c < 0;
    case GP_LE: return c <= 0;
    case GP_EQ: return c == 0;
    case GP_NE: return c != 0;
    case GP_GT: return c > 0;
    default: return c >= 0;
    }
}

static gp_obj_t *float_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    double x = FV(a);
    if (GP_FLOAT_CHECK(b)) {
        double y = FV(b);
        if (isnan(x) || isnan(y))
            return gp_bool_from(op == GP_NE);
        return gp_bool_from(cmp_result(x < y ? -1 : x > y, op));
    }
    if (!GP_INT_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (isnan(x))
        return gp_bool_from(op == GP_NE);
    if (isinf(x))
        return gp_bool_from(cmp_result(x > 0 ? 1 : -1, op));
    if (gp_int_is_small(b) && gp_int_small(b) > -(1LL << 53) &&
        gp_int_small(b) < (1LL << 53)) {
        double y = (double)gp_int_small(b);
        return gp_bool_from(cmp_result(x < y ? -1 : x > y, op));
    }
    /* compare floor(x) with b exactly, then the fraction */
    double fl = floor(x);
    gp_obj_t *fi = gp_int_from_double(fl);
    if (!fi)
        return NULL;
    int c = gp_int_compare(fi, b);
    GP_DECREF(fi);
    if (c == 0 && x != fl)
        c = 1;
    return gp_bool_from(cmp_result(c, op));
}

/* ---- float(str) ---------------------------------------------------------- */

gp_obj_t *gp_float_from_string(const char *s, gp_ssize_t len)
{
    const char *p = s, *end = s + len;
    while (p < end && strchr(" \t\n\r\f\v", *p) && *p)
        p++;
    while (end > p && strchr(" \t\n\r\f\v", end[-1]) && end[-1])
        end--;
    size_t n = (size_t)(end - p);
    char *buf = malloc(n + 1);
    if (!buf)
        return gp_err_nomemory();
    /* underscores only between digits */
    size_t k = 0;
    int ok = n > 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '_') {
            if (i == 0 || i + 1 >= n || !(p[i - 1] >= '0' && p[i - 1] <= '9')
                || !(p[i + 1] >= '0' && p[i + 1] <= '9'))
                ok = 0;
            continue;
        }
        if (c == 0)
            ok = 0;
        buf[k++] = c;
    }
    buf[k] = 0;
    double v = 0;
    if (ok) {
        const char *q = buf;
        int neg = 0;
        if (*q == '+' || *q == '-')
            neg = *q++ == '-';
        if (!strcasecmp(q, "inf") || !strcasecmp(q, "infinity")) {
            v = neg ? -INFINITY : INFINITY;
        } else if (!strcasecmp(q, "nan")) {
            v = neg ? -NAN : NAN;
        } else {
            /* strtod would accept hex and "infinity" spellings too; the
            ** grammar is digits, one dot, an exponent. */
            const char *c = q;
            int digits = 0;
            while (*c >= '0' && *c <= '9') {
                c++;
                digits++;
            }
            if (*c == '.') {
                c++;
                while (*c >= '0' && *c <= '9') {
                    c++;
                    digits++;
                }
            }
            if (digits && (*c == 'e' || *c == 'E')) {
                c++;
                if (*c == '+' || *c == '-')
                    c++;
                if (!(*c >= '0' && *c <= '9'))
                    digits = 0;
                while (*c >= '0' && *c <= '9')
                    c++;
            }
            if (!digits || *c)
                ok = 0;
            else
                v = strtod(buf, NULL);
        }
    }
    free(buf);
    if (!ok) {
        gp_obj_t *str = gp_str_from_utf8_sp(s, len);
        if (!str) {
            gp_err_clear();
            str = gp_str_from_latin1(s, len);
        }
        if (str) {
            gp_err_format(&gp_exc_ValueError,
                          "could not convert string to float: %R", str);
            GP_DECREF(str);
        }
        return NULL;
    }
    return gp_float_from_double(v);
}

static gp_obj_t *float_new(gp_type_t *t, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (gp_arg_no_kw("float", kwnames) < 0 ||
        gp_arg_count("float", nargs, 0, 1) < 0)
        return NULL;
    gp_obj_t *r;
    if (nargs == 0) {
        r = gp_float_from_double(0.0);
    } else if (GP_STR_CHECK(args[0])) {
        gp_obj_t *dec = gp_str_transform_decimal(args[0]);
        gp_ssize_t n;
        const char *s = dec ? gp_str_utf8_sp(dec, &n) : NULL;
        r = s ? gp_float_from_string(s, n) : NULL;
        if (!r && dec && gp_err_matches(&gp_exc_ValueError)) {
            gp_err_clear();
            gp_err_format(&gp_exc_ValueError,
                          "could not convert string to float: %R", args[0]);
        }
        GP_XDECREF(dec);
    } else if (GP_TYPE_CHECK_FAST(args[0], GP_TPFLAGS_BYTES_SUBCLASS) ||
               GP_ISINSTANCE_OF(args[0], &gp_bytearray_type)) {
        const char *bs;
        gp_ssize_t bn;
        if (gp_bytes_view(args[0], &bs, &bn) < 0)
            return NULL;
        r = gp_float_from_string(bs, bn);
        if (!r && gp_err_matches(&gp_exc_ValueError)) {
            /* the message shows the object, as CPython's */
            gp_err_clear();
            gp_err_format(&gp_exc_ValueError,
                          "could not convert string to float: %R", args[0]);
        }
    } else {
        r = gp_number_float(args[0]);
    }
    if (!r || t == &gp_float_type)
        return r;
    gp_float_t *f = (gp_float_t *)gp_type_alloc(t, 0);
    if (f) {
        f->v = FV(r);
        if (t->flags & GP_TPFLAGS_HAVE_GC)
            gp_gc_track((gp_obj_t *)f);
    }
    GP_DECREF(r);
    return (gp_obj_t *)f;
}

/* ---- methods ----------------------------------------------------------------- */

static gp_obj_t *float_is_integer(gp_obj_t *self, gp_obj_t *unused)
{
    double x = FV(self);
    return gp_bool_from(isfinite(x) && x == floor(x));
}

static gp_obj_t *float_trunc(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_int_from_double(trunc(FV(self)));
}

static gp_obj_t *float_floor(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_int_from_double(floor(FV(self)));
}

static gp_obj_t *float_ceil(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_int_from_double(ceil(FV(self)));
}

static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - trunc(x)) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}

static gp_obj_t *float_round(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs)
{
    if (gp_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    double x = FV(self);
    if (nargs == 0 || args[0] == GP_NONE)
        return gp_int_from_double(round_half_even(x));
    gp_ssize_t nd = gp_number_as_ssize_t(args[0], NULL);
    if (nd == -1 && gp_err_occurred())
        return NULL;
    if (!isfinite(x) || x == 0.0)
        return gp_float_from_double(x);
    if (nd > 323)
        return gp_float_from_double(x);
    if (nd < -308)
        return gp_float_from_double(copysign(0.0, x));
    /* Correctly rounded via the decimal string, as CPython's
    ** double_round does with _Py_dg_dtoa mode 3. */
    char buf[400];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return gp_float_from_double(strtod(buf, NULL));
    }
    /* nd < 0: round the exact integer part at digit -nd, half to even,
    ** with any fraction as a sticky bit, then back through strtod */
    double ip;
    double frac = modf(fabs(x), &ip);
    int n = snprintf(buf + 1, sizeof buf - 2, "%.0f", ip);
    int k = (int)-nd;
    double r;
    if (k > n) {
        r = 0.0;
    } else {
        char *d = buf + 1;
        int keep = n - k;
        int first = d[keep] - '0';
        int rest = frac != 0.0;
        for (int i = keep + 1; i < n && !rest; i++)
            rest = d[i] != '0';
        int up = first > 5 || (first == 5 && (rest ||
                 (keep > 0 && ((d[keep - 1] - '0') & 1))));
        for (int i = keep; i < n; i++)
            d[i] = '0';
        if (up) {
            int i = keep - 1;
            while (i >= 0 && d[i] == '9')
                d[i--] = '0';
            if (i >= 0) {
                d[i]++;
            } else {
                buf[0] = '1';
                d = buf;
                n++;
            }
        }
        d[n] = 0;
        r = strtod(d, NULL);
    }
    if (isinf(r)) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "rounded value too large to represent");
        return NULL;
    }
    return gp_float_from_double(copysign(r, x));
}

static gp_obj_t *float_as_integer_ratio(gp_obj_t *self, gp_obj_t *unused)
{
    double x = FV(self);
    if (isinf(x)) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        gp_err_set_str(&gp_exc_ValueError,
                       "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    gp_obj_t *num = gp_int_from_double(m);
    gp_obj_t *den = gp_int_from_i64(1);
    gp_obj_t *sh = gp_int_from_i64(e < 0 ? -e : e);
    if (!num || !den || !sh) {
        GP_XDECREF(num);
        GP_XDECREF(den);
        GP_XDECREF(sh);
        return NULL;
    }
    gp_obj_t **target = e < 0 ? &den : &num;
    gp_obj_t *shifted = gp_binary_op(*target, sh, GP_NB_LSHIFT);
    GP_DECREF(sh);
    GP_SETREF(*target, shifted);
    gp_obj_t *t = *target ? gp_tuple_pack(2, num, den) : NULL;
    GP_XDECREF(num);
    GP_XDECREF(den);
    return t;
}

static gp_obj_t *float_hex(gp_obj_t *self, gp_obj_t *unused)
{
    double x = FV(self);
    char buf[64];
    if (isnan(x))
        return gp_str_from_cstr("nan");
    if (isinf(x))
        return gp_str_from_cstr(x > 0 ? "inf" : "-inf");
    if (x == 0.0)
        return gp_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    /* CPython: 0x1.<13 hex digits>p<exp> */
    m *= 2.0;
    e -= 1;
    if (e < -1022) {
        m = ldexp(m, e + 1022);
        e = -1022;
    }
    int lead = (int)m;
    m -= lead;
    int n = snprintf(buf, sizeof buf, "%s0x%d.", x < 0 ? "-" : "", lead);
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        int d = (int)m;
        m -= d;
        buf[n++] = "0123456789abcdef"[d];
    }
    snprintf(buf + n, sizeof buf - (size_t)n, "p%+d", e);
    return gp_str_from_cstr(buf);
}

static int hex_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* float.fromhex: the syntax is checked here (the prefix is optional, as
** are the point and the exponent; inf/nan words allowed), then a
** normalised copy goes to strtod, whose hexadecimal conversion rounds
** correctly, half to even. */
static int parse_hex_float(const char *s, size_t n, double *out)
{
    const char *p = s, *e = s + n;
    while (p < e && hex_space(*p))
        p++;
    while (e > p && hex_space(e[-1]))
        e--;
    int neg = 0;
    if (p < e && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    size_t len = (size_t)(e - p);
    if ((len == 3 || len == 8) &&
        strncasecmp(p, "infinity", len) == 0) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (len == 3 && strncasecmp(p, "nan", 3) == 0) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    if (len >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
        p += 2;
    const char *mant = p;
    size_t ndig = 0;
    while (p < e && hexval(*p) >= 0)
        p++, ndig++;
    if (p < e && *p == '.') {
        p++;
        while (p < e && hexval(*p) >= 0)
            p++, ndig++;
    }
    if (!ndig)
        return -1;
    const char *mant_end = p;
    if (p < e && (*p | 0x20) == 'p') {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p == e || *p < '0' || *p > '9')
            return -1;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    if (p != e)
        return -1;
    size_t need = (size_t)(e - mant) + 8;
    char small[128];
    char *buf = need <= sizeof small ? small : malloc(need);
    if (!buf) {
        gp_err_nomemory();
        return -2;
    }
    size_t k = 0;
    buf[k++] = '0';
    buf[k++] = 'x';
    memcpy(buf + k, mant, (size_t)(mant_end - mant));
    k += (size_t)(mant_end - mant);
    if (mant_end == e) {
        buf[k++] = 'p';
        buf[k++] = '0';
    } else {
        memcpy(buf + k, mant_end, (size_t)(e - mant_end));
        k += (size_t)(e - mant_end);
    }
    buf[k] = 0;
    double v = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    if (isinf(v)) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "hexadecimal value too large to represent as a float");
        return -2;
    }
    *out = neg ? -v : v;
    return 0;
}

static gp_obj_t *float_fromhex(gp_obj_t *cls, gp_obj_t *arg)
{
    if (!GP_STR_CHECK(arg)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "bad argument type for built-in operation");
        return NULL;
    }
    gp_ssize_t n;
    const char *s = gp_str_utf8_sp(arg, &n);
    if (!s)
        return NULL;
    double v;
    int rc = parse_hex_float(s, (size_t)n, &v);
    if (rc == -2)
        return NULL;
    if (rc < 0) {
        gp_err_set_str(&gp_exc_ValueError,
                       "invalid hexadecimal floating-point string");
        return NULL;
    }
    gp_obj_t *f = gp_float_from_double(v);
    if (f && cls != (gp_obj_t *)&gp_float_type) {
        gp_obj_t *r = gp_call_one(cls, f);
        GP_DECREF(f);
        return r;
    }
    return f;
}

static gp_obj_t *float_format(gp_obj_t *self, gp_obj_t *spec)
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
    if (gp_fspec_parse(s, (size_t)sl, GP_FSPEC_FLOAT, tn, &fs, &err) < 0)
        return gp_fspec_raise(&err);
    char *out;
    size_t outlen;
    if (gp_format_float(FV(self), &fs, tn, &out, &outlen, &err) < 0)
        return gp_fspec_raise(&err);
    gp_obj_t *r = gp_str_from_utf8_sp(out, (gp_ssize_t)outlen);
    free(out);
    return r;
}

static gp_obj_t *float_conjugate(gp_obj_t *self, gp_obj_t *unused)
{
    return float_pos(self);
}

static gp_obj_t *float_getformat(gp_obj_t *cls, gp_obj_t *arg)
{
    if (!GP_STR_CHECK(arg))
        return gp_err_format(&gp_exc_TypeError, "__getformat__() argument "
                             "must be str, not %s",
                             gp_type_name_cstr(GP_TYPE(arg)));
    const char *s = gp_str_utf8(arg, NULL);
    if (!s)
        return NULL;
    if (strcmp(s, "double") != 0 && strcmp(s, "float") != 0) {
        gp_err_set_str(&gp_exc_ValueError, "__getformat__() argument 1 "
                       "must be 'double' or 'float'");
        return NULL;
    }
    return gp_str_from_cstr("IEEE, little-endian");
}

static gp_obj_t *float_getnewargs(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *f = gp_float_from_double(FV(self));
    if (!f)
        return NULL;
    gp_obj_t *t = gp_tuple_pack(1, f);
    GP_DECREF(f);
    return t;
}

static gp_methoddef_t float_methods[] = {
    {"__getnewargs__", float_getnewargs, GP_METH_NOARGS, NULL},
    {"is_integer", float_is_integer, GP_METH_NOARGS, NULL},
    {"__trunc__", float_trunc, GP_METH_NOARGS, NULL},
    {"__floor__", float_floor, GP_METH_NOARGS, NULL},
    {"__ceil__", float_ceil, GP_METH_NOARGS, NULL},
    {"__round__", GP_METH_FN(float_round), GP_METH_FASTCALL, NULL},
    {"as_integer_ratio", float_as_integer_ratio, GP_METH_NOARGS, NULL},
    {"hex", float_hex, GP_METH_NOARGS, NULL},
    {"fromhex", float_fromhex, GP_METH_O | GP_METH_CLASS, NULL},
    {"__format__", float_format, GP_METH_O, NULL},
    {"conjugate", float_conjugate, GP_METH_NOARGS, NULL},
    {"__getformat__", float_getformat, GP_METH_O | GP_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *float_get_real(gp_obj_t *o, void *c)
{
    return float_pos(o);
}

static gp_obj_t *float_get_imag(gp_obj_t *o, void *c)
{
    return gp_float_from_double(0.0);
}

static gp_getsetdef_t float_getset[] = {
    {"real", float_get_real, NULL, NULL, NULL},
    {"imag", float_get_imag, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_number_methods_t float_as_number = {
    .binop = {
        [GP_NB_ADD] = float_add, [GP_NB_SUBTRACT] = float_sub,
        [GP_NB_MULTIPLY] = float_mul, [GP_NB_TRUE_DIVIDE] = float_div,
        [GP_NB_FLOOR_DIVIDE] = float_floordiv, [GP_NB_REMAINDER] = float_mod,
        [GP_NB_POWER] = float_pow,
    },
    .power3 = float_pow3,
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .bool_ = float_bool,
    .int_ = float_int,
    .float_ = float_pos,
    .divmod = float_divmod,
};

gp_type_t gp_float_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "float",
    .basicsize = sizeof(gp_float_t),
    .flags = GP_TPFLAGS_BASETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new_ = float_new,
    .as_number = &float_as_number,
    .methods = float_methods,
    .getset = float_getset,
    .doc = "Convert a string or number to a floating point number, if "
           "possible.",
};

int gp_obj_float_init(void)
{
    return gp_type_ready(&gp_float_type);
}
