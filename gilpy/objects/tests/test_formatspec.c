/*
** test_formatspec.c — the format-spec engine (formatspec.c) against
** CPython 3.11 on every line of formatspec.txt (regenerate with
** gen_formatspec.py; the line format is described there), plus what a
** corpus cannot show: the grouping arithmetic against a step-by-step
** model, MemoryError for impossible widths, bad arguments, and the
** power-of-two input bases of gp_format_int_base.
**
** Run from the repository root, or set GP_FORMATSPEC_TXT to the corpus.
**
** Skipped corpus cases: none.  CPython results that cannot be reproduced
** here are not in the corpus at all, and are listed instead:
**   - widths or precisions whose result needs gigabytes (CPython builds
**     it or raises MemoryError depending on the machine; we do the same,
**     and the MemoryError side is tested below).
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "objects/formatspec.h"

static const char *corpus(void)
{
    const char *p = getenv("GP_FORMATSPEC_TXT");
    return p ? p : "gilpy/objects/tests/formatspec.txt";
}

/* ------------------------------------------------------------------ */
/* Corpus fields. */

static size_t put_utf8(uint32_t c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/* Undo the generator's escapes in place ('\\', '\xHH', '\uHHHH');
** returns the decoded length (NUL bytes may be inside). */
static size_t unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p;) {
        if (*p != '\\') {
            *o++ = *p++;
        } else if (p[1] == '\\') {
            *o++ = '\\';
            p += 2;
        } else if (p[1] == 'x') {
            char h[3] = {p[2], p[3], 0};
            *o++ = (char)strtoul(h, NULL, 16);
            p += 4;
        } else if (p[1] == 'u') {
            char h[5] = {p[2], p[3], p[4], p[5], 0};
            o += put_utf8((uint32_t)strtoul(h, NULL, 16), o);
            p += 6;
        } else {
            *o++ = *p++;
        }
    }
    *o = 0;
    return (size_t)(o - s);
}

/* The magnitude of a decimal string in base 16, by repeated halving of
** the decimal digits (a different algorithm from the engine's limbs). */
static char *dec_to_hex(const char *dec)
{
    size_t n = strlen(dec);
    char *d = malloc(n + 1), *bits = malloc(4 * n + 8), *hex;
    size_t nb = 0;
    memcpy(d, dec, n + 1);
    size_t start = 0;
    while (start < n && d[start] == '0')
        start++;
    while (start < n) {
        int rem = 0;
        for (size_t i = start; i < n; i++) {
            int cur = rem * 10 + (d[i] - '0');
            d[i] = (char)('0' + cur / 2);
            rem = cur % 2;
        }
        bits[nb++] = (char)rem;
        while (start < n && d[start] == '0')
            start++;
    }
    size_t nh = nb ? (nb + 3) / 4 : 1;
    hex = malloc(nh + 1);
    for (size_t i = 0; i < nh; i++) {
        int v = 0;
        for (int k = 3; k >= 0; k--) {
            size_t bit = (nh - 1 - i) * 4 + (size_t)k;
            v = v * 2 + (bit < nb ? bits[bit] : 0);
        }
        hex[i] = "0123456789ABCDEF"[v];
    }
    hex[nh] = 0;
    free(d);
    free(bits);
    return hex;
}

/* Hex digits rewritten in base 2 or 8 (with leading zeros: allowed). */
static char *hex_to_pow2(const char *hex, int bits)
{
    size_t n = strlen(hex), nbits = 4 * n;
    size_t nd = (nbits + (size_t)bits - 1) / (size_t)bits;
    char *o = malloc(nd + 1);
    for (size_t i = 0; i < nd; i++) {
        int v = 0;
        for (int k = bits - 1; k >= 0; k--) {
            size_t bit = (nd - 1 - i) * (size_t)bits + (size_t)k;
            int b = 0;
            if (bit < nbits) {
                char c = hex[n - 1 - bit / 4];
                int hv = c <= '9' ? c - '0' : c - 'A' + 10;
                b = (hv >> (bit % 4)) & 1;
            }
            v = v * 2 + b;
        }
        o[i] = (char)('0' + v);
    }
    o[nd] = 0;
    return o;
}

typedef struct {
    int ok;
    char *s;
    size_t len;
    gp_fspec_error_t err;
} result_t;

