/*
** test_floatrepr.c — gp_float_repr against CPython 3.11's repr() on the
** doubles of floatrepr.txt (regenerate with gen_floatrepr.py), plus the
** special values.  Run from the repository root (or set GP_FLOATREPR_TXT).
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "objects/floatrepr.h"

static const char *corpus(void)
{
    const char *p = getenv("GP_FLOATREPR_TXT");
    return p ? p : "gilpy/objects/tests/floatrepr.txt";
}

TEST(specials)
{
    char b[GP_FLOAT_REPR_MAX];
    struct { double x; const char *s; } t[] = {
        {0.0, "0.0"}, {-0.0, "-0.0"}, {1.0, "1.0"}, {-2.5, "-2.5"},
        {0.1, "0.1"}, {1e16, "1e+16"}, {1e15, "1000000000000000.0"},
        {1e-4, "0.0001"}, {1e-5, "1e-05"}, {1.5e-5, "1.5e-05"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        gp_float_repr(t[i].x, b);
        if (strcmp(b, t[i].s) != 0)
            printf("  repr(%.17g): got %s, want %s\n", t[i].x, b, t[i].s);
        CHECK(strcmp(b, t[i].s) == 0);
    }
    gp_float_repr(1.0 / 0.0, b);
    CHECK(strcmp(b, "inf") == 0);
    gp_float_repr(-1.0 / 0.0, b);
    CHECK(strcmp(b, "-inf") == 0);
    gp_float_repr(0.0 / 0.0, b);
    CHECK(strcmp(b, "nan") == 0);
}

TEST(matches_cpython_corpus)
{
    FILE *f = fopen(corpus(), "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[128], b[GP_FLOAT_REPR_MAX];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        uint64_t bits;
        char want[64];
        if (sscanf(line, "%" SCNx64 " %63s", &bits, want) != 2)
            continue;
        double x;
        memcpy(&x, &bits, sizeof x);
        gp_float_repr(x, b);
        n++;
        if (strcmp(b, want) != 0 && bad++ < 10)
            printf("  %016" PRIx64 ": got %s, want %s\n", bits, b, want);
    }
    fclose(f);
    printf("  %d doubles compared\n", n);
    CHECK(n > 3000);
    CHECK_EQ(bad, 0);
}
