/*
** tokdump.c — gilpy-tokdump: prints the token stream of Python files as
** gilpy's tokenizer sees them, in the format of pytok.py's expectations.
**
**   gilpy-tokdump [-a] FILE...     (- for standard input)
**
** -a: on an error, print the tokens before it too (by default only the
** error line, as pytok.py does).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    int all = 0, status = 0, files = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-a")) {
            all = 1;
            continue;
        }
        files++;
        int std = !strcmp(argv[i], "-");
        FILE *f = std ? stdin : fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            status = 2;
            continue;
        }
        size_t len;
        char *src = slurp(f, &len);
        if (!std)
            fclose(f);
        char *out = src ? gp_tokdump(src, len, argv[i], all) : NULL;
        if (!out) {
            fprintf(stderr, "%s: out of memory\n", argv[i]);
            status = 2;
        } else {
            fputs(out, stdout);
        }
        free(out);
        free(src);
    }
    if (!files) {
        fprintf(stderr, "usage: gilpy-tokdump [-a] FILE...\n");
        return 2;
    }
    return status;
}