static void result_free(result_t *r)
{
    if (r->ok)
        free(r->s);
    else
        gp_fspec_error_clear(&r->err);
}

/* Does r match the corpus's expectation want[0..wlen)?  An error is
** "!Type: message" (a result starting with '!' arrives escaped, so the
** '!' is tested before unescaping and passed in as is_err). */
static int matches(const result_t *r, int is_err, const char *want,
                   size_t wlen)
{
    if (is_err) {
        if (r->ok)
            return 0;
        const char *exc = gp_fspec_exc_name(r->err.exc);
        size_t el = strlen(exc);
        return wlen >= el + 3 && memcmp(want + 1, exc, el) == 0 &&
               memcmp(want + 1 + el, ": ", 2) == 0 &&
               wlen - el - 3 == r->err.msg_len &&
               memcmp(want + el + 3, r->err.msg, r->err.msg_len) == 0;
    }
    return r->ok && r->len == wlen && memcmp(r->s, want, wlen) == 0;
}

static void show(const char *what, const result_t *r)
{
    if (r->ok)
        printf("    %s: '%.*s'\n", what, (int)r->len, r->s);
    else
        printf("    %s: !%s: %.*s\n", what, gp_fspec_exc_name(r->err.exc),
               (int)r->err.msg_len, r->err.msg);
}

static int nlines, nbad, nint_bases;

static void report(const char *line, const result_t *r, const char *want,
                   const char *how)
{
    if (nbad++ >= 10)
        return;
    printf("  MISMATCH (%s) %s", how, line);
    show("got", r);
    printf("    want: %s\n", want);
}

/* One corpus line (already split; fields unescaped in place). */
static void run_line(const char *orig, char *kind, char *value, char *spec,
                     size_t spec_len, int is_err, char *want,
                     size_t want_len)
{
    char *tname = strchr(kind, '@');
    if (tname) {
        *tname++ = 0;
        unescape(tname);
    }
    gp_fspec_kind_t k = strcmp(kind, "int") == 0     ? GP_FSPEC_INT
                        : strcmp(kind, "float") == 0 ? GP_FSPEC_FLOAT
                                                     : GP_FSPEC_STR;
    if (!tname)
        tname = kind;
    result_t r = {0};
    gp_fspec_t f;
    nlines++;
    if (gp_fspec_parse(spec, spec_len, k, tname, &f, &r.err) < 0) {
        if (!matches(&r, is_err, want, want_len))
            report(orig, &r, want, "parse");
        result_free(&r);
        return;
    }
    if (k == GP_FSPEC_INT) {
        int neg = value[0] == '-';
        const char *dec = value + neg;
        r.ok = gp_format_int(dec, neg, &f, tname, &r.s, &r.len, &r.err) == 0;
        if (!matches(&r, is_err, want, want_len))
            report(orig, &r, want, "decimal");
        result_free(&r);
        /* The same value handed over in base 16, 8 and 2. */
        char *hex = dec_to_hex(dec);
        char *alt[3] = {hex, hex_to_pow2(hex, 3), hex_to_pow2(hex, 1)};
        int bases[3] = {16, 8, 2};
        for (int i = 0; i < 3; i++) {
            result_t q = {0};
            q.ok = gp_format_int_base(alt[i], strlen(alt[i]), bases[i], neg,
                                      &f, tname, &q.s, &q.len, &q.err) == 0;
            if (!matches(&q, is_err, want, want_len))
                report(orig, &q, want, bases[i] == 16 ? "base 16"
                                       : bases[i] == 8 ? "base 8"
                                                       : "base 2");
            result_free(&q);
            free(alt[i]);
        }
        nint_bases++;
        return;
    }
    if (k == GP_FSPEC_FLOAT) {
        uint64_t bits = strtoull(value, NULL, 16);
        double x;
        memcpy(&x, &bits, sizeof x);
        r.ok = gp_format_float(x, &f, tname, &r.s, &r.len, &r.err) == 0;
    } else {
        size_t vl = unescape(value);
        r.ok = gp_format_str(value, vl, &f, tname, &r.s, &r.len, &r.err) == 0;
    }
    if (!matches(&r, is_err, want, want_len))
        report(orig, &r, want, "format");
    result_free(&r);
}

