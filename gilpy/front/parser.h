/*
** parser.h — tokens to AST: a hand-written recursive-descent parser for
** the gilpy subset of CPython 3.11's grammar (Grammar/python.gram),
** building the nodes of ast.h in the caller's arena.  It raises nothing:
** a syntax error fills *err with exactly what CPython 3.11's compile()
** would raise (class, message, positions, text), and the caller turns
** that into a SyntaxError (errors.h gp_err_syntax).  Unsupported syntax
** (async, await, match, except*, type params) is a SyntaxError whose
** message names the feature: "'async' is not supported by gilpy".
** Nesting is bounded (too deep: "too many nested parentheses" /
** RecursionError-like SyntaxError "too many statically nested blocks"),
** so no input overflows the C stack.  No shared state: any thread may
** parse at any time.
*/
#ifndef GP_PARSER_H
#define GP_PARSER_H

#include "ast.h"
#include "tokenizer.h"

typedef enum {
    GP_PARSE_EXEC,          /* file_input  -> Module */
    GP_PARSE_EVAL,          /* eval_input  -> Expression */
    GP_PARSE_SINGLE         /* interactive -> Interactive */
} gp_parse_mode_t;

/* NULL on error with *err filled (its strings live in the arena).  Also
** NULL with err->msg == NULL when out of memory. */
gp_mod_t *gp_parse(const char *src, size_t len, const char *filename,
                   gp_parse_mode_t mode, gp_arena_t *arena,
                   gp_tok_error_t *err);

#endif
