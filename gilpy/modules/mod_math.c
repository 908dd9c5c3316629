/*
** mod_math.c — the math module: libm's functions with CPython's error
** rules ("math domain error" / "math range error"), exact integer
** functions on ints of any size (gcd, lcm, factorial, comb, perm, isqrt,
** through int's own arithmetic), log of big ints, fsum (exact: Shewchuk's
** partials, as CPython).  Stateless; guard: the GIL.
*/
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "modules/mod_math.h"

static gp_obj_t *domain_error(void)
{
    gp_err_set_str(&gp_exc_ValueError, "math domain error");
    return NULL;
}

static gp_obj_t *range_error(void)
{
    gp_err_set_str(&gp_exc_OverflowError, "math range error");
    return NULL;
}

static int get_double(gp_obj_t *o, double *d)
{
    *d = gp_float_as_double(o);
    return *d == -1.0 && gp_err_occurred() ? -1 : 0;
}

/* f(x) with CPython's math_1 rules: nan in -> nan out; a nan from a
** finite x is a domain error; an inf from a finite x is a range error
** (unless can_overflow is 0, then domain). */
static gp_obj_t *math_1(gp_obj_t *arg, double (*f)(double), int can_overflow)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    if (errno == ERANGE && fabs(r) >= 1.0)
        return range_error();
    return gp_float_from_double(r);
}

#define MATH1(name, fn, ovf) \
    static gp_obj_t *math_##name(gp_obj_t *m, gp_obj_t *arg) \
    { return math_1(arg, fn, ovf); }

MATH1(sqrt, sqrt, 0)
MATH1(exp, exp, 1)
MATH1(expm1, expm1, 1)
MATH1(sin, sin, 0)
MATH1(cos, cos, 0)
MATH1(tan, tan, 0)
MATH1(asin, asin, 0)
MATH1(acos, acos, 0)
MATH1(atan, atan, 0)
MATH1(sinh, sinh, 1)
MATH1(cosh, cosh, 1)
MATH1(tanh, tanh, 0)
MATH1(asinh, asinh, 0)
MATH1(acosh, acosh, 0)
MATH1(atanh, atanh, 0)
MATH1(fabs, fabs, 0)
MATH1(erf, erf, 0)
MATH1(erfc, erfc, 0)
MATH1(cbrt, cbrt, 0)
MATH1(exp2, exp2, 1)

/* ---- gamma and lgamma ------------------------------------------------
** CPython computes these itself (libm's differ in the last bits) with the
** Lanczos approximation N=13, g=6.024680040776729583740234375 from Boost
** (Godfrey's coefficients), errors reported through errno only.  Same
** formulas here, so that results agree to the bit. */

static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_gmh = 5.524680040776729583740234375;

static double lanczos_sum(double x)
{
    static const double num[13] = {
        23531376880.41075968857200767445163675473,
        42919803642.64909876895789904700198885093,
        35711959237.35566804944018545154716670596,
        17921034426.03720969991975575445893111267,
        6039542586.35202800506429164430729792107,
        1439720407.311721673663223072794912393972,
        248874557.8620541565114603864132294232163,
        31426415.58540019438061423162831820536287,
        2876370.628935372441225409051620849613599,
        186056.2653952234950402949897160456992822,
        8071.672002365816210638002902272250613822,
        210.8242777515793458725097339207133627117,
        2.506628274631000270164908177133837338626,
    };
    static const double den[13] = {
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    };
    double n = 0.0, d = 0.0;
    /* Horner in x for small x; in 1/x beyond, where x**12 would lose
    ** the lower terms */
    if (x < 5.0) {
        for (int i = 12; i >= 0; i--) {
            n = n * x + num[i];
            d = d * x + den[i];
        }
    } else {
        for (int i = 0; i < 13; i++) {
            n = n / x + num[i];
            d = d / x + den[i];
        }
    }
    return n / d;
}