TEST(matches_cpython_corpus)
{
    FILE *fp = fopen(corpus(), "r");
    CHECK(fp != NULL);
    if (!fp)
        return;
    char *line = NULL, *copy = NULL;
    size_t cap = 0, ccap = 0;
    ssize_t got;
    int malformed = 0;
    nlines = nbad = nint_bases = 0;
    while ((got = getline(&line, &cap, fp)) > 0) {
        if ((size_t)got + 1 > ccap) {
            ccap = (size_t)got + 1;
            copy = realloc(copy, ccap);
        }
        memcpy(copy, line, (size_t)got + 1);
        if (line[got - 1] == '\n')
            line[--got] = 0;
        char *fld[4], *p = line;
        int nf = 0;
        for (; nf < 4 && p; nf++) {
            fld[nf] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = 0;
        }
        if (nf != 4 || p) {
            malformed++;
            continue;
        }
        size_t spec_len = unescape(fld[2]);
        int is_err = fld[3][0] == '!';
        size_t want_len = unescape(fld[3]);
        run_line(copy, fld[0], fld[1], fld[2], spec_len, is_err, fld[3],
                 want_len);
    }
    free(line);
    free(copy);
    fclose(fp);
    printf("  %d lines compared (%d ints also in bases 16, 8, 2), "
           "%d mismatches\n", nlines, nint_bases, nbad);
    CHECK_EQ(malformed, 0);
    CHECK(nlines > 20000);
    CHECK_EQ(nbad, 0);
}

/* ------------------------------------------------------------------ */
/* Helpers for the direct tests. */

static int fmt(gp_fspec_kind_t k, const char *spec, const char *value,
               char *buf, size_t size)
{
    gp_fspec_t f;
    gp_fspec_error_t err = {0};
    char *out;
    size_t len;
    int r = gp_fspec_parse(spec, strlen(spec), k, "T", &f, &err);
    if (r == 0) {
        if (k == GP_FSPEC_INT)
            r = gp_format_int(value + (value[0] == '-'), value[0] == '-', &f,
                              "T", &out, &len, &err);
        else if (k == GP_FSPEC_FLOAT)
            r = gp_format_float(strtod(value, NULL), &f, "T", &out, &len,
                                &err);
        else
            r = gp_format_str(value, strlen(value), &f, "T", &out, &len,
                              &err);
    }
    if (r == 0) {
        snprintf(buf, size, "%s", out);
        free(out);
        return 0;
    }
    snprintf(buf, size, "!%s: %s", gp_fspec_exc_name(err.exc), err.msg);
    int code = (int)err.code;
    gp_fspec_error_clear(&err);
    return code;
}

static int same(gp_fspec_kind_t k, const char *spec, const char *value,
                const char *want)
{
    char buf[512];
    fmt(k, spec, value, buf, sizeof buf);
    if (strcmp(buf, want) != 0) {
        printf("  format(%s, '%s'): got '%s', want '%s'\n", value, spec, buf,
               want);
        return 0;
    }
    return 1;
}

TEST(examples_from_the_brief)
{
    CHECK(same(GP_FSPEC_FLOAT, "", "1e16", "1e+16"));
    CHECK(same(GP_FSPEC_FLOAT, "", "0.1", "0.1"));
    CHECK(same(GP_FSPEC_FLOAT, "<10", "1.0", "1.0       "));
    CHECK(same(GP_FSPEC_FLOAT, ".3", "1.0", "1.0"));
    CHECK(same(GP_FSPEC_FLOAT, ".2f", "0.125", "0.12"));
    CHECK(same(GP_FSPEC_INT, "010,", "1234", "00,001,234"));
    CHECK(same(GP_FSPEC_INT, "#_b", "255", "0b1111_1111"));
    CHECK(same(GP_FSPEC_INT, "#X", "-48879", "-0XBEEF"));
    CHECK(same(GP_FSPEC_STR, "\xe2\x82\xac^7.2", "h\xc3\xa9llo",
               "\xe2\x82\xac\xe2\x82\xac" "h\xc3\xa9"
               "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"));
    CHECK(same(GP_FSPEC_INT, "c", "1114112",
               "!OverflowError: %c arg not in range(0x110000)"));
    CHECK(same(GP_FSPEC_FLOAT, "d", "1.5",
               "!ValueError: Unknown format code 'd' for object of type 'T'"));
}

