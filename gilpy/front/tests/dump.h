/*
** dump.h — the token stream of a source as text, in the format of
** pytok.py (CPython's expectations): shared by gilpy-tokdump and the tests.
*/
#ifndef GP_TOK_DUMP_H
#define GP_TOK_DUMP_H

#include <stddef.h>

/* One line per token, "KIND 'text' line:col-endline:endcol" with columns
** in characters; on an error, only "ErrorClass: msg (line L, offset O)" —
** or, with all, the tokens before it and then that line.  Returns a
** malloc'd string, NULL when out of memory. */
char *gp_tokdump(const char *src, size_t len, const char *filename, int all);

#endif
