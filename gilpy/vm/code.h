/*
** code.h — code objects: what the compiler produces and the eval loop
** runs.  Immutable once made.  Guard: none needed after creation.
**
** Frame slots ("localsplus") are laid out [locals][cells][frees]:
** LOAD_FAST/STORE_FAST index the first part (0 .. nlocals-1), the DEREF
** instructions index the whole (nlocals .. nlocals+ncells+nfrees-1).
** Arguments are the first locals, in the order positional-only,
** positional, keyword-only, *args, **kwargs.  At frame start the VM makes
** the cells, fills a cell from its argument where cell2arg says so, and
** copies the function's closure into the free slots.
*/
#ifndef GP_CODE_H
#define GP_CODE_H

#include "objects/object.h"

/* Source span of one instruction, for tracebacks (3.11's carets). */
typedef struct {
    int32_t line, end_line;     /* 1-based; 0 = none (artificial code) */
    int32_t col, end_col;       /* 0-based UTF-8 byte offsets; -1 = none */
} gp_codepos_t;

enum {
    GP_CO_OPTIMIZED   = 0x0001,   /* function: locals are fast slots */
    GP_CO_NEWLOCALS   = 0x0002,
    GP_CO_VARARGS     = 0x0004,
    GP_CO_VARKEYWORDS = 0x0008,
    GP_CO_NESTED      = 0x0010,
    GP_CO_GENERATOR   = 0x0020,
    GP_CO_NOFREE      = 0x0040,
};

/* LOAD_GLOBAL's cache of one name: the value found while the globals and
** builtins dicts had these versions (gp_dict_version: equal versions mean
** the same dicts, unchanged, so the borrowed value is still theirs). */
typedef struct {
    uint64_t globals_version, builtins_version;
    gp_obj_t *value;            /* borrowed from one of the two dicts */
} gp_global_cache_t;

typedef struct {
    gp_obj_t ob;
    uint32_t *code;             /* instructions (opcode.h) */
    gp_ssize_t ncode;
    gp_codepos_t *pos;          /* one per instruction */
    gp_obj_t *consts;           /* tuple */
    gp_obj_t *names;            /* tuple of interned str */
    gp_obj_t *varnames;         /* tuple: local names (arguments first) */
    gp_obj_t *cellvars;         /* tuple */
    gp_obj_t *freevars;         /* tuple */
    int32_t *cell2arg;          /* per cell: index of its argument, or -1;
                                   NULL when no cell is an argument */
    int argcount;               /* positional, positional-only included */
    int posonlyargcount;
    int kwonlyargcount;
    int flags;                  /* GP_CO_* */
    int nlocals, ncells, nfrees;
    int stacksize;              /* deepest value stack */
    int blocksize;              /* deepest block stack */
    int firstlineno;
    gp_obj_t *filename;         /* str */
    gp_obj_t *name;             /* str */
    gp_obj_t *qualname;         /* str */
    gp_obj_t *docstring;        /* str or NULL (functions: __doc__) */
    gp_global_cache_t *global_cache;  /* one per name, made by the first
                                   LOAD_GLOBAL, or NULL; the GIL guards it
                                   (every thread running the code uses it) */
} gp_code_t;

extern gp_type_t gp_code_type;
#define GP_CODE_CHECK(o) (GP_TYPE(o) == &gp_code_type)

/* Takes new references of everything it is given (the arrays are copied).
** Interns the names.  Computes nlocals etc. from the tuples. */
gp_obj_t *gp_code_new(const uint32_t *code, gp_ssize_t ncode,
                      const gp_codepos_t *pos, gp_obj_t *consts,
                      gp_obj_t *names, gp_obj_t *varnames,
                      gp_obj_t *cellvars, gp_obj_t *freevars,
                      int argcount, int posonlyargcount, int kwonlyargcount,
                      int flags, int stacksize, int blocksize,
                      int firstlineno, gp_obj_t *filename, gp_obj_t *name,
                      gp_obj_t *qualname, gp_obj_t *docstring);

/* Line of instruction i (0 if none). */
int gp_code_line(gp_code_t *co, gp_ssize_t i);

/* Readies the code type (obj_code.c). */
int gp_obj_code_init(void);

#endif
