/*
** floatrepr.c — shortest round-trip decimal digits of a double, and
** CPython's repr() layout of them.  Stateless.
**
** Shortest digits: for p = 1..17, take the correctly rounded p-digit
** decimal (printf's %.*e, exact in glibc) and keep the first that strtod
** reads back as x.  The correctly rounded p digits can miss while a
** neighbour one unit away in the last digit still reads back (near powers
** of two, where the gap below x is half the gap above), so both
** neighbours are tried before moving on to p + 1: the result is the
** shortest string that round-trips, and among those the one closest to x
** — what David Gay's dtoa mode 0, behind CPython's repr, returns.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floatrepr.h"

/* Parse "d.ddde[+-]XX" (from %.*e) into bare digits and the exponent of the
** first digit. */
static int split_e(const char *s, char *digits, int *exp10)
{
    int n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    digits[n] = 0;
    *exp10 = atoi(s + 1);
    return n;
}

/* Does 0.DIGITS * 10**decpt read back as x? */
static int reads_back(const char *digits, int n, int decpt, double x)
{
    char buf[48];
    snprintf(buf, sizeof buf, "0.%.*se%d", n, digits, decpt);
    return strtod(buf, NULL) == x;
}

/* Add delta (+1 or -1) to the last digit of an n-digit string, carrying;
** returns the new length and adjusts decpt on overflow (999 -> 1000). */
static int step(char *d, int n, int *decpt, int delta)
{
    int i = n - 1;
    if (delta > 0) {
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i < 0) {            /* all nines: 10**n */
            d[0] = '1';
            memset(d + 1, '0', (size_t)n - 1);
            (*decpt)++;
        } else {
            d[i]++;
        }
    } else {
        while (i >= 0 && d[i] == '0')
            d[i--] = '9';
        if (i < 0)
            return 0;
        d[i]--;
        if (d[0] == '0') {      /* 1000 -> 0999: one digit shorter */
            memmove(d, d + 1, (size_t)n - 1);
            d[n - 1] = '9';
            (*decpt)--;
        }
    }
    /* Drop trailing zeros: they do not count as digits. */
    while (n > 1 && d[n - 1] == '0')
        n--;
    d[n] = 0;
    return n;
}

int gp_float_shortest(double x, char digits[18], int *decpt)
{
    x = fabs(x);
    for (int p = 1; p <= 17; p++) {
        char buf[40], d[20];
        snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        int e, n = split_e(buf, d, &e);
        int dp = e + 1;
        if (reads_back(d, n, dp, x)) {
            while (n > 1 && d[n - 1] == '0')
                n--;
            memcpy(digits, d, (size_t)n);
            digits[n] = 0;
            *decpt = dp;
            return n;
        }
        /* The neighbours one unit away in the last place. */
        for (int delta = -1; delta <= 1; delta += 2) {
            char t[20];
            int tdp = dp;
            memcpy(t, d, (size_t)n + 1);
            int tn = step(t, n, &tdp, delta);
            if (tn > 0 && tn <= p && reads_back(t, tn, tdp, x)) {
                memcpy(digits, t, (size_t)tn + 1);
                *decpt = tdp;
                return tn;
            }
        }
    }
    /* Unreachable: 17 significant digits always read back. */
    char buf[40];
    snprintf(buf, sizeof buf, "%.16e", x);
    int e, n = split_e(buf, digits, &e);
    *decpt = e + 1;
    return n;
}

size_t gp_float_repr(double x, char *buf)
{
    char *p = buf;
    if (isnan(x))
        return (size_t)sprintf(buf, "nan");
    if (signbit(x))
        *p++ = '-';
    if (isinf(x))
        return (size_t)(p - buf) + (size_t)sprintf(p, "inf");
    if (x == 0)
        return (size_t)(p - buf) + (size_t)sprintf(p, "0.0");
    char d[18];
    int decpt, n = gp_float_shortest(x, d, &decpt);
    if (decpt <= -4 || decpt > 16) {
        /* d.ddde+XX, at least two exponent digits, no ".0" added. */
        *p++ = d[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, d + 1, (size_t)n - 1);
            p += n - 1;
        }
        int e = decpt - 1;
        p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        /* 0.000ddd */
        *p++ = '0';
        *p++ = '.';
        memset(p, '0', (size_t)-decpt);
        p += -decpt;
        memcpy(p, d, (size_t)n);
        p += n;
    } else if (decpt >= n) {
        /* ddd000.0 */
        memcpy(p, d, (size_t)n);
        p += n;
        memset(p, '0', (size_t)(decpt - n));
        p += decpt - n;
        memcpy(p, ".0", 2);
        p += 2;
    } else {
        /* dd.ddd */
        memcpy(p, d, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, d + decpt, (size_t)(n - decpt));
        p += n - decpt;
    }
    *p = 0;
    return (size_t)(p - buf);
}
