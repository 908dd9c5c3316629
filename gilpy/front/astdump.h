/*
** astdump.h — an AST as one S-expression, the same text that
** gilpy/front/tests/pyast.py prints for CPython 3.11's `ast`, so that
** parser tests compare the two trees (positions included) as strings.
*/
#ifndef GP_ASTDUMP_H
#define GP_ASTDUMP_H

#include <stdio.h>

#include "ast.h"
#include "tokenizer.h"

void gp_ast_dump(FILE *f, const gp_mod_t *m);
/* "error Type|msg|lineno|offset|end_lineno|end_offset|repr(text)" */
void gp_ast_dump_error(FILE *f, const gp_tok_error_t *e);

#endif
