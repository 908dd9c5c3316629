/*
** compile.c — the compiler's entry points (compile.h): source text to
** AST (front/parser.h), symbol table (symtable.c), code (codegen*.c,
** assemble.c).  A syntax error becomes a SyntaxError / IndentationError
** / TabError with CPython's fields.  Guard: the GIL (it makes objects).
*/
#include <string.h>
#include "compile/compile.h"
#include "compile/codegen.h"
#include "front/parser.h"
#include "objects/strobj.h"
#include "vm/errors.h"

static gp_obj_t *compile_mod(gp_mod_t *mod, gp_obj_t *filename,
                             const char *src, size_t len)
{
    gp_compiler_t c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.src = src;
    c.srclen = len;
    c.st = gp_symtable_build(mod);
    if (!c.st) {
        gp_err_nomemory();
        return NULL;
    }
    if (c.st->failed) {
        gp_cg_error(&c, c.st->errloc, "%s", c.st->errmsg);
        gp_symtable_free(c.st);
        return NULL;
    }
    gp_obj_t *code = gp_cg_module(&c, mod);
    while (c.u)
        gp_cg_exit_scope(&c);
    gp_symtable_free(c.st);
    if (!code && !gp_err_occurred())
        gp_err_set_str(&gp_exc_SystemError, "compiler failed without an "
                       "exception");
    return code;
}

gp_obj_t *gp_compile_ast(gp_mod_t *mod, gp_obj_t *filename)
{
    return compile_mod(mod, filename, NULL, 0);
}

gp_obj_t *gp_compile_source(const char *src, gp_ssize_t len,
                            gp_obj_t *filename, const char *mode)
{
    gp_parse_mode_t pm;
    if (!strcmp(mode, "exec"))
        pm = GP_PARSE_EXEC;
    else if (!strcmp(mode, "eval"))
        pm = GP_PARSE_EVAL;
    else if (!strcmp(mode, "single"))
        pm = GP_PARSE_SINGLE;
    else {
        gp_err_set_str(&gp_exc_ValueError,
                       "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    gp_ssize_t fl = 0;
    const char *fn = gp_str_utf8(filename, &fl);
    if (!fn)
        return NULL;
    gp_arena_t *arena = gp_arena_new();
    if (!arena) {
        gp_err_nomemory();
        return NULL;
    }
    gp_tok_error_t err;
    memset(&err, 0, sizeof err);
    gp_mod_t *mod = gp_parse(src, (size_t)len, fn, pm, arena, &err);
    gp_obj_t *code = NULL;
    if (!mod) {
        if (!err.msg)
            gp_err_nomemory();
        else {
            gp_type_t *t = err.type == GP_EXC_TAB ? &gp_exc_TabError
                         : err.type == GP_EXC_INDENTATION
                           ? &gp_exc_IndentationError : &gp_exc_SyntaxError;
            gp_err_syntax(t, err.msg, filename, err.lineno, err.offset,
                          err.end_lineno, err.end_offset, err.text);
        }
    } else
        code = compile_mod(mod, filename, src, (size_t)len);
    gp_arena_free(arena);
    return code;
}
