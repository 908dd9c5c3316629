/*
** formatspec.h — the format-spec mini-language of format() / str.format()
** / f-strings for int, float and str, exactly as CPython 3.11 renders it:
** parsing a spec, and rendering an integer (given as a digit string), a
** double or a UTF-8 string with it, down to the text of every ValueError,
** OverflowError and MemoryError CPython raises.  Pure C: no interpreter
** objects; stateless and thread-safe.
**
**     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
**
** Text is UTF-8 throughout.  Lone surrogates (which Python strings may
** hold) travel as their 3-byte encodings (ED A0 80 for U+D800, as
** Python's "surrogatepass" writes them), in specs, values and results.
** Widths and precisions count code points, never bytes.
**
** Usage:
**     gp_fspec_t spec;
**     gp_fspec_error_t err;
**     char *out; size_t len;
**     if (gp_fspec_parse(s, n, GP_FSPEC_INT, "int", &spec, &err) < 0 ||
**         gp_format_int("1234", 0, &spec, "int", &out, &len, &err) < 0) {
**         raise err.exc with err.msg; gp_fspec_error_clear(&err);
**     } else { use out[0..len); free(out); }
**
** Choices where the interpreter has no say:
**   - type 'n' renders as in the C/POSIX numeric locale (CPython's own
**     default, as it never sets LC_NUMERIC): 'n' is 'd' for ints and 'g'
**     for floats, without grouping.
**   - 'c' checks its value against the range of a 64-bit C long first
**     (CPython's PyLong_AsLong on LP64), then against range(0x110000).
**   - An empty spec renders like str(value) (format() shortcuts to str()
**     itself; for the built-in types the result is the same).
*/
#ifndef GP_FORMATSPEC_H
#define GP_FORMATSPEC_H

#include <stddef.h>
#include <stdint.h>

/* Which built-in __format__ the spec is parsed for: they differ in the
** default type ('d', none, 's') and default alignment ('>', '>', '<'),
** which decides what a leading '0' means. */
typedef enum {
    GP_FSPEC_INT,
    GP_FSPEC_FLOAT,
    GP_FSPEC_STR,
} gp_fspec_kind_t;

typedef struct {
    uint32_t fill;          /* code point; ' ' unless given (or '0') */
    char fill_utf8[4];      /* its UTF-8 bytes (not NUL-terminated) */
    unsigned char fill_len; /* 1..4 */
    char align;             /* '<' '>' '=' '^', the kind's default if absent */
    char sign;              /* 0 (absent), '+', '-' or ' ' */
    unsigned char no_neg_0; /* 'z' */
    unsigned char alternate;/* '#' */
    unsigned char zero;     /* '0' before the width (already folded into
                               fill and align, as CPython does) */
    char grouping;          /* 0, ',' or '_' */
    unsigned char group;    /* digits per group: 3 (4 for '_' with b o x X) */
    int64_t width;          /* -1 if absent */
    int64_t precision;      /* -1 if absent */
    uint32_t type;          /* code point; the kind's default if absent
                               ('d', 0 for float, 's') */
} gp_fspec_t;

/* The failures, each with CPython's exception and message. */
typedef enum {
    GP_FSPEC_OK = 0,
    GP_FSPEC_E_INVALID,              /* "Invalid format specifier 'S' for
                                        object of type 'T'" */
    GP_FSPEC_E_MISSING_PRECISION,    /* "Format specifier missing precision" */
    GP_FSPEC_E_TOO_MANY_DIGITS,      /* "Too many decimal digits in format
                                        string" */
    GP_FSPEC_E_BOTH_SEPARATORS,      /* "Cannot specify both ',' and '_'." */
    GP_FSPEC_E_SEPARATOR_TYPE,       /* "Cannot specify ',' with 'c'." */
    GP_FSPEC_E_UNKNOWN_CODE,         /* "Unknown format code 'c' for object
                                        of type 'T'" */
    GP_FSPEC_E_PRECISION_NOT_ALLOWED,/* ints */
    GP_FSPEC_E_Z_NOT_ALLOWED,        /* ints and strs */
    GP_FSPEC_E_SIGN_NOT_ALLOWED,     /* strs ("Space ..." for ' '), 'c' */
    GP_FSPEC_E_ALTERNATE_NOT_ALLOWED,/* strs, 'c' */
    GP_FSPEC_E_EQUALS_NOT_ALLOWED,   /* strs */
    GP_FSPEC_E_PRECISION_TOO_BIG,    /* floats: precision > INT_MAX */
    GP_FSPEC_E_CHAR_RANGE,           /* OverflowError: "%c arg not in
                                        range(0x110000)" */
    GP_FSPEC_E_LONG_OVERFLOW,        /* OverflowError: "Python int too large
                                        to convert to C long" ('c') */
    GP_FSPEC_E_FLOAT_OVERFLOW,       /* OverflowError: "int too large to
                                        convert to float" (int with e/f/g/%) */
    GP_FSPEC_E_NO_MEMORY,            /* MemoryError: the result would not fit
                                        in memory (or malloc failed) */
    GP_FSPEC_E_BAD_ARGUMENT,         /* SystemError: the caller passed a spec
                                        that is not UTF-8, or bad digits */
} gp_fspec_code_t;

