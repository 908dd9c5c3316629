/*
** ast.h — the abstract syntax tree the parser builds and the compiler
** reads: CPython 3.11's `ast` module (Parser/Python.asdl) in C, minus what
** gilpy does not support (async, await, match, except*; the parser
** rejects those with a SyntaxError naming the feature).  Node and field
** names are the `ast` module's, so `ast.dump` of CPython and our dumper
** (front/astdump.c) can be compared line by line.
**
** The tree holds no interpreter objects: names and strings are UTF-8
** (lone surrogates as their 3-byte "surrogatepass" encodings), numbers are
** their literal text, so the front end runs and is tested without the
** object system.  All nodes and strings live in one arena, freed at once.
** Positions: lines 1-based, columns 0-based UTF-8 byte offsets (as
** CPython's AST).  Not shared between threads.
*/
#ifndef GP_AST_H
#define GP_AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct gp_arena gp_arena_t;
gp_arena_t *gp_arena_new(void);
void *gp_arena_alloc(gp_arena_t *a, size_t n);      /* zeroed; NULL: OOM */
char *gp_arena_strdup(gp_arena_t *a, const char *s, size_t n);
void gp_arena_free(gp_arena_t *a);

/* A sequence of nodes (or of identifiers: `char *`). */
typedef struct {
    int n;
    void *items[];
} gp_ast_seq_t;
#define GP_SEQ_LEN(s)  ((s) ? (s)->n : 0)
#define GP_SEQ_GET(s, i) ((s)->items[i])
gp_ast_seq_t *gp_ast_seq_new(gp_arena_t *a, int n);

typedef struct gp_expr gp_expr_t;
typedef struct gp_stmt gp_stmt_t;

typedef struct {
    int lineno, col_offset, end_lineno, end_col_offset;
} gp_loc_t;

typedef enum { GP_LOAD = 1, GP_STORE, GP_DEL } gp_ctx_t;
typedef enum { GP_AND = 1, GP_OR } gp_boolop_t;
/* The `ast` operator classes, in ast's order. */
typedef enum {
    GP_ADD = 1, GP_SUB, GP_MULT, GP_MATMULT, GP_DIV, GP_MOD, GP_POW,
    GP_LSHIFT, GP_RSHIFT, GP_BITOR, GP_BITXOR, GP_BITAND, GP_FLOORDIV
} gp_operator_t;
typedef enum { GP_INVERT = 1, GP_NOT, GP_UADD, GP_USUB } gp_unaryop_t;
typedef enum {
    GP_CMP_EQ = 1, GP_CMP_NOTEQ, GP_CMP_LT, GP_CMP_LTE, GP_CMP_GT,
    GP_CMP_GTE, GP_CMP_IS, GP_CMP_ISNOT, GP_CMP_IN, GP_CMP_NOTIN
} gp_cmpop_t;

/* The value of a Constant node. */
typedef enum {
    GP_CONST_NONE = 1, GP_CONST_TRUE, GP_CONST_FALSE, GP_CONST_ELLIPSIS,
    GP_CONST_INT,       /* text: the literal as written minus underscores,
                           prefix kept ("0x1f", "123", "0o17", "0b1") */
    GP_CONST_FLOAT,     /* text: literal minus underscores; f: its value */
    GP_CONST_IMAG,      /* text: the literal without the j; f: its value */
    GP_CONST_STR,       /* text/len: the decoded value, UTF-8 (sp) */
    GP_CONST_BYTES      /* text/len: the decoded bytes */
} gp_const_kind_t;

typedef struct {
    gp_const_kind_t kind;
    const char *text;   /* NUL-terminated as well */
    size_t len;
    double f;
    const char *str_kind;   /* "u" for u"..." strings (ast's kind), or NULL */
} gp_const_t;

typedef struct {            /* keyword(arg, value); arg NULL for **x */
    gp_loc_t loc;
    const char *arg;
    gp_expr_t *value;
} gp_keyword_t;

typedef struct {            /* arg(arg, annotation) */
    gp_loc_t loc;
    const char *arg;
    gp_expr_t *annotation;  /* may be NULL */
} gp_arg_t;

typedef struct {            /* arguments */
    gp_ast_seq_t *posonlyargs, *args;   /* of gp_arg_t * */
    gp_arg_t *vararg;                   /* may be NULL */
    gp_ast_seq_t *kwonlyargs;           /* of gp_arg_t * */
    gp_ast_seq_t *kw_defaults;          /* of gp_expr_t *, NULL entries */
    gp_arg_t *kwarg;                    /* may be NULL */
    gp_ast_seq_t *defaults;             /* of gp_expr_t * */
} gp_arguments_t;

typedef struct {            /* comprehension(target, iter, ifs, is_async=0) */
    gp_expr_t *target, *iter;
    gp_ast_seq_t *ifs;
} gp_comprehension_t;

typedef struct {            /* alias(name, asname) */
    gp_loc_t loc;
    const char *name;       /* dotted, "*" for from x import * */
    const char *asname;     /* may be NULL */
} gp_alias_t;

typedef struct {            /* withitem(context_expr, optional_vars) */
    gp_expr_t *context_expr;
    gp_expr_t *optional_vars;   /* may be NULL */
} gp_withitem_t;

typedef struct {            /* ExceptHandler(type, name, body) */
    gp_loc_t loc;
    gp_expr_t *type;        /* may be NULL */
    const char *name;       /* may be NULL */
    gp_ast_seq_t *body;
} gp_excepthandler_t;

