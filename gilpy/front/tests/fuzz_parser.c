/*
** fuzz_parser.c — libFuzzer target for gilpy's parser: any bytes are
** parsed (in all three modes) to a tree or a SyntaxError; the tree is
** walked by the dumper (to /dev/null) and the error's fields checked.
** A crash, a hang (libFuzzer's -timeout) or a failed invariant aborts.
** Deep nesting must end as a SyntaxError ("too many nested parentheses",
** "too many statically nested blocks"), never as a C stack overflow.
** Not thread-shared: libFuzzer calls it from one thread.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/astdump.h"
#include "front/parser.h"

#define REQUIRE(e) \
    do { \
        if (!(e)) { \
            fprintf(stderr, "invariant failed: %s (line %d)\n", #e, __LINE__); \
            abort(); \
        } \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink(void)
{
    /* libFuzzer's process lives long: one handle for every input */
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    REQUIRE(f != NULL);
    return f;
}

static void one(const uint8_t *data, size_t size, gp_parse_mode_t mode)
{
    gp_arena_t *a = gp_arena_new();
    REQUIRE(a != NULL);
    gp_tok_error_t err;
    memset(&err, 0, sizeof err);
    gp_mod_t *m = gp_parse((const char *)data, size, "fuzz.py", mode, a,
                           &err);
    if (m) {
        gp_ast_dump(sink(), m);
    } else {
        REQUIRE(err.msg != NULL);       /* no input runs out of memory */
        REQUIRE(err.type_name != NULL);
        REQUIRE(err.lineno >= 0 && err.offset >= -1 && err.end_offset >= -1);
        gp_ast_dump_error(sink(), &err);
    }
    gp_arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    one(data, size, GP_PARSE_EXEC);
    /* the other modes only differ at the top: a cheap second look */
    if (size && data[0] & 1)
        one(data, size, (data[0] & 2) ? GP_PARSE_EVAL : GP_PARSE_SINGLE);
    return 0;
}
