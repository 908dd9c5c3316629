/*
** numobj.h — int, bool and float.  Guard: immutable objects; the small-int
** table and True/False are immortal and shared by all interpreters.
**
** int: one machine word while the value fits int64_t, a GMP integer
** beyond (`big`, an mpz_t * kept out of this header).  Operations on two
** small values use overflow-checked builtins and fall back to GMP; every
** result that fits a word is stored as a word, so `big != NULL` implies
** the value does not fit.  The VM uses the inline helpers below for its
** fast paths.  Hashes, repr, str(), int(str, base), format(), and every
** message are CPython 3.11's (including the 4300-digit str/int limit,
** sys.set_int_max_str_digits).
**
** float: a double; repr from floatrepr.h; hash as CPython's (so that
** hash(1.0) == hash(1) and 2**61-1 modulus for all numbers).
*/
#ifndef GP_NUMOBJ_H
#define GP_NUMOBJ_H

#include "object.h"

typedef struct {
    gp_obj_t ob;
    int64_t v;          /* the value when big == NULL */
    void *big;          /* mpz_t * or NULL */
} gp_int_t;

typedef struct {
    gp_obj_t ob;
    double v;
} gp_float_t;

extern gp_type_t gp_int_type, gp_bool_type, gp_float_type;
extern gp_int_t gp_true_obj, gp_false_obj;
#define GP_TRUE  GP_OBJ(&gp_true_obj)
#define GP_FALSE GP_OBJ(&gp_false_obj)
#define GP_RETURN_TRUE  return gp_newref(GP_TRUE)
#define GP_RETURN_FALSE return gp_newref(GP_FALSE)
static inline gp_obj_t *gp_bool_from(int b)
{ return gp_newref(b ? GP_TRUE : GP_FALSE); }

#define GP_INT_CHECK(o)       GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_INT_SUBCLASS)
#define GP_INT_CHECK_EXACT(o) (GP_TYPE(o) == &gp_int_type)
#define GP_BOOL_CHECK(o)      (GP_TYPE(o) == &gp_bool_type)
#define GP_FLOAT_CHECK(o)     GP_ISINSTANCE_OF(o, &gp_float_type)
#define GP_FLOAT_CHECK_EXACT(o) (GP_TYPE(o) == &gp_float_type)

/* True when o (an int or subclass) holds a word-sized value. */
static inline int gp_int_is_small(gp_obj_t *o)
{ return ((gp_int_t *)o)->big == NULL; }
static inline int64_t gp_int_small(gp_obj_t *o) { return ((gp_int_t *)o)->v; }

#define GP_SMALLINT_MIN (-5)
#define GP_SMALLINT_MAX 256

/* ---- int ---- */
gp_obj_t *gp_int_from_i64(int64_t v);
gp_obj_t *gp_int_from_u64(uint64_t v);
gp_obj_t *gp_int_from_ssize(gp_ssize_t v);
/* id(o): the address as an int. */
gp_obj_t *gp_int_from_ptr(const void *p);
gp_obj_t *gp_int_from_double(double d);    /* int(3.7); OverflowError /
                                              ValueError for inf / nan */
/* int(text, base) of a str's UTF-8: CPython's rules and messages ("invalid
** literal for int() with base 10: 'x'"), base 0 for literal prefixes;
** underscores as in literals. */
gp_obj_t *gp_int_from_string(const char *s, gp_ssize_t len, int base);
/* A decimal / prefixed literal from the compiler (no sign, underscores
** allowed); like gp_int_from_string(s, len, 0). */
gp_obj_t *gp_int_from_literal(const char *s, gp_ssize_t len);
/* OverflowError "Python int too large to convert to C long" (-1 + error). */
int64_t gp_int_as_i64(gp_obj_t *o);
/* *overflow = -1/0/+1; returns the value when 0 (PyLong_AsLongAndOverflow). */
int64_t gp_int_as_i64_overflow(gp_obj_t *o, int *overflow);
gp_ssize_t gp_int_as_ssize(gp_obj_t *o);
uint64_t gp_int_as_u64(gp_obj_t *o);        /* negative: OverflowError */
double gp_int_as_double(gp_obj_t *o);       /* OverflowError "int too large
                                               to convert to float" */
int gp_int_sign(gp_obj_t *o);               /* -1, 0, 1 */
/* Decimal text (for repr/str, with the max-str-digits check) and base
** text for hex/oct/bin/format ('x','o','b' without prefix). */
gp_obj_t *gp_int_to_decimal(gp_obj_t *o);
/* Digit string of |o| in base 2/8/10/16 into a malloc'd NUL-terminated
** buffer; *neg set.  For formatspec.h, which takes digit strings.  NULL
** with an exception set: MemoryError, or base 10 past the digit limit. */
char *gp_int_digits(gp_obj_t *o, int base, int *neg);
gp_obj_t *gp_int_add(gp_obj_t *a, gp_obj_t *b);  /* both ints */
gp_obj_t *gp_int_sub(gp_obj_t *a, gp_obj_t *b);
gp_obj_t *gp_int_mul(gp_obj_t *a, gp_obj_t *b);
int gp_int_compare(gp_obj_t *a, gp_obj_t *b);     /* -1, 0, 1 */
gp_hash_t gp_int_hash(gp_obj_t *o);

/* Exact helpers for the math module.  gcd of any ints (>= 0 result);
** n! ; binomial(n, k) for n >= 0; isqrt(n) for n >= 0.  MemoryError for
** results too large to hold. */
gp_obj_t *gp_int_gcd(gp_obj_t *a, gp_obj_t *b);
gp_obj_t *gp_int_factorial(uint64_t n);
gp_obj_t *gp_int_binomial(gp_obj_t *n, uint64_t k);
gp_obj_t *gp_int_isqrt(gp_obj_t *n);

/* ---- float ---- */
gp_obj_t *gp_float_from_double(double v);
/* float(o) as a double: floats, ints, __float__, __index__; -1.0 with
** an exception on failure ("must be real number, not str"). */
double gp_float_as_double(gp_obj_t *o);
static inline double gp_float_value(gp_obj_t *o) { return ((gp_float_t *)o)->v; }
/* float(str): CPython's parser and its "could not convert string to
** float: 'x'" message. */
gp_obj_t *gp_float_from_string(const char *s, gp_ssize_t len);
gp_hash_t gp_hash_double(gp_obj_t *inst, double v);  /* CPython's _Py_HashDouble */

#endif
