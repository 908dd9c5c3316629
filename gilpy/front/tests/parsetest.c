/*
** parsetest.c — parse a file with gilpy's parser and print the tree (or
** the error) in pyast.py's notation:  parsetest FILE [exec|eval|single]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/astdump.h"
#include "front/parser.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: parsetest FILE [exec|eval|single]\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, n = 0;
    char *src = malloc(cap);
    while (src && (n += fread(src + n, 1, cap - n, in)) == cap)
        src = realloc(src, cap *= 2);
    fclose(in);
    if (!src)
        return 2;
    gp_parse_mode_t mode = GP_PARSE_EXEC;
    if (argc > 2 && strcmp(argv[2], "eval") == 0)
        mode = GP_PARSE_EVAL;
    else if (argc > 2 && strcmp(argv[2], "single") == 0)
        mode = GP_PARSE_SINGLE;
    gp_arena_t *a = gp_arena_new();
    gp_tok_error_t err;
    gp_mod_t *m = gp_parse(src, n, argv[1], mode, a, &err);
    if (m)
        gp_ast_dump(stdout, m);
    else if (err.msg)
        gp_ast_dump_error(stdout, &err);
    else
        printf("error MemoryError\n");
    gp_arena_free(a);
    free(src);
    return 0;
}
