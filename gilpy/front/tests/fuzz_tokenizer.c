/*
** fuzz_tokenizer.c — libFuzzer target for gilpy's tokenizer (make
** fuzz-tokenizer): any bytes are tokenized to ENDMARKER or an error while
** the invariants of the token stream are checked; a violation aborts.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/tokenizer.h"

#define REQUIRE(e) \
    do { \
        if (!(e)) { \
            fprintf(stderr, "invariant failed: %s (line %d)\n", #e, __LINE__); \
            abort(); \
        } \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gp_tok_t *t = gp_tok_new((const char *)data, size, "fuzz.py");
    REQUIRE(t != NULL);
    gp_token_t tk;
    int kind, prev_line = 0, prev_col = 0;
    /* every token but INDENT/DEDENT and the last NEWLINE takes a byte of
    ** the (at most doubled, Latin-1) source; DEDENTs are no more than the
    ** INDENTs */
    size_t limit = 4 * size + 8, n = 0;
    unsigned sum = 0;
    do {
        kind = gp_tok_next(t, &tk);
        REQUIRE(++n <= limit);
        REQUIRE(kind == tk.kind);
        REQUIRE(kind >= 0 && kind < GP_TOK_N_TOKENS);
        REQUIRE(strcmp(gp_token_name(kind), "?") != 0);
        if (kind == GP_TOK_ERROR)
            break;
        REQUIRE(tk.start != NULL);
        REQUIRE(tk.lineno >= 1 && tk.end_lineno >= tk.lineno);
        REQUIRE(tk.col_offset >= 0 && tk.end_col_offset >= 0);
        REQUIRE(tk.lineno > prev_line
                || (tk.lineno == prev_line && tk.col_offset >= prev_col));
        prev_line = tk.lineno;
        prev_col = tk.col_offset;
        /* the token's text and its line up to it are readable, the line
        ** part holds no newline */
        for (size_t i = 0; i < tk.len; i++)
            sum += (unsigned char)tk.start[i];
        REQUIRE(!memchr(tk.start - tk.col_offset, '\n',
                        (size_t)tk.col_offset));
        if (tk.end_lineno == tk.lineno && kind != GP_TOK_NEWLINE)
            REQUIRE(tk.end_col_offset == tk.col_offset + (int)tk.len);
        if (kind == GP_TOK_NAME || kind == GP_TOK_NUMBER
            || kind == GP_TOK_STRING || gp_token_op_text(kind)) {
            REQUIRE(tk.len > 0);
        }
        if (gp_token_op_text(kind))
            REQUIRE(gp_token_op_kind(tk.start, tk.len) == kind);
        REQUIRE(gp_utf8_count(tk.start, tk.len) <= (int)tk.len);
    } while (kind != GP_TOK_ENDMARKER);

    const gp_tok_error_t *e = gp_tok_error(t);
    if (kind == GP_TOK_ERROR) {
        REQUIRE(e != NULL && e->msg != NULL && e->type_name != NULL);
        REQUIRE(e->lineno >= 0 && e->offset >= -1 && e->end_offset >= -1);
        if (e->text)
            sum += (unsigned)strlen(e->text);
        sum += (unsigned)strlen(e->msg);
        REQUIRE(gp_tok_next(t, &tk) == GP_TOK_ERROR);
    } else {
        REQUIRE(e == NULL);
        REQUIRE(gp_tok_next(t, &tk) == GP_TOK_ENDMARKER);
    }
    gp_tok_free(t);
    return (int)(sum & 0);
}
