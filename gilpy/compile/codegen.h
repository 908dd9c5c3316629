/*
** codegen.h — the compiler's internals shared by codegen.c (statements,
** scopes), codegen_expr.c (expressions) and assemble.c (labels, stack
** depth, code objects).  One gp_compiler_t per compilation; nothing here
** is shared between threads.  Guard: the GIL (it makes objects).
*/
#ifndef GP_CODEGEN_H
#define GP_CODEGEN_H

#include <stdio.h>
#include "objects/object.h"
#include "front/ast.h"
#include "vm/opcode.h"
#include "vm/code.h"
#include "compile/symtable.h"

/* One instruction before assembly.  For jumps (and SETUP_FINALLY, SEND,
** FOR_ITER) arg is a label number, resolved by the assembler.  A plain
** forward/backward jump is always emitted as JUMP_FORWARD; the assembler
** turns it into JUMP_BACKWARD when the target is not after it. */
typedef struct {
    uint8_t op;
    uint32_t arg;
    gp_codepos_t pos;
} gp_cinstr_t;

/* What break / continue / return must undo on their way out. */
typedef enum {
    GP_FB_WHILE_LOOP, GP_FB_FOR_LOOP, GP_FB_TRY_EXCEPT, GP_FB_FINALLY_TRY,
    GP_FB_FINALLY_END, GP_FB_WITH, GP_FB_HANDLER_CLEANUP,
    GP_FB_EXCEPTION_HANDLER, GP_FB_POP_VALUE
} gp_fblock_kind_t;

typedef struct {
    gp_fblock_kind_t kind;
    int block;          /* continue target (loops) */
    int exit;           /* break target (loops) */
    const void *datum;  /* FINALLY_TRY: the finally body (gp_ast_seq_t *);
                           HANDLER_CLEANUP: the bound name (char *) */
    gp_loc_t loc;
} gp_fblock_t;

#define GP_MAX_FBLOCKS 20

/* A small string -> index map (names, constants' keys). */
typedef struct {
    char **keys;        /* malloc'd copies */
    size_t *klens;
    int *vals;
    int n, cap;
} gp_strmap_t;

typedef struct gp_unit gp_unit_t;
struct gp_unit {
    gp_unit_t *parent;
    gp_ste_t *ste;
    const char *name;       /* arena / ste strings */
    char *qualname;         /* malloc'd */
    gp_cinstr_t *instrs;
    int ninstrs, capinstrs;
    int *labels;            /* label -> instruction index, -1 unplaced */
    int nlabels, caplabels;
    gp_obj_t **consts;
    int nconsts, capconsts;
    gp_strmap_t constmap;
    const char **names;
    int nnames, capnames;
    gp_strmap_t namemap;
    const char **varnames;
    int nvarnames, capvarnames;
    gp_strmap_t varmap;
    const char **cellvars;
    int ncellvars;
    const char **freevars;
    int nfreevars;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;
    int firstlineno;
    gp_obj_t *docstring;
    gp_fblock_t fblocks[GP_MAX_FBLOCKS];
    int nfblocks;
    gp_codepos_t pos;       /* position given to emitted instructions */
    int in_loop_orelse;
};

typedef struct {
    gp_symtable_t *st;
    gp_obj_t *filename;
    const char *src;        /* may be NULL (gp_compile_ast) */
    size_t srclen;
    gp_unit_t *u;
    int interactive;
    int failed;             /* an exception is set */
} gp_compiler_t;

/* ---- codegen.c ---- */
int gp_cg_error(gp_compiler_t *c, gp_loc_t loc, const char *fmt, ...);
int gp_cg_nomem(gp_compiler_t *c);
int gp_cg_emit(gp_compiler_t *c, int op, uint32_t arg);
int gp_cg_new_label(gp_compiler_t *c);
int gp_cg_use_label(gp_compiler_t *c, int label);
int gp_cg_add_const(gp_compiler_t *c, gp_obj_t *o);   /* steals o */
int gp_cg_const_none(gp_compiler_t *c);
int gp_cg_add_name(gp_compiler_t *c, const char *name);
const char *gp_cg_mangle(gp_compiler_t *c, const char *name);
int gp_cg_nameop(gp_compiler_t *c, const char *name, gp_ctx_t ctx);
int gp_cg_stmts(gp_compiler_t *c, gp_ast_seq_t *body);
int gp_cg_enter_scope(gp_compiler_t *c, gp_ste_t *ste, const char *name,
                      int firstlineno);
void gp_cg_exit_scope(gp_compiler_t *c);
/* Pushes a function made from the scope's finished code (closure
** included); flags as MAKE_FUNCTION's for what is already on the stack. */
int gp_cg_make_closure(gp_compiler_t *c, gp_obj_t *code, int flags);
gp_codepos_t gp_cg_set_pos(gp_compiler_t *c, gp_loc_t loc);
int gp_cg_push_fblock(gp_compiler_t *c, gp_fblock_kind_t kind, int block,
                      int exit, const void *datum, gp_loc_t loc);
void gp_cg_pop_fblock(gp_compiler_t *c);
int gp_cg_function_args(gp_compiler_t *c, gp_arguments_t *a, int *flags);

int gp_cg_lambda(gp_compiler_t *c, gp_expr_t *e);
int gp_cg_binop_arg(gp_operator_t op);
gp_obj_t *gp_cg_module(gp_compiler_t *c, gp_mod_t *mod);

/* ---- codegen_expr.c ---- */
int gp_cg_expr(gp_compiler_t *c, gp_expr_t *e);
int gp_cg_store(gp_compiler_t *c, gp_expr_t *target);   /* value on TOS */
int gp_cg_delete(gp_compiler_t *c, gp_expr_t *target);
int gp_cg_jump_if(gp_compiler_t *c, gp_expr_t *e, int label, int cond);
int gp_cg_const_expr(gp_compiler_t *c, gp_const_t *k);  /* pushes it */
gp_obj_t *gp_cg_const_obj(gp_compiler_t *c, gp_const_t *k);
int gp_cg_call_needs_ex(gp_ast_seq_t *args, gp_ast_seq_t *keywords);
int gp_cg_call_helper(gp_compiler_t *c, int n, gp_ast_seq_t *args,
                      gp_ast_seq_t *keywords);

/* ---- assemble.c ---- */
/* The unit's finished code object, or NULL with an exception set. */
gp_obj_t *gp_cg_assemble(gp_compiler_t *c, gp_unit_t *u);
int gp_op_is_jump(int op);

/* ---- strmap (codegen.c) ---- */
int gp_strmap_get(gp_strmap_t *m, const char *key, size_t len);
int gp_strmap_put(gp_strmap_t *m, const char *key, size_t len, int val);
void gp_strmap_free(gp_strmap_t *m);

/* ---- opnames.c: gp_dis, declared in compile/dis.h ---- */

#endif