/* CPython's grouping loop, step by step: the model the closed form in
** formatspec.c must agree with.  Returns the grouped length. */
static long model_grouped(long n_digits, long min_width, int g, int sep)
{
    long count = 0, remaining = n_digits, len;
    int use_sep = 0, broke = 0;
    if (min_width < 0)
        min_width = 0;
    while (sep && (len = g) > 0) {
        long hi = remaining > min_width ? remaining : min_width;
        len = len < (hi > 1 ? hi : 1) ? len : (hi > 1 ? hi : 1);
        long zeros = len - remaining > 0 ? len - remaining : 0;
        long chars = remaining < len ? (remaining > 0 ? remaining : 0) : len;
        count += (use_sep ? 1 : 0) + zeros + chars;
        use_sep = 1;
        remaining -= chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            broke = 1;
            break;
        }
        min_width -= 1;
    }
    if (!broke) {
        long hi = remaining > min_width ? remaining : min_width;
        len = hi > 1 ? hi : 1;
        long zeros = len - remaining > 0 ? len - remaining : 0;
        long chars = remaining < len ? (remaining > 0 ? remaining : 0) : len;
        count += (use_sep ? 1 : 0) + zeros + chars;
    }
    return count;
}

TEST(zero_padded_grouping_matches_the_model)
{
    /* Digits '1' repeated n times, zero-padded to width w: the length of
    ** the result is the model's grouped length (no sign, no prefix). */
    int bad = 0;
    for (int g = 0; g < 3; g++) {
        const char *sepc = g == 0 ? "" : g == 1 ? "," : "_";
        for (int n = 1; n <= 14; n++) {
            char digits[16];
            memset(digits, '1', (size_t)n);
            digits[n] = 0;
            for (int w = 0; w <= 40; w++) {
                for (int hex = 0; hex < 2; hex++) {
                    if (hex && g == 1)
                        continue;
                    char spec[32], buf[128];
                    snprintf(spec, sizeof spec, "0%d%s%s", w, sepc,
                             hex ? "b" : "");
                    /* For 'b' feed the digits as a binary number. */
                    gp_fspec_t f;
                    gp_fspec_error_t err = {0};
                    char *out;
                    size_t len;
                    CHECK(gp_fspec_parse(spec, strlen(spec), GP_FSPEC_INT,
                                         "int", &f, &err) == 0);
                    int r = hex ? gp_format_int_base(digits, (size_t)n, 2, 0,
                                                     &f, "int", &out, &len,
                                                     &err)
                                : gp_format_int(digits, 0, &f, "int", &out,
                                                &len, &err);
                    CHECK(r == 0);
                    if (r != 0)
                        continue;
                    long want = model_grouped(n, w, hex ? 4 : 3, g != 0);
                    if ((long)len != want && bad++ < 5) {
                        snprintf(buf, sizeof buf, "%s", out);
                        printf("  '%s' of %s: %s (len %zu, model %ld)\n",
                               spec, digits, buf, len, want);
                    }
                    free(out);
                }
            }
        }
    }
    CHECK_EQ(bad, 0);
}

TEST(impossible_sizes_are_memory_errors)
{
    char buf[256];
    /* 2**63-1 code points: past PTRDIFF_MAX bytes, refused before malloc. */
    CHECK_EQ(fmt(GP_FSPEC_INT, "9223372036854775807", "1", buf, sizeof buf),
             GP_FSPEC_E_NO_MEMORY);
    CHECK(strcmp(buf, "!MemoryError: ") == 0);
    CHECK_EQ(fmt(GP_FSPEC_INT, "09223372036854775807,", "-1", buf,
                 sizeof buf), GP_FSPEC_E_NO_MEMORY);
    CHECK_EQ(fmt(GP_FSPEC_INT, "\xf0\x9f\x98\x80<5000000000000000000", "1",
                 buf, sizeof buf), GP_FSPEC_E_NO_MEMORY);
    CHECK_EQ(fmt(GP_FSPEC_STR, "\xf0\x9f\x98\x80^9223372036854775807", "ab",
                 buf, sizeof buf), GP_FSPEC_E_NO_MEMORY);
    CHECK_EQ(fmt(GP_FSPEC_FLOAT, "9223372036854775807.3f", "1.5", buf,
                 sizeof buf), GP_FSPEC_E_NO_MEMORY);
    CHECK_EQ(fmt(GP_FSPEC_INT, "9223372036854775808", "1", buf, sizeof buf),
             GP_FSPEC_E_TOO_MANY_DIGITS);
    /* A precision just inside INT_MAX is legal for floats; one past is
    ** "precision too big". */
    CHECK_EQ(fmt(GP_FSPEC_FLOAT, ".2147483648f", "1.5", buf, sizeof buf),
             GP_FSPEC_E_PRECISION_TOO_BIG);
    /* Strings take any precision: it only truncates. */
    CHECK(same(GP_FSPEC_STR, ".9223372036854775807", "abc", "abc"));
}

