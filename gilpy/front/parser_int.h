/*
** parser_int.h — what the parser's files (parser.c: statements and the
** driver, parser_expr.c: expressions and targets, parser_str.c: string
** literals and f-strings) share.  Private to gilpy/front.
**
** The whole token stream is read first into an array, so the parser can
** look ahead and back up freely.  Errors leave through longjmp to
** gp_parse: everything the parser allocates lives in the arena, so
** nothing needs unwinding.  Not shared between threads.
*/
#ifndef GP_PARSER_INT_H
#define GP_PARSER_INT_H

#include <setjmp.h>

#include "parser.h"

/* Nesting bound for expressions and blocks: deep enough for any real
** program (CPython's own limits are 200 brackets and 100 blocks), low
** enough that the C stack survives recursive descent. */
#define GP_PARSE_MAX_DEPTH 600

typedef struct gp_parser {
    gp_arena_t *a;
    gp_token_t *toks;
    int ntoks, pos;
    const gp_tok_error_t *tokerr;   /* the tokenizer stopped here, or NULL */
    gp_tok_error_t *err;
    const char *filename;
    jmp_buf jb;
    int depth;
    int in_fstring;                 /* parsing an f-string's expression */
    struct gp_parser *parent;       /* an f-string's: the enclosing parser,
                                       whose tokens find the source lines */
    int eval_mode;                  /* eval(): no newline is added to text */
    int final_nl;                   /* the source ends with a newline */
    /* An f-string sub-parser maps its positions onto the real source. */
    int line_base, col_base;        /* added to line 1 / columns of line 1 */
    /* An f-string sub-parser's own text, "(field)", and the shift of its
    ** positions: CPython 3.11 reports errors in a field against it. */
    const char *fs_buf;
    int fs_line, fs_col;            /* added to its lines / line 1's columns */
} gp_parser_t;

/* ---- tokens (parser.c) --------------------------------------------- */
gp_token_t *gp_p_peek(gp_parser_t *p);            /* current token */
gp_token_t *gp_p_peek_at(gp_parser_t *p, int ahead);
gp_token_t *gp_p_next(gp_parser_t *p);            /* consume, return it */
int gp_p_is_kw(gp_token_t *t, const char *kw);    /* NAME with that text */
int gp_p_is_keyword(gp_token_t *t);               /* any hard keyword */
int gp_p_accept(gp_parser_t *p, int kind);        /* consume if kind */
int gp_p_accept_kw(gp_parser_t *p, const char *kw);
gp_token_t *gp_p_expect(gp_parser_t *p, int kind, const char *what);
void gp_p_expect_kw(gp_parser_t *p, const char *kw);
/* The same where CPython's grammar forces the token: "expected 'x'" at
** whatever token stands there (gp_p_expect: only at the line's end). */
gp_token_t *gp_p_expect_forced(gp_parser_t *p, int kind, const char *what);
char *gp_p_name(gp_parser_t *p, gp_token_t *t);   /* token text, in arena */

/* ---- errors (parser.c): all of them longjmp ------------------------- */
/* SyntaxError msg spanning tokens from..to (to may be NULL: from only). */
_Noreturn void gp_p_error_at(gp_parser_t *p, gp_exc_kind_t kind,
                             const gp_loc_t *loc, const char *fmt, ...);
_Noreturn void gp_p_error_tok(gp_parser_t *p, gp_token_t *t,
                              const char *fmt, ...);
/* "invalid syntax" at the current token (or the tokenizer's error). */
_Noreturn void gp_p_syntax(gp_parser_t *p);
/* Where CPython reports an error at the current DEDENT/ENDMARKER. */
gp_loc_t gp_p_dedent_loc(gp_parser_t *p);
void gp_p_enter(gp_parser_t *p);                  /* depth guard */
void gp_p_leave(gp_parser_t *p);

/* ---- building nodes --------------------------------------------------- */
void *gp_p_alloc(gp_parser_t *p, size_t n);
gp_ast_seq_t *gp_p_seq(gp_parser_t *p, void **items, int n);
/* A growable list of pointers on the C heap while it is being built. */
typedef struct { void **v; int n, cap; void *stack_buf[8]; } gp_p_list_t;
void gp_p_list_init(gp_p_list_t *l);
void gp_p_list_push(gp_parser_t *p, gp_p_list_t *l, void *x);
gp_ast_seq_t *gp_p_list_seq(gp_parser_t *p, gp_p_list_t *l); /* frees l */
gp_loc_t gp_p_loc_tok(gp_token_t *t);
gp_loc_t gp_p_loc_span(const gp_loc_t *a, const gp_loc_t *b);
gp_expr_t *gp_p_expr_new(gp_parser_t *p, gp_expr_kind_t k, gp_loc_t loc);

/* ---- expressions (parser_expr.c) -------------------------------------- */
gp_expr_t *gp_p_expression(gp_parser_t *p);        /* expression */
gp_expr_t *gp_p_named_expression(gp_parser_t *p);  /* with := */
/* star_expressions: a, *b, c -> Tuple (no parens); allow_yield too. */
gp_expr_t *gp_p_star_expressions(gp_parser_t *p);
gp_expr_t *gp_p_yield_expr(gp_parser_t *p);
/* expressions (no stars): for `for x in a, b`, `del`, return value... */
gp_expr_t *gp_p_star_targets(gp_parser_t *p);
gp_arguments_t *gp_p_parameters(gp_parser_t *p, int lambda, int close);
/* Make an expression a target: ctx Store/Del, with CPython's errors. */
void gp_p_set_ctx(gp_parser_t *p, gp_expr_t *e, gp_ctx_t ctx, int aug);
int gp_p_valid_target(gp_expr_t *e);               /* set_ctx would pass */
int gp_p_parenthesized(gp_parser_t *p, gp_expr_t *e);
/* CPython's special messages for `e = ...` where e cannot be assigned
** ("cannot assign to %s here. Maybe you meant '==' ...") and for `print
** x`; they return when they do not apply. */
void gp_p_check_named_eq(gp_parser_t *p, gp_expr_t *e, int name_ok);
void gp_p_check_legacy(gp_parser_t *p, gp_expr_t *e);
/* Parse with fn without committing: NULL on a syntax error; the position
** is restored either way, *end_pos (may be NULL) is where fn stopped. */
gp_expr_t *gp_p_try_parse(gp_parser_t *p, gp_expr_t *(*fn)(gp_parser_t *),
                          int *end_pos);
gp_expr_t *gp_p_bitwise_or(gp_parser_t *p);
/* Is the current token where an expression can start? */
int gp_p_starts_expr(gp_parser_t *p);
/* raises "invalid syntax. Perhaps you forgot a comma?" (or plain invalid
** syntax) at an expression that follows `prev` */
_Noreturn void gp_p_forgot_comma(gp_parser_t *p, gp_expr_t *prev);

/* ---- strings (parser_str.c) ------------------------------------------- */
/* One or more adjacent STRING tokens -> Constant or JoinedStr. */
gp_expr_t *gp_p_strings(gp_parser_t *p);
/* A NUMBER token -> Constant. */
gp_expr_t *gp_p_number(gp_parser_t *p, gp_token_t *t);

/* Parse src as an expression in a sub-parser placed at line/col of the
** enclosing source (f-string fields). */
gp_expr_t *gp_p_subexpr(gp_parser_t *p, const char *src, size_t len,
                        int line, int col);

#endif
