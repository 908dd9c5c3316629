/*
** dump.c — gp_tokdump(): the tokenizer's output as pytok.py writes
** CPython's, so that the two compare as text.
*/
#include "dump.h"

#include <stdio.h>
#include <stdlib.h>

#include "front/tokenizer.h"

/* pytok.py's esc(): quote, backslash and control characters escaped,
** everything else as it is. */
static void put_text(FILE *f, const char *s, size_t n)
{
    fputc('\'', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\\': fputs("\\\\", f); break;
        case '\'': fputs("\\'", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(f, "\\x%02x", c);
            else
                fputc(c, f);
        }
    }
    fputc('\'', f);
}

static void put_token(FILE *f, const gp_token_t *tk)
{
    const char *line = tk->start - tk->col_offset;
    const char *end_line = tk->end_lineno == tk->lineno
                           ? line : tk->start + tk->len - tk->end_col_offset;
    int col = gp_utf8_count(line, (size_t)tk->col_offset);
    int end_col = tk->kind == GP_TOK_NEWLINE
                  ? col + 1 : gp_utf8_count(end_line, (size_t)tk->end_col_offset);
    fprintf(f, "%s ", gp_token_name(tk->kind));
    put_text(f, tk->start, tk->len);
    fprintf(f, " %d:%d-%d:%d\n", tk->lineno, col, tk->end_lineno, end_col);
}

char *gp_tokdump(const char *src, size_t len, const char *filename, int all)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    if (!f)
        return NULL;
    gp_tok_t *t = gp_tok_new(src, len, filename);
    if (!t) {
        fclose(f);
        free(out);
        return NULL;
    }
    gp_token_t tk;
    int kind;
    do {
        kind = gp_tok_next(t, &tk);
        if (kind != GP_TOK_ERROR)
            put_token(f, &tk);
    } while (kind != GP_TOK_ENDMARKER && kind != GP_TOK_ERROR);
    if (kind == GP_TOK_ERROR) {
        const gp_tok_error_t *e = gp_tok_error(t);
        if (!all) {     /* pytok.py has the error alone */
            fflush(f);
            rewind(f);
            outlen = 0;
        }
        fprintf(f, "%s: %s (line %d, offset %d)\n", e->type_name, e->msg,
                e->lineno, e->offset);
    }
    gp_tok_free(t);
    fclose(f);
    return out;
}
