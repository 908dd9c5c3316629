/*
** floatrepr.h — repr() of a float exactly as CPython 3.11 prints it: the
** shortest decimal string that reads back as the same double, in fixed
** notation for exponents -4 < e <= 16 and scientific notation otherwise.
** Stateless and thread-safe.
*/
#ifndef GP_FLOATREPR_H
#define GP_FLOATREPR_H

#include <stddef.h>

/* Longest result: "-" + 17 digits + "." + "e-308" and change. */
#define GP_FLOAT_REPR_MAX 32

/* Write repr(x) into buf (at least GP_FLOAT_REPR_MAX bytes), NUL-terminated;
** returns its length. */
size_t gp_float_repr(double x, char *buf);

/* The shortest digit string of |x| (no sign, no dot) and its decimal
** exponent: |x| = 0.DIGITS * 10**decpt.  x must be finite and non-zero.
** Returns the number of digits (1..17). */
int gp_float_shortest(double x, char digits[18], int *decpt);

#endif
