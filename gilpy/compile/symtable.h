/*
** symtable.h — scope analysis for the compiler (CPython's symtable):
** which names are local, global (explicit or implicit), free or cell in
** each module/class/function scope.  Comprehensions and lambdas are
** function scopes (3.11).  Pure C over the AST, no interpreter objects;
** owned by one compilation.  Guard: none (not shared).
*/
#ifndef GP_SYMTABLE_H
#define GP_SYMTABLE_H

#include "front/ast.h"

/* Flags gathered while walking a scope. */
enum {
    GP_DEF_GLOBAL    = 0x001,   /* global statement */
    GP_DEF_LOCAL     = 0x002,   /* assigned in the scope */
    GP_DEF_PARAM     = 0x004,
    GP_DEF_NONLOCAL  = 0x008,
    GP_DEF_USE       = 0x010,
    GP_DEF_FREE_CLASS = 0x020,  /* a class-local that a method uses as free */
    GP_DEF_IMPORT    = 0x040,
    GP_DEF_ANNOT     = 0x080,
    GP_DEF_COMP_ITER = 0x100,
    GP_DEF_BOUND     = GP_DEF_LOCAL | GP_DEF_PARAM | GP_DEF_IMPORT
};

/* What a name resolves to after analysis. */
enum {
    GP_SCOPE_NONE = 0,
    GP_SCOPE_LOCAL,
    GP_SCOPE_GLOBAL_EXPLICIT,
    GP_SCOPE_GLOBAL_IMPLICIT,
    GP_SCOPE_FREE,
    GP_SCOPE_CELL
};

typedef enum {
    GP_BLOCK_MODULE, GP_BLOCK_CLASS, GP_BLOCK_FUNCTION
} gp_block_kind_t;

typedef struct {
    const char *name;           /* mangled */
    int flags;
    int scope;
    gp_loc_t decl;              /* global/nonlocal statement, for errors */
} gp_sym_t;

typedef struct gp_ste gp_ste_t;
struct gp_ste {
    gp_block_kind_t type;
    const char *name;           /* def/class name, "<lambda>", "<listcomp>" */
    const void *node;           /* the AST node that opened the scope */
    gp_loc_t loc;
    gp_sym_t *syms;             /* in order of first appearance */
    int nsyms, capsyms;
    int *hash, hashcap;         /* index + 1, open addressing */
    const char **params;        /* parameter names in order (mangled) */
    int nparams, capparams;
    gp_ste_t **children;
    int nchildren, capchildren;
    gp_ste_t *parent;
    const char *private_name;   /* enclosing class name, for mangling */
    unsigned is_generator : 1;
    unsigned is_comprehension : 1;
    unsigned is_genexp : 1;
    unsigned is_lambda : 1;
    unsigned needs_class_closure : 1;
    unsigned child_free : 1;
    unsigned has_annotations : 1;   /* module/class: simple AnnAssign */
    unsigned in_class_method : 1;   /* function directly in a class */
    int comp_kind;              /* GP_E_LISTCOMP... for comprehensions */
};

typedef struct {
    gp_ste_t *top;
    gp_arena_t *arena;          /* strings (mangled names) */
    /* The first error, CPython's message and the node's position. */
    char errmsg[256];
    gp_loc_t errloc;
    int failed;                 /* 1 error (errmsg set), 2 out of memory */
} gp_symtable_t;

/* Builds and analyses; NULL when out of memory.  Check st->failed. */
gp_symtable_t *gp_symtable_build(gp_mod_t *mod);
void gp_symtable_free(gp_symtable_t *st);

/* The child scope opened by `node` (a FunctionDef, ClassDef, Lambda or
** comprehension expression) of `parent`, or NULL. */
gp_ste_t *gp_ste_child(gp_ste_t *parent, const void *node);
gp_sym_t *gp_ste_lookup(gp_ste_t *ste, const char *name);
int gp_ste_scope(gp_ste_t *ste, const char *name);

/* "__x" inside class "C" is "_C__x"; other names are returned as they
** are.  NULL when out of memory. */
const char *gp_mangle(gp_arena_t *a, const char *private_name,
                      const char *name);

#endif