typedef enum {
    GP_FSPEC_EXC_NONE = 0,
    GP_FSPEC_EXC_VALUE_ERROR,
    GP_FSPEC_EXC_OVERFLOW_ERROR,
    GP_FSPEC_EXC_MEMORY_ERROR,
    GP_FSPEC_EXC_SYSTEM_ERROR,
} gp_fspec_exc_t;

typedef struct {
    gp_fspec_code_t code;
    gp_fspec_exc_t exc;
    char *msg;          /* UTF-8, NUL-terminated; never NULL after a failure
                           (possibly ""); may hold NUL bytes when the spec
                           did, hence msg_len */
    size_t msg_len;
} gp_fspec_error_t;

/* "ValueError", "OverflowError", "MemoryError", "SystemError"; "" for
** none. */
const char *gp_fspec_exc_name(gp_fspec_exc_t exc);

/* Free err->msg and reset err.  Safe on a zeroed or cleared struct. */
void gp_fspec_error_clear(gp_fspec_error_t *err);

/* Parse spec[0..len) (UTF-8) for a value of the given kind whose type is
** called type_name (used in messages, cut at 200 bytes like CPython's
** "%.200s").  Returns 0, or -1 with *err filled (call
** gp_fspec_error_clear).  Only the errors format_spec parsing raises come
** from here; the per-type checks come from the gp_format_* calls. */
int gp_fspec_parse(const char *spec, size_t len, gp_fspec_kind_t kind,
                   const char *type_name, gp_fspec_t *out,
                   gp_fspec_error_t *err);

/* Every gp_format_* call returns 0 with *out a malloc'd, NUL-terminated
** UTF-8 string of *out_len bytes (free() it), or -1 with *err filled.
** The spec must come from gp_fspec_parse with the matching kind (an int
** spec for gp_format_int...).  type_name is the value's type, as above. */

/* An integer as an optional sign and decimal digits ("0" for zero; leading
** zeros are fine; "-0" is 0).  Types b c d n o x X, and e E f F g G %
** through the correctly rounded double of the value. */
int gp_format_int(const char *decimal_digits, int negative,
                  const gp_fspec_t *spec, const char *type_name,
                  char **out, size_t *out_len, gp_fspec_error_t *err);

/* The same with the magnitude given as ndigits digits in base 2, 8, 10 or
** 16 (either case), for a caller whose big integer converts cheaply to a
** power-of-two base: only the conversions the spec needs are done. */
int gp_format_int_base(const char *digits, size_t ndigits, int base,
                       int negative, const gp_fspec_t *spec,
                       const char *type_name, char **out, size_t *out_len,
                       gp_fspec_error_t *err);

/* A double: types e E f F g G n % and none (repr-like). */
int gp_format_float(double x, const gp_fspec_t *spec, const char *type_name,
                    char **out, size_t *out_len, gp_fspec_error_t *err);

/* A string s[0..len) of UTF-8: type s only; precision truncates. */
int gp_format_str(const char *s, size_t len, const gp_fspec_t *spec,
                  const char *type_name, char **out, size_t *out_len,
                  gp_fspec_error_t *err);

#endif
