/*
** fuzz_formatspec.c — libFuzzer target for the format-spec engine: the
** input's first byte picks a kind and an operand, the rest is the spec
** (or, in integer-digits mode, "spec\0digits").  Every spec is parsed;
** those that parse are applied to fixed ints, floats and strings, and the
** results are checked for what must always hold: valid (surrogate-
** tolerant) UTF-8, at least `width` code points, errors with a message.
**
**   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
**       -Igilpy gilpy/objects/formatspec.c gilpy/objects/floatrepr.c \
**       gilpy/objects/tests/fuzz_formatspec.c -o /tmp/fuzz_fs -lm
**   /tmp/fuzz_fs -max_total_time=180 -max_len=96
**
** Specs asking for more than 100000 code points of width or precision are
** parsed but not rendered: the result would be as big as asked (CPython
** builds it too), which is memory, not coverage.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "objects/formatspec.h"

#define BIG 100000

static void check(int ok)
{
    if (!ok)
        abort();
}

/* Code points in s[0..n), or -1 if it is not UTF-8 (surrogates allowed). */
static long count_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    long cps = 0;
    while (p < end) {
        unsigned c = *p++;
        int more = c < 0x80                  ? 0
                 : c >= 0xC2 && c <= 0xDF    ? 1
                 : c >= 0xE0 && c <= 0xEF    ? 2
                 : c >= 0xF0 && c <= 0xF4    ? 3
                                             : -1;
        if (more < 0 || end - p < more)
            return -1;
        for (int i = 0; i < more; i++)
            if ((p[i] & 0xC0) != 0x80)
                return -1;
        p += more;
        cps++;
    }
    return cps;
}

static void verify(int r, const gp_fspec_t *f, char *out, size_t len,
                   gp_fspec_error_t *err)
{
    if (r == 0) {
        check(out[len] == 0);
        long cps = count_utf8(out, len);
        check(cps >= 0);
        check(f->width < 0 || cps >= f->width);
        free(out);
    } else {
        check(err->code != GP_FSPEC_OK && err->exc != GP_FSPEC_EXC_NONE);
        check(err->msg != NULL && err->msg[err->msg_len] == 0);
        gp_fspec_error_clear(err);
    }
}

static const char *const ints[] = {
    "0", "1", "65", "1234567", "18446744073709551616",
    "9223372036854775808", "1114111", "55296",
    "17976931348623157081452742373170435679807056752584499659891747680315"
    "72607800285387605895586327668781715404589535143824642343213268894641"
    "82768467546703537516986049910576551282076245490090389328944075868508"
    "45513394230458323690322294816580855933212334827479782620414472316873"
    "8177180919299881250404026184124858368",
};
static const double floats[] = {
    0.0, -0.0, 1.5, -1234.5678, 1e16, 1e-7, 5e-324, 1.7976931348623157e308,
    0.125, 2.5, 0.0 / 0.0, 1.0 / 0.0, -1.0 / 0.0,
};
static const char *const strs[] = {
    "", "abc", "h\xc3\xa9llo", "x\xf0\x9f\x98\x80y", "\xed\xa0\x80", "\0a",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    const char *spec = (const char *)data + 1;
    size_t slen = size - 1;
    const char *digits = NULL;
    size_t ndigits = 0;
    if (sel & 0x80) {
        /* Integer-digits mode: the operand follows the spec after a NUL. */
        const char *z = memchr(spec, 0, slen);
        if (z) {
            digits = z + 1;
            ndigits = slen - (size_t)(z + 1 - spec);
            slen = (size_t)(z - spec);
        }
    }
    gp_fspec_kind_t kind = (gp_fspec_kind_t)(sel % 3);
    const char *tname = kind == GP_FSPEC_INT ? "int"
                      : kind == GP_FSPEC_FLOAT ? "float" : "str";
    gp_fspec_t f;
    gp_fspec_error_t err = {0};
    int r = gp_fspec_parse(spec, slen, kind, tname, &f, &err);
    if (r < 0) {
        verify(r, &f, NULL, 0, &err);
        return 0;
    }
    check(f.fill_len >= 1 && f.fill_len <= 4);
    if (f.width > BIG || f.precision > BIG)
        return 0;

    char *out = NULL;
    size_t len = 0;
    switch (kind) {
    case GP_FSPEC_INT:
        if (digits) {
            int base = (int[]){2, 8, 10, 16}[(sel >> 3) & 3];
            r = gp_format_int_base(digits, ndigits, base, sel & 4, &f, tname,
                                   &out, &len, &err);
            verify(r, &f, out, len, &err);
        }
        for (size_t i = 0; i < N(ints); i++) {
            for (int neg = 0; neg < 2; neg++) {
                r = gp_format_int(ints[i], neg, &f, tname, &out, &len, &err);
                verify(r, &f, out, len, &err);
            }
        }
        break;
    case GP_FSPEC_FLOAT:
        for (size_t i = 0; i < N(floats); i++) {
            r = gp_format_float(floats[i], &f, tname, &out, &len, &err);
            verify(r, &f, out, len, &err);
        }
        break;
    default:
        for (size_t i = 0; i < N(strs); i++) {
            size_t n = i == 5 ? 2 : strlen(strs[i]);
            r = gp_format_str(strs[i], n, &f, tname, &out, &len, &err);
            verify(r, &f, out, len, &err);
        }
        break;
    }
    return 0;
}