/* sin(pi * x) with the reduction done exactly, for finite x */
static double sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static double gp_tgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= 23.0) {
            double f = 1.0;     /* (x-1)! is exact in a double here */
            for (int i = 2; i < (int)x; i++)
                f *= i;
            return f;
        }
    }
    double ax = fabs(x);
    if (ax < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (ax > 200.0) {
        if (x < 0.0)
            return 0.0 / sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = ax + lanczos_gmh, q, z, r;
    /* z: the rounding error of y, to correct the result by */
    if (ax > lanczos_gmh) {
        q = y - ax;
        z = q - lanczos_gmh;
    } else {
        q = y - lanczos_gmh;
        z = q - ax;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -M_PI / sinpi(ax) / ax * exp(y) / lanczos_sum(ax);
        r -= z * r;
        if (ax < 140.0) {
            r /= pow(y, ax - 0.5);
        } else {
            double sp = pow(y, ax / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(ax) / exp(y);
        r += z * r;
        if (ax < 140.0) {
            r *= pow(y, ax - 0.5);
        } else {
            double sp = pow(y, ax / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double gp_lgamma(double x)
{
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double ax = fabs(x);
    if (ax < 1e-20)
        return -log(ax);
    double r = log(lanczos_sum(ax)) - lanczos_g;
    r += (ax - 0.5) * (log(ax + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = log(M_PI) - log(fabs(sinpi(ax))) - log(ax) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* gamma/lgamma report through errno alone, as CPython's math_1a */
static gp_obj_t *math_1a(gp_obj_t *arg, double (*f)(double))
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = f(x);
    if (errno == EDOM)
        return domain_error();
    if (errno == ERANGE && fabs(r) >= 1.5)
        return range_error();
    return gp_float_from_double(r);
}

static gp_obj_t *math_gamma(gp_obj_t *m, gp_obj_t *arg)
{
    return math_1a(arg, gp_tgamma);
}

static gp_obj_t *math_lgamma(gp_obj_t *m, gp_obj_t *arg)
{
    return math_1a(arg, gp_lgamma);
}

static gp_obj_t *math_nextafter(gp_obj_t *m, gp_obj_t *const *args,
                                gp_ssize_t nargs)
{
    double x, y;
    if (gp_arg_count("nextafter", nargs, 2, 2) < 0 ||
        get_double(args[0], &x) < 0 || get_double(args[1], &y) < 0)
        return NULL;
    return gp_float_from_double(nextafter(x, y));
}

static gp_obj_t *math_ulp(gp_obj_t *m, gp_obj_t *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return gp_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return gp_float_from_double(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up))      /* the largest double: measure the gap below */
        return gp_float_from_double(x - nextafter(x, -INFINITY));
    return gp_float_from_double(up - x);
}

static gp_obj_t *math_log1p(gp_obj_t *m, gp_obj_t *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (x <= -1.0)
        return domain_error();
    return gp_float_from_double(log1p(x));
}

/* log of any positive int or float, big ints included. */
static int log_of(gp_obj_t *x, double (*f)(double), double *out)
{
    if (GP_INT_CHECK(x)) {
        if (gp_int_sign(x) <= 0) {
            domain_error();
            return -1;
        }
        double d = gp_int_as_double(x);
        if (d == -1.0 && gp_err_occurred()) {
            if (!gp_err_matches(&gp_exc_OverflowError))
                return -1;
            gp_err_clear();
            /* x = m * 2**e with m < 1 */
            int neg;
            char *digits = gp_int_digits(x, 2, &neg);
            if (!digits)
                return -1;
            size_t n = strlen(digits);
            double m = 0;
            for (size_t i = 0; i < n && i < 60; i++)
                m = m * 2 + (digits[i] - '0');
            size_t used = n < 60 ? n : 60;
            free(digits);
            *out = f(m) + f(2.0) * (double)(n - used);
            return 0;
        }
        *out = f(d);
        return 0;
    }
    double d;
    if (get_double(x, &d) < 0)
        return -1;
    if (d <= 0 || isnan(d)) {
        if (isnan(d)) {
            *out = d;
            return 0;
        }
        domain_error();
        return -1;
    }
    *out = f(d);
    return 0;
}

static gp_obj_t *math_log(gp_obj_t *m, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    if (gp_arg_count("log", nargs, 1, 2) < 0)
        return NULL;
    double num, den;
    if (log_of(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 2) {
        if (log_of(args[1], log, &den) < 0)
            return NULL;
        if (den == 0.0) {
            gp_err_set_str(&gp_exc_ZeroDivisionError,
                           "float division by zero");
            return NULL;
        }
        num /= den;
    }
    return gp_float_from_double(num);
}

static gp_obj_t *math_log2(gp_obj_t *m, gp_obj_t *arg)
{
    double r;
    return log_of(arg, log2, &r) < 0 ? NULL : gp_float_from_double(r);
}

static gp_obj_t *math_log10(gp_obj_t *m, gp_obj_t *arg)
{
    double r;
    return log_of(arg, log10, &r) < 0 ? NULL : gp_float_from_double(r);
}

static gp_obj_t *two_doubles(gp_obj_t *const *args, gp_ssize_t nargs,
                             const char *name, double *x, double *y)
{
    if (gp_arg_count(name, nargs, 2, 2) < 0 || get_double(args[0], x) < 0 ||
        get_double(args[1], y) < 0)
        return NULL;
    return GP_NONE;
}

static gp_obj_t *math_pow(gp_obj_t *m, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    double x, y;
    if (!two_doubles(args, nargs, "pow", &x, &y))
        return NULL;
    if (x == 0.0 && y < 0.0 && isfinite(y))
        return domain_error();
    if (x < 0.0 && isfinite(x) && isfinite(y) && y != floor(y))
        return domain_error();
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return gp_float_from_double(r);
}

static gp_obj_t *math_atan2(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    double x, y;
    if (!two_doubles(args, nargs, "atan2", &y, &x))
        return NULL;
    return gp_float_from_double(atan2(y, x));
}

static gp_obj_t *math_fmod(gp_obj_t *m, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    double x, y;
    if (!two_doubles(args, nargs, "fmod", &x, &y))
        return NULL;
    if (isinf(y) && isfinite(x))
        return gp_float_from_double(x);
    if (y == 0.0 || isinf(x)) {
        if (isnan(x) || isnan(y))
            return gp_float_from_double(NAN);
        return domain_error();
    }
    return gp_float_from_double(fmod(x, y));
}

static gp_obj_t *math_copysign(gp_obj_t *m, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    double x, y;
    if (!two_doubles(args, nargs, "copysign", &x, &y))
        return NULL;
    return gp_float_from_double(copysign(x, y));
}

static gp_obj_t *math_remainder(gp_obj_t *m, gp_obj_t *const *args,
                                gp_ssize_t nargs)
{
    double x, y;
    if (!two_doubles(args, nargs, "remainder", &x, &y))
        return NULL;
    if (isinf(x) || y == 0.0) {
        if (isnan(x) || isnan(y))
            return gp_float_from_double(NAN);
        return domain_error();
    }
    return gp_float_from_double(remainder(x, y));
}

/* The Euclidean norm of n finite non-negative values whose largest is
** max, as CPython 3.11 computes it (so that the last bit agrees): the
** values scaled by a power of two to below 1, squares summed as exact
** double-length parts, one Newton-style correction of the root. */
static double vector_norm(gp_ssize_t n, double *v, double max)
{
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* 2**-max_e would overflow: scale the subnormals up first */
        for (gp_ssize_t i = 0; i < n; i++)
            v[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, v, max / DBL_MIN);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (gp_ssize_t i = 0; i < n; i++) {
        double x = v[i] * scale;
        double hi = x * x, lo = fma(x, x, -hi);    /* exact square */
        double s = csum + hi, lo2 = hi - (s - csum);  /* exact sum */
        csum = s;
        frac1 += lo;
        frac2 += lo2;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    double hi = -h * h, lo = fma(-h, h, -hi);
    double s = csum + hi, lo2 = hi - (s - csum);
    csum = s;
    frac1 += lo;
    frac2 += lo2;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static gp_obj_t *math_hypot(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    double maxv = 0;
    double *v = malloc(sizeof(double) * (size_t)(nargs + 1));
    if (!v)
        return gp_err_nomemory();
    int has_inf = 0, has_nan = 0;
    for (gp_ssize_t i = 0; i < nargs; i++) {
        if (get_double(args[i], &v[i]) < 0) {
            free(v);
            return NULL;
        }
        v[i] = fabs(v[i]);
        has_inf |= isinf(v[i]);
        has_nan |= isnan(v[i]);
        if (v[i] > maxv)
            maxv = v[i];
    }
    double r;
    if (has_inf)
        r = INFINITY;
    else if (has_nan)
        r = NAN;
    else
        r = vector_norm(nargs, v, maxv);
    free(v);
    return gp_float_from_double(r);
}

static gp_obj_t *math_dist(gp_obj_t *m, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    if (gp_arg_count("dist", nargs, 2, 2) < 0)
        return NULL;
    gp_obj_t *p = gp_sequence_tuple(args[0]);
    gp_obj_t *q = p ? gp_sequence_tuple(args[1]) : NULL;
    if (!q) {
        GP_XDECREF(p);
        return NULL;
    }
    if (GP_SIZE(p) != GP_SIZE(q)) {
        GP_DECREF(p);
        GP_DECREF(q);
        gp_err_set_str(&gp_exc_ValueError,
                       "both points must have the same number of "
                       "dimensions");
        return NULL;
    }
    gp_ssize_t n = GP_SIZE(p);
    gp_obj_t **diffs = calloc((size_t)n + 1, sizeof(gp_obj_t *));
    gp_obj_t *r = NULL;
    gp_ssize_t k = 0;
    for (; diffs && k < n; k++) {
        double a, b;
        if (get_double(GP_TUPLE_GET(p, k), &a) < 0 ||
            get_double(GP_TUPLE_GET(q, k), &b) < 0 ||
            !(diffs[k] = gp_float_from_double(a - b)))
            break;
    }
    if (diffs && k == n)
        r = math_hypot(m, diffs, n);
    for (gp_ssize_t i = 0; i < k; i++)
        GP_DECREF(diffs[i]);
    free(diffs);
    GP_DECREF(p);
    GP_DECREF(q);
    return r;
}

static gp_obj_t *to_int(double d)
{
    return gp_int_from_double(d);
}

/* floor/ceil/trunc: ints pass through; otherwise __floor__ etc. */
static gp_obj_t *rounding(gp_obj_t *arg, const char *dunder,
                          double (*f)(double))
{
    if (GP_INT_CHECK(arg))
        return gp_number_index(arg);
    if (!GP_FLOAT_CHECK(arg)) {
        gp_obj_t *meth = NULL;
        gp_obj_t *name = gp_str_intern_cstr(dunder);
        if (!name)
            return NULL;
        meth = gp_type_lookup(GP_TYPE(arg), name);
        if (meth) {
            gp_obj_t *r = gp_call_method(arg, name, 0);
            GP_DECREF(name);
            return r;
        }
        GP_DECREF(name);
        if (!strcmp(dunder, "__trunc__")) {
            return gp_err_format(&gp_exc_TypeError,
                                 "type %s doesn't define __trunc__ method",
                                 gp_type_name_cstr(GP_TYPE(arg)));
        }
    }
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return to_int(f(x));
}

static gp_obj_t *math_floor(gp_obj_t *m, gp_obj_t *arg)
{
    return rounding(arg, "__floor__", floor);
}

static gp_obj_t *math_ceil(gp_obj_t *m, gp_obj_t *arg)
{
    return rounding(arg, "__ceil__", ceil);
}

static gp_obj_t *math_trunc(gp_obj_t *m, gp_obj_t *arg)
{
    return rounding(arg, "__trunc__", trunc);
}

static gp_obj_t *math_degrees(gp_obj_t *m, gp_obj_t *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return gp_float_from_double(x * (180.0 / M_PI));
}

static gp_obj_t *math_radians(gp_obj_t *m, gp_obj_t *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return gp_float_from_double(x * (M_PI / 180.0));
}

#define PRED(name, test) \
    static gp_obj_t *math_##name(gp_obj_t *m, gp_obj_t *arg) \
    { \
        double x; \
        if (get_double(arg, &x) < 0) \
            return NULL; \
        return gp_bool_from(test); \
    }
PRED(isnan, isnan(x))
PRED(isinf, isinf(x))
PRED(isfinite, isfinite(x))

static gp_obj_t *math_isclose(gp_obj_t *m, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol",
                                        NULL};
    gp_obj_t *a[4];
    if (gp_arg_parse("isclose", args, nargs, kwnames, names, 2, 2, a) < 0)
        return NULL;
    if (nargs > 2) {
        gp_err_format(&gp_exc_TypeError, "isclose() takes exactly 2 "
                      "positional arguments (%zd given)", nargs);
        return NULL;
    }
    double x, y, rel = 1e-9, abs_ = 0.0;
    if (get_double(a[0], &x) < 0 || get_double(a[1], &y) < 0 ||
        (a[2] && get_double(a[2], &rel) < 0) ||
        (a[3] && get_double(a[3], &abs_) < 0))
        return NULL;
    if (rel < 0.0 || abs_ < 0.0) {
        gp_err_set_str(&gp_exc_ValueError,
                       "tolerances must be non-negative");
        return NULL;
    }
    if (x == y)
        GP_RETURN_TRUE;
    if (isinf(x) || isinf(y))
        GP_RETURN_FALSE;
    double diff = fabs(y - x);
    return gp_bool_from((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) ||
                        diff <= abs_);
}

static gp_obj_t *math_modf(gp_obj_t *m, gp_obj_t *arg)
{
    double x, ip;
    if (get_double(arg, &x) < 0)
        return NULL;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x))
        ip = x;
    gp_obj_t *a = gp_float_from_double(fp), *b = gp_float_from_double(ip);
    gp_obj_t *t = a && b ? gp_tuple_pack(2, a, b) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    return t;
}

static gp_obj_t *math_frexp(gp_obj_t *m, gp_obj_t *arg)
{
    double x;
    int e = 0;
    if (get_double(arg, &x) < 0)
        return NULL;
    double r = isfinite(x) ? frexp(x, &e) : x;
    gp_obj_t *a = gp_float_from_double(r), *b = gp_int_from_i64(e);
    gp_obj_t *t = a && b ? gp_tuple_pack(2, a, b) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    return t;
}

static gp_obj_t *math_ldexp(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("ldexp", nargs, 2, 2) < 0)
        return NULL;
    double x;
    if (get_double(args[0], &x) < 0)
        return NULL;
    if (!GP_INT_CHECK(args[1])) {
        gp_err_set_str(&gp_exc_TypeError,
                       "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int ov;
    int64_t e = gp_int_as_i64_overflow(args[1], &ov);
    if (ov)
        e = ov > 0 ? 100000 : -100000;
    if (e > 100000)
        e = 100000;
    if (e < -100000)
        e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x))
        return range_error();
    return gp_float_from_double(r);
}

/* ---- exact sums and products ----------------------------------------------- */

static gp_obj_t *math_fsum(gp_obj_t *m, gp_obj_t *arg)
{
    gp_obj_t *it = gp_iter(arg);
    if (!it)
        return NULL;
    double partials[64];
    double *p = partials;
    size_t n = 0, cap = 64;
    double special = 0.0, inf_sum = 0.0;
    gp_obj_t *item;
    while ((item = gp_iter_next(it))) {
        double x;
        int bad = get_double(item, &x);
        GP_DECREF(item);
        if (bad < 0)
            goto fail;
        if (!isfinite(x)) {
            if (isinf(x))
                inf_sum += x;
            special += x;
            continue;
        }
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0)
            continue;
        if (!isfinite(x)) {     /* x was finite: the partials overflowed */
            gp_err_set_str(&gp_exc_OverflowError,
                           "intermediate overflow in fsum");
            goto fail;
        }
        if (n + 1 > cap) {
            double *np = malloc(sizeof(double) * cap * 2);
            if (!np) {
                gp_err_nomemory();
                goto fail;
            }
            memcpy(np, p, sizeof(double) * n);
            if (p != partials)
                free(p);
            p = np;
            cap *= 2;
        }
        p[n++] = x;
    }
    if (gp_err_occurred())
        goto fail;
    GP_DECREF(it);
    double hi = 0.0;
    if (special != 0.0) {
        if (p != partials)
            free(p);
        if (isnan(inf_sum)) {
            gp_err_set_str(&gp_exc_ValueError, "-inf + inf in fsum");
            return NULL;
        }
        return gp_float_from_double(special);
    }
    if (n > 0) {
        hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) ||
                      (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    if (p != partials)
        free(p);
    return gp_float_from_double(hi);
fail:
    if (p != partials)
        free(p);
    GP_DECREF(it);
    return NULL;
}

static gp_obj_t *math_prod(gp_obj_t *m, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    gp_obj_t *a[2];
    if (gp_arg_parse("prod", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    gp_obj_t *acc = a[1] ? gp_newref(a[1]) : gp_int_from_i64(1);
    gp_obj_t *it = acc ? gp_iter(a[0]) : NULL;
    if (!it) {
        GP_XDECREF(acc);
        return NULL;
    }
    gp_obj_t *x;
    while ((x = gp_iter_next(it))) {
        GP_SETREF(acc, gp_binary_op(acc, x, GP_NB_MULTIPLY));
        GP_DECREF(x);
        if (!acc)
            break;
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        GP_CLEAR(acc);
    return acc;
}

/* ---- integer functions ------------------------------------------------------- */

static gp_obj_t *int_arg(gp_obj_t *o)
{
    return gp_number_index(o);
}

static gp_obj_t *int_gcd2(gp_obj_t *a, gp_obj_t *b)
{
    return gp_int_gcd(a, b);
}

static gp_obj_t *math_gcd(gp_obj_t *m, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    gp_obj_t *g = gp_int_from_i64(0);
    for (gp_ssize_t i = 0; g && i < nargs; i++) {
        gp_obj_t *x = int_arg(args[i]);
        if (!x) {
            GP_DECREF(g);
            return NULL;
        }
        GP_SETREF(g, int_gcd2(g, x));
        GP_DECREF(x);
    }
    return g;
}

static gp_obj_t *math_lcm(gp_obj_t *m, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    gp_obj_t *l = gp_int_from_i64(1);
    for (gp_ssize_t i = 0; l && i < nargs; i++) {
        gp_obj_t *x = int_arg(args[i]);
        if (!x) {
            GP_DECREF(l);
            return NULL;
        }
        if (gp_int_sign(x) == 0 || gp_int_sign(l) == 0) {
            GP_DECREF(l);
            GP_DECREF(x);
            l = gp_int_from_i64(0);
            continue;
        }
        gp_obj_t *g = int_gcd2(l, x);
        gp_obj_t *q = g ? gp_binary_op(l, g, GP_NB_FLOOR_DIVIDE) : NULL;
        gp_obj_t *p = q ? gp_binary_op(q, x, GP_NB_MULTIPLY) : NULL;
        gp_obj_t *a = p ? gp_number_abs(p) : NULL;
        GP_XDECREF(g);
        GP_XDECREF(q);
        GP_XDECREF(p);
        GP_DECREF(x);
        GP_SETREF(l, a);
    }
    return l;
}

static gp_obj_t *math_factorial(gp_obj_t *m, gp_obj_t *arg)
{
    if (GP_FLOAT_CHECK(arg)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    gp_obj_t *n = int_arg(arg);
    if (!n)
        return NULL;
    int ov;
    int64_t v = gp_int_as_i64_overflow(n, &ov);
    GP_DECREF(n);
    if (ov > 0 || (!ov && v < 0)) {
        if (ov > 0)
            gp_err_set_str(&gp_exc_OverflowError,
                           "factorial() argument should not exceed "
                           "9223372036854775807");
        else
            gp_err_set_str(&gp_exc_ValueError,
                           "factorial() not defined for negative values");
        return NULL;
    }
    if (ov < 0) {
        gp_err_set_str(&gp_exc_ValueError,
                       "factorial() not defined for negative values");
        return NULL;
    }
    return gp_int_factorial((uint64_t)v);
}

static gp_obj_t *math_isqrt(gp_obj_t *m, gp_obj_t *arg)
{
    gp_obj_t *n = int_arg(arg);
    if (!n)
        return NULL;
    if (gp_int_sign(n) < 0) {
        GP_DECREF(n);
        gp_err_set_str(&gp_exc_ValueError,
                       "isqrt() argument must be nonnegative");
        return NULL;
    }
    gp_obj_t *r = gp_int_isqrt(n);
    GP_DECREF(n);
    return r;
}

/* comb(n, k) and perm(n, k): products through int arithmetic. */
static gp_obj_t *comb_perm(gp_obj_t *const *args, gp_ssize_t nargs,
                           int comb)
{
    const char *name = comb ? "comb" : "perm";
    if (gp_arg_count(name, nargs, comb ? 2 : 1, 2) < 0)
        return NULL;
    if (!comb && (nargs == 1 || args[1] == GP_NONE))
        return math_factorial(NULL, args[0]);     /* perm(n) is n! */
    gp_obj_t *n = int_arg(args[0]);
    gp_obj_t *k = n ? (nargs > 1 && args[1] != GP_NONE ? int_arg(args[1])
                       : gp_newref(n)) : NULL;
    if (!k) {
        GP_XDECREF(n);
        return NULL;
    }
    if (gp_int_sign(n) < 0 || gp_int_sign(k) < 0) {
        gp_err_set_str(&gp_exc_ValueError, gp_int_sign(n) < 0
                       ? "n must be a non-negative integer"
                       : "k must be a non-negative integer");
        GP_DECREF(n);
        GP_DECREF(k);
        return NULL;
    }
    gp_obj_t *r = NULL;
    if (gp_int_compare(k, n) > 0) {
        r = gp_int_from_i64(0);
    } else {
        /* comb works with min(k, n - k); both need it in 64 bits */
        gp_obj_t *kk = gp_newref(k);
        if (comb) {
            gp_obj_t *nk = gp_int_sub(n, k);
            if (!nk)
                goto done;
            if (gp_int_compare(nk, k) < 0)
                GP_SETREF(kk, nk);
            else
                GP_DECREF(nk);
        }
        int ov;
        int64_t kv = gp_int_as_i64_overflow(kk, &ov);
        GP_DECREF(kk);
        if (ov) {
            gp_err_set_str(&gp_exc_OverflowError, comb
                ? "min(n - k, k) must not exceed 9223372036854775807"
                : "k must not exceed 9223372036854775807");
            goto done;
        }
        r = gp_int_binomial(n, (uint64_t)kv);
        if (r && !comb) {       /* perm = comb * k! */
            gp_obj_t *f = gp_int_factorial((uint64_t)kv);
            GP_SETREF(r, f ? gp_int_mul(r, f) : NULL);
            GP_XDECREF(f);
        }
    }
done:
    GP_DECREF(n);
    GP_DECREF(k);
    return r;
}

static gp_obj_t *math_comb(gp_obj_t *m, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return comb_perm(args, nargs, 1);
}

static gp_obj_t *math_perm(gp_obj_t *m, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return comb_perm(args, nargs, 0);
}

#define M1(n) {#n, math_##n, GP_METH_O, NULL}
#define MF(n) {#n, GP_METH_FN(math_##n), GP_METH_FASTCALL, NULL}

static gp_methoddef_t math_methods[] = {
    M1(sqrt), M1(exp), M1(expm1), M1(sin), M1(cos), M1(tan), M1(asin),
    M1(acos), M1(atan), M1(sinh), M1(cosh), M1(tanh), M1(asinh), M1(acosh),
    M1(atanh), M1(fabs), M1(erf), M1(erfc), M1(gamma), M1(lgamma),
    M1(cbrt), M1(exp2), M1(ulp), MF(nextafter),
    M1(log1p), M1(log2), M1(log10), M1(floor), M1(ceil), M1(trunc),
    M1(degrees), M1(radians), M1(isnan), M1(isinf), M1(isfinite),
    M1(modf), M1(frexp), M1(fsum), M1(factorial), M1(isqrt),
    MF(log), MF(pow), MF(atan2), MF(fmod), MF(copysign), MF(remainder),
    MF(hypot), MF(dist), MF(ldexp), MF(gcd), MF(lcm), MF(comb), MF(perm),
    {"isclose", GP_METH_FN(math_isclose), GP_METH_FASTCALL | GP_METH_KEYWORDS,
     NULL},
    {"prod", GP_METH_FN(math_prod), GP_METH_FASTCALL | GP_METH_KEYWORDS,
     NULL},
    {NULL, NULL, 0, NULL},
};

static int add_float(gp_obj_t *m, const char *name, double v)
{
    gp_obj_t *f = gp_float_from_double(v);
    if (!f)
        return -1;
    int r = gp_module_add(m, name, f);
    GP_DECREF(f);
    return r;
}

static int math_exec(gp_obj_t *m)
{
    if (add_float(m, "pi", M_PI) < 0 || add_float(m, "e", M_E) < 0 ||
        add_float(m, "tau", 2 * M_PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0)
        return -1;
    return 0;
}

const gp_moduledef_t gp_mod_math = {
    .name = "math",
    .doc = "This module provides access to the mathematical functions\n"
           "defined by the C standard.",
    .methods = math_methods,
    .exec = math_exec,
};
