/*
** compile.h — source text to code objects: tokenizer, parser, symbol
** table, code generator.  What compile() and exec() and the import system
** call.  Raises SyntaxError (errors.h, with filename, lineno, offset, text)
** on bad input; never crashes on any input (fuzzed).  Guard: the GIL (it
** creates objects); the front end itself keeps no shared state.
*/
#ifndef GP_COMPILE_H
#define GP_COMPILE_H

#include "objects/object.h"
#include "front/ast.h"

/* mode: "exec", "eval" or "single" (interactive: expression statements
** print their value through sys.displayhook).  filename: a str. */
gp_obj_t *gp_compile_source(const char *src, gp_ssize_t len,
                            gp_obj_t *filename, const char *mode);
/* From an AST already parsed (arena owned by the caller). */
gp_obj_t *gp_compile_ast(gp_mod_t *mod, gp_obj_t *filename);

#endif