typedef enum {
    GP_E_BOOLOP = 1, GP_E_NAMEDEXPR, GP_E_BINOP, GP_E_UNARYOP, GP_E_LAMBDA,
    GP_E_IFEXP, GP_E_DICT, GP_E_SET, GP_E_LISTCOMP, GP_E_SETCOMP,
    GP_E_DICTCOMP, GP_E_GENERATOREXP, GP_E_YIELD, GP_E_YIELDFROM,
    GP_E_COMPARE, GP_E_CALL, GP_E_FORMATTEDVALUE, GP_E_JOINEDSTR,
    GP_E_CONSTANT, GP_E_ATTRIBUTE, GP_E_SUBSCRIPT, GP_E_STARRED, GP_E_NAME,
    GP_E_LIST, GP_E_TUPLE, GP_E_SLICE
} gp_expr_kind_t;

struct gp_expr {
    gp_expr_kind_t kind;
    gp_loc_t loc;
    union {
        struct { gp_boolop_t op; gp_ast_seq_t *values; } boolop;
        struct { gp_expr_t *target, *value; } namedexpr;
        struct { gp_expr_t *left; gp_operator_t op; gp_expr_t *right; } binop;
        struct { gp_unaryop_t op; gp_expr_t *operand; } unaryop;
        struct { gp_arguments_t *args; gp_expr_t *body; } lambda;
        struct { gp_expr_t *test, *body, *orelse; } ifexp;
        /* keys may hold NULL entries: {**x} */
        struct { gp_ast_seq_t *keys, *values; } dict;
        struct { gp_ast_seq_t *elts; } set;
        /* ListComp, SetComp, GeneratorExp: elt; DictComp: key, value.
        ** generators: of gp_comprehension_t * */
        struct { gp_expr_t *elt, *key, *value; gp_ast_seq_t *generators; } comp;
        struct { gp_expr_t *value; } yield;     /* Yield (value may be
                                                   NULL), YieldFrom */
        struct { gp_expr_t *left; int nops; gp_cmpop_t *ops;
                 gp_ast_seq_t *comparators; } compare;
        struct { gp_expr_t *func; gp_ast_seq_t *args;
                 gp_ast_seq_t *keywords; } call;   /* keywords: gp_keyword_t * */
        /* conversion: -1, 's', 'r', 'a'; format_spec: a JoinedStr or NULL */
        struct { gp_expr_t *value; int conversion;
                 gp_expr_t *format_spec; } formatted;
        struct { gp_ast_seq_t *values; } joinedstr;
        gp_const_t constant;
        struct { gp_expr_t *value; const char *attr; gp_ctx_t ctx; } attribute;
        struct { gp_expr_t *value, *slice; gp_ctx_t ctx; } subscript;
        struct { gp_expr_t *value; gp_ctx_t ctx; } starred;
        struct { const char *id; gp_ctx_t ctx; } name;
        struct { gp_ast_seq_t *elts; gp_ctx_t ctx; } seq;  /* List, Tuple */
        struct { gp_expr_t *lower, *upper, *step; } slice;
    } v;
};

typedef enum {
    GP_S_FUNCTIONDEF = 1, GP_S_CLASSDEF, GP_S_RETURN, GP_S_DELETE,
    GP_S_ASSIGN, GP_S_AUGASSIGN, GP_S_ANNASSIGN, GP_S_FOR, GP_S_WHILE,
    GP_S_IF, GP_S_WITH, GP_S_RAISE, GP_S_TRY, GP_S_ASSERT, GP_S_IMPORT,
    GP_S_IMPORTFROM, GP_S_GLOBAL, GP_S_NONLOCAL, GP_S_EXPR, GP_S_PASS,
    GP_S_BREAK, GP_S_CONTINUE
} gp_stmt_kind_t;

struct gp_stmt {
    gp_stmt_kind_t kind;
    gp_loc_t loc;
    union {
        struct { const char *name; gp_arguments_t *args; gp_ast_seq_t *body;
                 gp_ast_seq_t *decorator_list; gp_expr_t *returns; } funcdef;
        struct { const char *name; gp_ast_seq_t *bases, *keywords, *body,
                 *decorator_list; } classdef;
        struct { gp_expr_t *value; } ret;           /* value may be NULL */
        struct { gp_ast_seq_t *targets; } del;
        struct { gp_ast_seq_t *targets; gp_expr_t *value; } assign;
        struct { gp_expr_t *target; gp_operator_t op;
                 gp_expr_t *value; } augassign;
        struct { gp_expr_t *target, *annotation, *value;
                 int simple; } annassign;
        struct { gp_expr_t *target, *iter; gp_ast_seq_t *body,
                 *orelse; } forstmt;
        struct { gp_expr_t *test; gp_ast_seq_t *body, *orelse; } whilestmt;
        struct { gp_expr_t *test; gp_ast_seq_t *body, *orelse; } ifstmt;
        struct { gp_ast_seq_t *items, *body; } with;  /* items: gp_withitem_t * */
        struct { gp_expr_t *exc, *cause; } raise;     /* both may be NULL */
        struct { gp_ast_seq_t *body, *handlers, *orelse,
                 *finalbody; } trystmt;      /* handlers: gp_excepthandler_t * */
        struct { gp_expr_t *test, *msg; } assertstmt;
        struct { gp_ast_seq_t *names; } import;       /* gp_alias_t * */
        struct { const char *module; gp_ast_seq_t *names;
                 int level; } importfrom;             /* module may be NULL */
        struct { gp_ast_seq_t *names; } global;       /* Global, Nonlocal:
                                                         char * */
        struct { gp_expr_t *value; } expr;
    } v;
};

typedef enum { GP_MOD_MODULE = 1, GP_MOD_INTERACTIVE, GP_MOD_EXPRESSION } gp_mod_kind_t;

typedef struct {
    gp_mod_kind_t kind;
    gp_ast_seq_t *body;     /* Module, Interactive */
    gp_expr_t *expr;        /* Expression */
} gp_mod_t;

#endif