TEST(bad_arguments)
{
    gp_fspec_t f;
    gp_fspec_error_t err = {0};
    char *out;
    size_t len;
    /* A spec that is not UTF-8 (CPython's specs always are). */
    CHECK(gp_fspec_parse("\xff<5", 3, GP_FSPEC_INT, "int", &f, &err) < 0);
    CHECK_EQ(err.code, GP_FSPEC_E_BAD_ARGUMENT);
    CHECK(strcmp(gp_fspec_exc_name(err.exc), "SystemError") == 0);
    gp_fspec_error_clear(&err);
    CHECK(gp_fspec_parse("\xc0\x80", 2, GP_FSPEC_INT, "int", &f, &err) < 0);
    gp_fspec_error_clear(&err);
    CHECK(gp_fspec_parse("\xe2\x82", 2, GP_FSPEC_INT, "int", &f, &err) < 0);
    gp_fspec_error_clear(&err);
    gp_fspec_error_clear(&err);     /* twice is fine */

    CHECK(gp_fspec_parse("d", 1, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int("12a", 0, &f, "int", &out, &len, &err) < 0);
    CHECK_EQ(err.code, GP_FSPEC_E_BAD_ARGUMENT);
    gp_fspec_error_clear(&err);
    CHECK(gp_format_int("", 0, &f, "int", &out, &len, &err) < 0);
    gp_fspec_error_clear(&err);
    CHECK(gp_format_int_base("12", 2, 7, 0, &f, "int", &out, &len, &err) < 0);
    gp_fspec_error_clear(&err);
    CHECK(gp_format_int_base("102", 3, 2, 0, &f, "int", &out, &len, &err) < 0);
    gp_fspec_error_clear(&err);

    /* Leading zeros and minus zero are just zero. */
    CHECK(gp_fspec_parse("+", 1, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int("000", 1, &f, "int", &out, &len, &err) == 0);
    CHECK(strcmp(out, "+0") == 0);
    free(out);
    CHECK(gp_format_int("007", 1, &f, "int", &out, &len, &err) == 0);
    CHECK(strcmp(out, "-7") == 0);
    free(out);
}

TEST(power_of_two_inputs_convert_both_ways)
{
    gp_fspec_t f;
    gp_fspec_error_t err = {0};
    char *out;
    size_t len;
    /* 2**200 given in hex, printed in decimal, binary and octal. */
    char hex[52] = "1";
    memset(hex + 1, '0', 50);
    hex[51] = 0;
    CHECK(gp_fspec_parse("d", 1, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int_base(hex, 51, 16, 1, &f, "int", &out, &len,
                             &err) == 0);
    CHECK(strcmp(out, "-1606938044258990275541962092341162602522202993782792"
                      "835301376") == 0);
    free(out);
    CHECK(gp_fspec_parse("o", 1, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int_base(hex, 51, 16, 0, &f, "int", &out, &len,
                             &err) == 0);
    CHECK(len == 67 && out[0] == '4' && strspn(out + 1, "0") == 66);
    free(out);
    CHECK(gp_fspec_parse("#_X", 3, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int_base("dEaDbEeF", 8, 16, 0, &f, "int", &out, &len,
                             &err) == 0);
    CHECK(strcmp(out, "0XDEAD_BEEF") == 0);
    free(out);
    /* Decimal -> binary of a long number, and back. */
    char dec[301];
    memset(dec, '9', 300);
    dec[300] = 0;
    CHECK(gp_fspec_parse("b", 1, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int(dec, 0, &f, "int", &out, &len, &err) == 0);
    char *bin = out;
    size_t blen = len;
    CHECK(gp_fspec_parse("d", 1, GP_FSPEC_INT, "int", &f, &err) == 0);
    CHECK(gp_format_int_base(bin, blen, 2, 0, &f, "int", &out, &len,
                             &err) == 0);
    CHECK(strcmp(out, dec) == 0);
    free(out);
    free(bin);
}
