/*
** parser_expr.c — expressions, comprehensions, call arguments, parameter
** lists and assignment targets, by recursive descent in the order of
** CPython 3.11's grammar (lowest precedence first).  Positions are the
** `ast` module's: a node spans its first token to its last, parentheses
** around an expression are not part of it (they are for a tuple and a
** generator expression).
*/
#include <string.h>

#include "parser_int.h"

static gp_expr_t *disjunction(gp_parser_t *p);
static gp_expr_t *star_named_expression(gp_parser_t *p);
static gp_expr_t *primary(gp_parser_t *p);
static gp_expr_t *lambdef(gp_parser_t *p);
static gp_ast_seq_t *comprehension_for(gp_parser_t *p);
static gp_expr_t *named_expression(gp_parser_t *p, int check_eq);

/* Where the current token starts (a node's start, before it is known
** whether it is parenthesised: CPython's nodes start at their first
** token, a '(' included). */
static gp_loc_t tok_start(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    gp_loc_t l = {t->lineno, t->col_offset, 0, 0};
    return l;
}

static gp_loc_t prev_end_loc(gp_parser_t *p, const gp_loc_t *start)
{
    gp_token_t *last = &p->toks[p->pos > 0 ? p->pos - 1 : 0];
    gp_loc_t l = {start->lineno, start->col_offset, last->end_lineno,
                  last->end_col_offset};
    return l;
}

static int is_kw(gp_parser_t *p, const char *kw)
{
    return gp_p_is_kw(gp_p_peek(p), kw);
}

int gp_p_starts_expr(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    switch (t->kind) {
    case GP_TOK_NAME:
        if (!gp_p_is_keyword(t))
            return 1;
        return gp_p_is_kw(t, "None") || gp_p_is_kw(t, "True") ||
               gp_p_is_kw(t, "False") || gp_p_is_kw(t, "not") ||
               gp_p_is_kw(t, "lambda") || gp_p_is_kw(t, "await") ||
               gp_p_is_kw(t, "yield");
    case GP_TOK_NUMBER: case GP_TOK_STRING: case GP_TOK_LPAR:
    case GP_TOK_LSQB: case GP_TOK_LBRACE: case GP_TOK_MINUS:
    case GP_TOK_PLUS: case GP_TOK_TILDE: case GP_TOK_ELLIPSIS:
    case GP_TOK_STAR: case GP_TOK_AWAIT:
        return 1;
    default:
        return 0;
    }
}

/* ---- targets ----------------------------------------------------------- */

static const char *expr_name(gp_expr_t *e)
{
    switch (e->kind) {
    case GP_E_ATTRIBUTE: return "attribute";
    case GP_E_SUBSCRIPT: return "subscript";
    case GP_E_STARRED: return "starred";
    case GP_E_NAME: return "name";
    case GP_E_LIST: return "list";
    case GP_E_TUPLE: return "tuple";
    case GP_E_LAMBDA: return "lambda";
    case GP_E_CALL: return "function call";
    case GP_E_BOOLOP: case GP_E_BINOP: case GP_E_UNARYOP:
        return "expression";
    case GP_E_GENERATOREXP: return "generator expression";
    case GP_E_YIELD: case GP_E_YIELDFROM: return "yield expression";
    case GP_E_LISTCOMP: return "list comprehension";
    case GP_E_SETCOMP: return "set comprehension";
    case GP_E_DICTCOMP: return "dict comprehension";
    case GP_E_DICT: return "dict literal";
    case GP_E_SET: return "set display";
    case GP_E_JOINEDSTR: case GP_E_FORMATTEDVALUE:
        return "f-string expression";
    case GP_E_CONSTANT:
        switch (e->v.constant.kind) {
        case GP_CONST_NONE: return "None";
        case GP_CONST_TRUE: return "True";
        case GP_CONST_FALSE: return "False";
        case GP_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case GP_E_COMPARE: return "comparison";
    case GP_E_IFEXP: return "conditional expression";
    case GP_E_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

/* aug: 0 plain, 1 augmented, 2 the top of an `=` assignment (CPython
** adds "here. Maybe you meant '==' instead of '='?"). */
static void set_ctx(gp_parser_t *p, gp_expr_t *e, gp_ctx_t ctx, int aug,
                    int top)
{
    switch (e->kind) {
    case GP_E_NAME:
        e->v.name.ctx = ctx;
        return;
    case GP_E_ATTRIBUTE:
        e->v.attribute.ctx = ctx;
        return;
    case GP_E_SUBSCRIPT:
        e->v.subscript.ctx = ctx;
        return;
    case GP_E_STARRED:
        if (aug != 1) {
            if (ctx == GP_DEL)
                gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc,
                              "cannot delete starred");
            e->v.starred.ctx = ctx;
            set_ctx(p, e->v.starred.value, ctx, 0, 0);
            return;
        }
        break;
    case GP_E_TUPLE:
    case GP_E_LIST:
        if (aug != 1) {
            e->v.seq.ctx = ctx;
            for (int i = 0; i < GP_SEQ_LEN(e->v.seq.elts); i++)
                set_ctx(p, GP_SEQ_GET(e->v.seq.elts, i), ctx, 0, 0);
            return;
        }
        break;
    default:
        break;
    }
    if (aug == 1)
        gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc,
                      "'%s' is an illegal expression for augmented "
                      "assignment", expr_name(e));
    if (ctx == GP_DEL)
        gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc, "cannot delete %s",
                      expr_name(e));
    if (top)
        gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc,
                      "cannot assign to %s here. Maybe you meant '==' "
                      "instead of '='?", expr_name(e));
    gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc, "cannot assign to %s",
                  expr_name(e));
}

void gp_p_set_ctx(gp_parser_t *p, gp_expr_t *e, gp_ctx_t ctx, int aug)
{
    set_ctx(p, e, ctx, aug, 0);
}

int gp_p_valid_target(gp_expr_t *e)
{
    switch (e->kind) {
    case GP_E_NAME: case GP_E_ATTRIBUTE: case GP_E_SUBSCRIPT:
        return 1;
    case GP_E_STARRED:
        return gp_p_valid_target(e->v.starred.value);
    case GP_E_TUPLE: case GP_E_LIST:
        for (int i = 0; i < GP_SEQ_LEN(e->v.seq.elts); i++)
            if (!gp_p_valid_target(GP_SEQ_GET(e->v.seq.elts, i)))
                return 0;
        return 1;
    default:
        return 0;
    }
}

/* The index of the token where e starts (error paths only). */
static int tok_index_of(gp_parser_t *p, const gp_loc_t *l)
{
    for (int i = p->pos < p->ntoks ? p->pos : p->ntoks - 1; i >= 0; i--) {
        gp_token_t *t = &p->toks[i];
        if (t->lineno < l->lineno ||
            (t->lineno == l->lineno && t->col_offset <= l->col_offset))
            return i;
    }
    return 0;
}

int gp_p_parenthesized(gp_parser_t *p, gp_expr_t *e)
{
    int i = tok_index_of(p, &e->loc);
    return i > 0 && p->toks[i - 1].kind == GP_TOK_LPAR;
}

/* Parse with fn from the current token without committing: the result,
** or NULL on a syntax error; the position is restored either way. */
gp_expr_t *gp_p_try_parse(gp_parser_t *p, gp_expr_t *(*fn)(gp_parser_t *),
                          int *end_pos)
{
    int save = p->pos, depth = p->depth;
    gp_expr_t *volatile r = NULL;
    jmp_buf keep;
    memcpy(keep, p->jb, sizeof keep);
    if (setjmp(p->jb) == 0)
        r = fn(p);
    memcpy(p->jb, keep, sizeof keep);
    if (end_pos)
        *end_pos = p->pos;
    p->pos = save;
    p->depth = depth;
    return r;
}

/* CPython's invalid_named_expression, for an expression e followed by
** '=' at the current token: `NAME = bitwise_or` and `target = bitwise_or`
** not followed by another '=' or ':=' have their own messages.  name_ok:
** a plain name is a valid target here (statement level). */
void gp_p_check_named_eq(gp_parser_t *p, gp_expr_t *e, int name_ok)
{
    if (gp_p_peek(p)->kind != GP_TOK_EQUAL || p->tokerr)
        return;
    switch (e->kind) {
    case GP_E_BOOLOP: case GP_E_COMPARE: case GP_E_IFEXP: case GP_E_LAMBDA:
    case GP_E_NAMEDEXPR: case GP_E_YIELD: case GP_E_YIELDFROM:
    case GP_E_STARRED: case GP_E_LIST: case GP_E_TUPLE:
    case GP_E_GENERATOREXP:
        return;
    case GP_E_UNARYOP:
        if (e->v.unaryop.op == GP_NOT)
            return;
        break;
    case GP_E_CONSTANT:
        if (e->v.constant.kind == GP_CONST_TRUE ||
            e->v.constant.kind == GP_CONST_FALSE ||
            e->v.constant.kind == GP_CONST_NONE)
            return;
        break;
    case GP_E_NAME:
        if (name_ok)
            return;
        break;
    default:
        break;
    }
    if (e->kind == GP_E_NAME && gp_p_parenthesized(p, e))
        return;
    int save = p->pos, end;
    p->pos++;                                   /* '=' */
    gp_expr_t *v = gp_p_try_parse(p, gp_p_bitwise_or, &end);
    p->pos = save;
    if (!v)
        return;
    int k = p->toks[end].kind;
    if (k == GP_TOK_EQUAL || k == GP_TOK_COLONEQUAL)
        return;
    if (e->kind == GP_E_NAME) {
        gp_loc_t l = gp_p_loc_span(&e->loc, &v->loc);
        gp_p_error_at(p, GP_EXC_SYNTAX, &l, "invalid syntax. Maybe you "
                      "meant '==' or ':=' instead of '='?");
    }
    gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc, "cannot assign to %s here. "
                  "Maybe you meant '==' instead of '='?", expr_name(e));
}

/* `print x`: CPython's invalid_legacy_expression, when the expression
** just parsed is the name print or exec and another one follows. */
void gp_p_check_legacy(gp_parser_t *p, gp_expr_t *e)
{
    if (e->kind != GP_E_NAME || p->tokerr || gp_p_parenthesized(p, e))
        return;
    if (strcmp(e->v.name.id, "print") != 0 &&
        strcmp(e->v.name.id, "exec") != 0)
        return;
    if (!gp_p_starts_expr(p) || gp_p_peek(p)->kind == GP_TOK_LPAR)
        return;
    gp_expr_t *v = gp_p_try_parse(p, gp_p_star_expressions, NULL);
    if (!v)
        return;
    gp_loc_t l = gp_p_loc_span(&e->loc, &v->loc);
    gp_p_error_at(p, GP_EXC_SYNTAX, &l, "Missing parentheses in call to "
                  "'%s'. Did you mean %s(...)?", e->v.name.id, e->v.name.id);
}

/* star_targets for `for` and `with ... as`: a, *b, c[0] (no `in`). */
gp_expr_t *gp_p_star_targets(gp_parser_t *p)
{
    gp_token_t *start = gp_p_peek(p);
    gp_p_list_t l;
    gp_p_list_init(&l);
    int comma = 0;
    for (;;) {
        gp_expr_t *e;
        if (gp_p_peek(p)->kind == GP_TOK_STAR) {
            gp_token_t *st = gp_p_next(p);
            gp_expr_t *v = gp_p_bitwise_or(p);
            e = gp_p_expr_new(p, GP_E_STARRED,
                              prev_end_loc(p, &(gp_loc_t){st->lineno,
                                           st->col_offset, 0, 0}));
            e->v.starred.value = v;
        } else {
            e = gp_p_bitwise_or(p);
        }
        gp_p_list_push(p, &l, e);
        if (gp_p_peek(p)->kind != GP_TOK_COMMA)
            break;
        gp_p_next(p);
        comma = 1;
        if (gp_p_is_kw(gp_p_peek(p), "in") ||
            gp_p_peek(p)->kind == GP_TOK_EQUAL ||
            gp_p_peek(p)->kind == GP_TOK_COLON || !gp_p_starts_expr(p))
            break;
    }
    gp_expr_t *r;
    if (!comma) {
        r = l.v[0];
    } else {
        r = gp_p_expr_new(p, GP_E_TUPLE,
                          prev_end_loc(p, &(gp_loc_t){start->lineno,
                                       start->col_offset, 0, 0}));
        r->v.seq.elts = gp_p_list_seq(p, &l);
    }
    gp_p_set_ctx(p, r, GP_STORE, 0);
    /* A top-level call or literal as a for/with target has no "Maybe you
    ** meant '=='" suffix; set_ctx above only adds it for bare targets,
    ** which CPython words the same way here. */
    return r;
}

/* ---- atoms ------------------------------------------------------------- */

static gp_expr_t *const_new(gp_parser_t *p, gp_const_kind_t k, gp_token_t *t)
{
    gp_expr_t *e = gp_p_expr_new(p, GP_E_CONSTANT, gp_p_loc_tok(t));
    e->v.constant.kind = k;
    e->v.constant.text = "";
    return e;
}

/* After `(` / `[` / `{`: a comprehension when `for` follows. */
static int at_for(gp_parser_t *p);

/* [*x for x in y]: the element of a comprehension cannot be unpacked. */
static void comp_elt_check(gp_parser_t *p, gp_expr_t *elt)
{
    if (elt->kind == GP_E_STARRED && at_for(p))
        gp_p_error_at(p, GP_EXC_SYNTAX, &elt->loc,
                      "iterable unpacking cannot be used in comprehension");
}

static int at_for(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    if (t->kind == GP_TOK_ASYNC)
        gp_p_error_tok(p, t, "'async' is not supported by gilpy");
    return gp_p_is_kw(t, "for");
}

static gp_expr_t *seq_node(gp_parser_t *p, gp_expr_kind_t k, gp_token_t *open,
                           gp_p_list_t *l)
{
    gp_expr_t *e = gp_p_expr_new(p, k, prev_end_loc(p,
                                 &(gp_loc_t){open->lineno, open->col_offset,
                                             0, 0}));
    if (k == GP_E_SET)
        e->v.set.elts = gp_p_list_seq(p, l);
    else {
        e->v.seq.elts = gp_p_list_seq(p, l);
        e->v.seq.ctx = GP_LOAD;
    }
    return e;
}

/* "invalid syntax. Perhaps you forgot a comma?" — two expressions side by
** side inside brackets; the error spans both. */
_Noreturn void gp_p_forgot_comma(gp_parser_t *p, gp_expr_t *prev)
{
    gp_p_check_legacy(p, prev);
    if (gp_p_starts_expr(p) && !p->tokerr &&
        gp_p_peek(p)->kind != GP_TOK_STAR) {
        int save = p->pos;
        gp_expr_t *volatile next = NULL;
        /* Parse the following expression only to find where it ends. */
        jmp_buf keep;
        memcpy(keep, p->jb, sizeof keep);
        if (setjmp(p->jb) == 0) {
            next = gp_p_expression(p);
        }
        memcpy(p->jb, keep, sizeof keep);
        p->pos = save;
        if (next) {
            /* after `*a` the span starts at `a` */
            gp_expr_t *from = prev->kind == GP_E_STARRED
                              ? prev->v.starred.value : prev;
            gp_loc_t l = gp_p_loc_span(&from->loc, &next->loc);
            gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                          "invalid syntax. Perhaps you forgot a comma?");
        }
    }
    gp_p_syntax(p);
}

static gp_expr_t *paren_atom(gp_parser_t *p, gp_token_t *open)
{
    if (gp_p_peek(p)->kind == GP_TOK_RPAR) {
        gp_p_next(p);
        gp_p_list_t l;
        gp_p_list_init(&l);
        return seq_node(p, GP_E_TUPLE, open, &l);
    }
    if (is_kw(p, "yield")) {
        gp_expr_t *y = gp_p_yield_expr(p);
        gp_p_expect(p, GP_TOK_RPAR, "')'");
        return y;
    }
    gp_expr_t *first = star_named_expression(p);
    comp_elt_check(p, first);
    if (at_for(p)) {
        gp_expr_t *g = gp_p_expr_new(p, GP_E_GENERATOREXP, first->loc);
        g->v.comp.elt = first;
        g->v.comp.generators = comprehension_for(p);
        gp_p_expect(p, GP_TOK_RPAR, "')'");
        g->loc = prev_end_loc(p, &(gp_loc_t){open->lineno, open->col_offset,
                                             0, 0});
        return g;
    }
    if (gp_p_peek(p)->kind == GP_TOK_RPAR) {
        gp_p_next(p);
        if (first->kind == GP_E_STARRED)
            gp_p_error_at(p, GP_EXC_SYNTAX, &first->loc,
                          "cannot use starred expression here");
        return first;
    }
    if (gp_p_peek(p)->kind != GP_TOK_COMMA)
        gp_p_forgot_comma(p, first);
    gp_p_list_t l;
    gp_p_list_init(&l);
    gp_p_list_push(p, &l, first);
    while (gp_p_accept(p, GP_TOK_COMMA)) {
        if (gp_p_peek(p)->kind == GP_TOK_RPAR)
            break;
        gp_p_list_push(p, &l, star_named_expression(p));
        if (gp_p_peek(p)->kind != GP_TOK_COMMA &&
            gp_p_peek(p)->kind != GP_TOK_RPAR)
            gp_p_forgot_comma(p, l.v[l.n - 1]);
    }
    gp_p_expect(p, GP_TOK_RPAR, "')'");
    return seq_node(p, GP_E_TUPLE, open, &l);
}

static gp_expr_t *list_atom(gp_parser_t *p, gp_token_t *open)
{
    gp_p_list_t l;
    gp_p_list_init(&l);
    if (gp_p_accept(p, GP_TOK_RSQB))
        return seq_node(p, GP_E_LIST, open, &l);
    gp_expr_t *first = star_named_expression(p);
    comp_elt_check(p, first);
    if (at_for(p)) {
        gp_expr_t *c = gp_p_expr_new(p, GP_E_LISTCOMP, first->loc);
        c->v.comp.elt = first;
        c->v.comp.generators = comprehension_for(p);
        gp_p_expect(p, GP_TOK_RSQB, "']'");
        c->loc = prev_end_loc(p, &(gp_loc_t){open->lineno, open->col_offset,
                                             0, 0});
        return c;
    }
    gp_p_list_push(p, &l, first);
    for (;;) {
        if (gp_p_peek(p)->kind == GP_TOK_RSQB)
            break;
        if (!gp_p_accept(p, GP_TOK_COMMA))
            gp_p_forgot_comma(p, l.v[l.n - 1]);
        if (gp_p_peek(p)->kind == GP_TOK_RSQB)
            break;
        gp_p_list_push(p, &l, star_named_expression(p));
    }
    gp_p_expect(p, GP_TOK_RSQB, "']'");
    return seq_node(p, GP_E_LIST, open, &l);
}

/* At the ':' after a dictionary key: a value must follow. */
static void dict_value_check(gp_parser_t *p)
{
    int k = gp_p_peek_at(p, 1)->kind;
    if (k == GP_TOK_RBRACE || k == GP_TOK_COMMA)
        gp_p_error_tok(p, gp_p_peek(p), "expression expected after "
                       "dictionary key and ':'");
}

static gp_expr_t *brace_atom(gp_parser_t *p, gp_token_t *open)
{
    gp_p_list_t keys, values;
    gp_p_list_init(&keys);
    gp_p_list_init(&values);
    if (gp_p_accept(p, GP_TOK_RBRACE)) {
        gp_expr_t *d = gp_p_expr_new(p, GP_E_DICT, prev_end_loc(p,
                       &(gp_loc_t){open->lineno, open->col_offset, 0, 0}));
        d->v.dict.keys = gp_p_list_seq(p, &keys);
        d->v.dict.values = gp_p_list_seq(p, &values);
        return d;
    }
    int is_dict;
    if (gp_p_peek(p)->kind == GP_TOK_DOUBLESTAR) {
        is_dict = 1;
    } else {
        gp_expr_t *first = star_named_expression(p);
        if (gp_p_peek(p)->kind == GP_TOK_COLON) {
            dict_value_check(p);
            gp_p_next(p);
            is_dict = 1;
            gp_expr_t *v = gp_p_expression(p);
            if (at_for(p)) {
                gp_expr_t *c = gp_p_expr_new(p, GP_E_DICTCOMP, first->loc);
                c->v.comp.key = first;
                c->v.comp.value = v;
                c->v.comp.generators = comprehension_for(p);
                gp_p_expect(p, GP_TOK_RBRACE, "'}'");
                c->loc = prev_end_loc(p, &(gp_loc_t){open->lineno,
                                      open->col_offset, 0, 0});
                return c;
            }
            gp_p_list_push(p, &keys, first);
            gp_p_list_push(p, &values, v);
        } else {
            is_dict = 0;
            comp_elt_check(p, first);
            if (at_for(p)) {
                gp_expr_t *c = gp_p_expr_new(p, GP_E_SETCOMP, first->loc);
                c->v.comp.elt = first;
                c->v.comp.generators = comprehension_for(p);
                gp_p_expect(p, GP_TOK_RBRACE, "'}'");
                c->loc = prev_end_loc(p, &(gp_loc_t){open->lineno,
                                      open->col_offset, 0, 0});
                return c;
            }
            gp_p_list_push(p, &keys, first);
        }
        if (gp_p_peek(p)->kind != GP_TOK_RBRACE &&
            !gp_p_accept(p, GP_TOK_COMMA))
            gp_p_forgot_comma(p, first);
    }
    while (gp_p_peek(p)->kind != GP_TOK_RBRACE) {
        if (is_dict) {
            gp_token_t *ds = gp_p_peek(p);
            if (gp_p_accept(p, GP_TOK_DOUBLESTAR)) {
                gp_p_list_push(p, &keys, NULL);
                gp_p_list_push(p, &values, gp_p_bitwise_or(p));
                if (at_for(p) && keys.n == 1) {
                    gp_loc_t dl = gp_p_loc_span(&(gp_loc_t){ds->lineno,
                        ds->col_offset, 0, 0},
                        &((gp_expr_t *)values.v[0])->loc);
                    gp_p_error_at(p, GP_EXC_SYNTAX, &dl, "dict unpacking "
                                  "cannot be used in dict comprehension");
                }
            } else {
                gp_expr_t *k = gp_p_expression(p);
                if (gp_p_peek(p)->kind != GP_TOK_COLON) {
                    /* offset of the key, end 0: CPython's own values */
                    gp_loc_t kl = {k->loc.lineno, k->loc.col_offset,
                                   k->loc.lineno, -2};
                    if (p->tokerr)
                        gp_p_syntax(p);
                    gp_p_error_at(p, GP_EXC_SYNTAX, &kl,
                                  "':' expected after dictionary key");
                }
                dict_value_check(p);
                gp_p_next(p);
                gp_p_list_push(p, &keys, k);
                gp_p_list_push(p, &values, gp_p_expression(p));
            }
        } else {
            gp_p_list_push(p, &keys, star_named_expression(p));
        }
        if (gp_p_peek(p)->kind == GP_TOK_RBRACE)
            break;
        if (!gp_p_accept(p, GP_TOK_COMMA))
            gp_p_syntax(p);
    }
    gp_p_expect(p, GP_TOK_RBRACE, "'}'");
    if (!is_dict)
        return seq_node(p, GP_E_SET, open, &keys);
    gp_expr_t *d = gp_p_expr_new(p, GP_E_DICT, prev_end_loc(p,
                   &(gp_loc_t){open->lineno, open->col_offset, 0, 0}));
    d->v.dict.keys = gp_p_list_seq(p, &keys);
    d->v.dict.values = gp_p_list_seq(p, &values);
    return d;
}

static gp_expr_t *atom(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    switch (t->kind) {
    case GP_TOK_NAME:
        if (gp_p_is_keyword(t)) {
            if (gp_p_is_kw(t, "None")) {
                gp_p_next(p);
                return const_new(p, GP_CONST_NONE, t);
            }
            if (gp_p_is_kw(t, "True")) {
                gp_p_next(p);
                return const_new(p, GP_CONST_TRUE, t);
            }
            if (gp_p_is_kw(t, "False")) {
                gp_p_next(p);
                return const_new(p, GP_CONST_FALSE, t);
            }
            gp_p_syntax(p);
        }
        gp_p_next(p);
        {
            gp_expr_t *e = gp_p_expr_new(p, GP_E_NAME, gp_p_loc_tok(t));
            e->v.name.id = gp_p_name(p, t);
            e->v.name.ctx = GP_LOAD;
            return e;
        }
    case GP_TOK_NUMBER:
        gp_p_next(p);
        return gp_p_number(p, t);
    case GP_TOK_STRING:
        return gp_p_strings(p);
    case GP_TOK_ELLIPSIS:
        gp_p_next(p);
        return const_new(p, GP_CONST_ELLIPSIS, t);
    case GP_TOK_LPAR: {
        gp_p_next(p);
        gp_p_enter(p);
        gp_expr_t *e = paren_atom(p, t);
        gp_p_leave(p);
        return e;
    }
    case GP_TOK_LSQB: {
        gp_p_next(p);
        gp_p_enter(p);
        gp_expr_t *e = list_atom(p, t);
        gp_p_leave(p);
        return e;
    }
    case GP_TOK_LBRACE: {
        gp_p_next(p);
        gp_p_enter(p);
        gp_expr_t *e = brace_atom(p, t);
        gp_p_leave(p);
        return e;
    }
    case GP_TOK_AWAIT:
        gp_p_error_tok(p, t, "'await' is not supported by gilpy");
    default:
        gp_p_syntax(p);
    }
}

/* ---- comprehensions ---------------------------------------------------- */

static gp_ast_seq_t *comprehension_for(gp_parser_t *p)
{
    gp_p_list_t gens;
    gp_p_list_init(&gens);
    while (at_for(p)) {
        gp_p_next(p);
        gp_comprehension_t *c = gp_p_alloc(p, sizeof *c);
        c->target = gp_p_star_targets(p);
        gp_p_expect_kw(p, "in");
        c->iter = disjunction(p);
        gp_p_list_t ifs;
        gp_p_list_init(&ifs);
        while (gp_p_accept_kw(p, "if"))
            gp_p_list_push(p, &ifs, disjunction(p));
        c->ifs = gp_p_list_seq(p, &ifs);
        gp_p_list_push(p, &gens, c);
    }
    return gp_p_list_seq(p, &gens);
}

/* ---- calls and subscripts ---------------------------------------------- */

/* CPython reports a misplaced positional argument after parsing all the
** arguments: at the token that ends them, the closing ')'. */
static _Noreturn void args_order_error(gp_parser_t *p, const char *msg)
{
    int depth = 0, i;
    for (i = p->pos; i < p->ntoks - 1; i++) {
        int k = p->toks[i].kind;
        if (k == GP_TOK_LPAR || k == GP_TOK_LSQB || k == GP_TOK_LBRACE)
            depth++;
        else if (k == GP_TOK_RPAR || k == GP_TOK_RSQB || k == GP_TOK_RBRACE) {
            if (depth-- == 0)
                break;
        }
    }
    if (p->tokerr && i >= p->ntoks - 1) {
        p->pos = i;
        gp_p_syntax(p);
    }
    gp_p_error_tok(p, &p->toks[i], "%s", msg);
}

/* Arguments after `(`, up to (not including) `)`.  Returns a generator
** expression node when the sole argument is one, so the caller can give
** it the call's parentheses. */
gp_expr_t *gp_p_call_args_into(gp_parser_t *p, gp_ast_seq_t **args,
                               gp_ast_seq_t **keywords)
{
    gp_p_list_t a, k;
    gp_p_list_init(&a);
    gp_p_list_init(&k);
    gp_expr_t *genexp = NULL;
    int seen_kw = 0, seen_kwunpack = 0;
    gp_expr_t *last = NULL;             /* the latest argument's value */
    while (gp_p_peek(p)->kind != GP_TOK_RPAR) {
        gp_token_t *t = gp_p_peek(p);
        if (t->kind == GP_TOK_DOUBLESTAR) {
            gp_p_next(p);
            gp_keyword_t *kw = gp_p_alloc(p, sizeof *kw);
            kw->value = last = gp_p_expression(p);
            kw->loc = prev_end_loc(p, &(gp_loc_t){t->lineno, t->col_offset,
                                                  0, 0});
            gp_p_list_push(p, &k, kw);
            seen_kwunpack = 1;
        } else if (t->kind == GP_TOK_STAR) {
            gp_p_next(p);
            gp_expr_t *v = gp_p_expression(p);
            gp_expr_t *s = gp_p_expr_new(p, GP_E_STARRED, prev_end_loc(p,
                           &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
            s->v.starred.value = v;
            s->v.starred.ctx = GP_LOAD;
            if (seen_kwunpack) {
                gp_keyword_t *unpack = k.v[k.n - 1];
                gp_p_error_at(p, GP_EXC_SYNTAX, &unpack->loc,
                              "iterable argument unpacking follows "
                              "keyword argument unpacking");
            }
            gp_p_list_push(p, &a, last = s);
        } else if (t->kind == GP_TOK_NAME && !gp_p_is_keyword(t) &&
                   gp_p_peek_at(p, 1)->kind == GP_TOK_EQUAL) {
            gp_p_next(p);
            gp_p_next(p);
            gp_keyword_t *kw = gp_p_alloc(p, sizeof *kw);
            kw->arg = gp_p_name(p, t);
            kw->value = last = gp_p_expression(p);
            kw->loc = prev_end_loc(p, &(gp_loc_t){t->lineno, t->col_offset,
                                                  0, 0});
            gp_p_list_push(p, &k, kw);
            seen_kw = 1;
        } else {
            gp_expr_t *e = named_expression(p, 0);
            if (gp_p_peek(p)->kind == GP_TOK_EQUAL) {
                /* the error spans the '=' too */
                gp_loc_t l = gp_p_loc_span(&e->loc,
                                           &(gp_loc_t){0, 0,
                                           gp_p_peek(p)->end_lineno,
                                           gp_p_peek(p)->end_col_offset});
                if (e->kind == GP_E_CONSTANT && (e->v.constant.kind ==
                    GP_CONST_TRUE || e->v.constant.kind == GP_CONST_FALSE ||
                    e->v.constant.kind == GP_CONST_NONE))
                    gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                                  "cannot assign to %s", expr_name(e));
                gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                              "expression cannot contain assignment, "
                              "perhaps you meant \"==\"?");
            }
            if (at_for(p)) {
                gp_expr_t *g = gp_p_expr_new(p, GP_E_GENERATOREXP, e->loc);
                g->v.comp.elt = e;
                g->v.comp.generators = comprehension_for(p);
                g->loc = prev_end_loc(p, &e->loc);
                if (a.n || k.n || gp_p_peek(p)->kind != GP_TOK_RPAR) {
                    if (gp_p_peek(p)->kind == GP_TOK_COMMA &&
                        gp_p_peek_at(p, 1)->kind == GP_TOK_RPAR && !a.n &&
                        !k.n) {
                        gp_p_next(p);
                    } else {
                        gp_p_error_at(p, GP_EXC_SYNTAX, &g->loc,
                                      "Generator expression must be "
                                      "parenthesized");
                    }
                }
                genexp = g;
                e = g;
            }
            if (seen_kwunpack || seen_kw)
                args_order_error(p, seen_kwunpack
                                 ? "positional argument follows keyword "
                                   "argument unpacking"
                                 : "positional argument follows keyword "
                                   "argument");
            gp_p_list_push(p, &a, last = e);
        }
        if (gp_p_peek(p)->kind == GP_TOK_RPAR)
            break;
        if (!gp_p_accept(p, GP_TOK_COMMA)) {
            if (last)
                gp_p_forgot_comma(p, last);
            gp_p_syntax(p);
        }
    }
    *args = gp_p_list_seq(p, &a);
    *keywords = gp_p_list_seq(p, &k);
    return genexp;
}

static gp_expr_t *slice_item(gp_parser_t *p)
{
    gp_token_t *start = gp_p_peek(p);
    gp_expr_t *lower = NULL;
    if (start->kind != GP_TOK_COLON) {
        lower = start->kind == GP_TOK_STAR ? star_named_expression(p)
                                           : gp_p_named_expression(p);
        if (gp_p_peek(p)->kind != GP_TOK_COLON)
            return lower;
    }
    gp_p_expect(p, GP_TOK_COLON, NULL);
    gp_expr_t *s = gp_p_expr_new(p, GP_E_SLICE, gp_p_loc_tok(start));
    s->v.slice.lower = lower;
    int k = gp_p_peek(p)->kind;
    if (k != GP_TOK_COLON && k != GP_TOK_COMMA && k != GP_TOK_RSQB)
        s->v.slice.upper = gp_p_expression(p);
    if (gp_p_accept(p, GP_TOK_COLON)) {
        k = gp_p_peek(p)->kind;
        if (k != GP_TOK_COMMA && k != GP_TOK_RSQB)
            s->v.slice.step = gp_p_expression(p);
    }
    s->loc = prev_end_loc(p, &s->loc);
    return s;
}

static gp_expr_t *subscript_slices(gp_parser_t *p)
{
    gp_token_t *start = gp_p_peek(p);
    gp_expr_t *first = slice_item(p);
    if (gp_p_peek(p)->kind != GP_TOK_COMMA)
        return first;
    gp_p_list_t l;
    gp_p_list_init(&l);
    gp_p_list_push(p, &l, first);
    while (gp_p_accept(p, GP_TOK_COMMA)) {
        if (gp_p_peek(p)->kind == GP_TOK_RSQB)
            break;
        gp_p_list_push(p, &l, slice_item(p));
    }
    gp_expr_t *t = gp_p_expr_new(p, GP_E_TUPLE, prev_end_loc(p,
                   &(gp_loc_t){start->lineno, start->col_offset, 0, 0}));
    t->v.seq.elts = gp_p_list_seq(p, &l);
    t->v.seq.ctx = GP_LOAD;
    return t;
}

static gp_expr_t *primary(gp_parser_t *p)
{
    gp_loc_t start = tok_start(p);
    gp_expr_t *e = atom(p);
    for (;;) {
        gp_token_t *t = gp_p_peek(p);
        if (t->kind == GP_TOK_DOT) {
            gp_p_next(p);
            gp_token_t *n = gp_p_expect(p, GP_TOK_NAME, NULL);
            if (gp_p_is_keyword(n))
                gp_p_syntax(p);
            gp_expr_t *a = gp_p_expr_new(p, GP_E_ATTRIBUTE,
                                         prev_end_loc(p, &start));
            a->v.attribute.value = e;
            a->v.attribute.attr = gp_p_name(p, n);
            a->v.attribute.ctx = GP_LOAD;
            e = a;
        } else if (t->kind == GP_TOK_LPAR) {
            gp_p_next(p);
            gp_p_enter(p);
            gp_expr_t *c = gp_p_expr_new(p, GP_E_CALL, e->loc);
            c->v.call.func = e;
            gp_expr_t *g = gp_p_call_args_into(p, &c->v.call.args,
                                               &c->v.call.keywords);
            gp_p_expect(p, GP_TOK_RPAR, "')'");
            gp_p_leave(p);
            if (g) {
                /* f(x for x in y): the generator takes the parentheses */
                g->loc.lineno = t->lineno;
                g->loc.col_offset = t->col_offset;
                g->loc.end_lineno = p->toks[p->pos - 1].end_lineno;
                g->loc.end_col_offset = p->toks[p->pos - 1].end_col_offset;
            }
            c->loc = prev_end_loc(p, &start);
            e = c;
        } else if (t->kind == GP_TOK_LSQB) {
            gp_p_next(p);
            gp_p_enter(p);
            gp_expr_t *s = gp_p_expr_new(p, GP_E_SUBSCRIPT, e->loc);
            s->v.subscript.value = e;
            s->v.subscript.slice = subscript_slices(p);
            s->v.subscript.ctx = GP_LOAD;
            gp_p_expect(p, GP_TOK_RSQB, "']'");
            gp_p_leave(p);
            s->loc = prev_end_loc(p, &start);
            e = s;
        } else {
            return e;
        }
    }
}

/* ---- operators --------------------------------------------------------- */

static gp_expr_t *factor(gp_parser_t *p);

static gp_expr_t *power(gp_parser_t *p)
{
    if (gp_p_peek(p)->kind == GP_TOK_AWAIT)
        gp_p_error_tok(p, gp_p_peek(p), "'await' is not supported by gilpy");
    gp_loc_t start = tok_start(p);
    gp_expr_t *e = primary(p);
    if (gp_p_accept(p, GP_TOK_DOUBLESTAR)) {
        gp_p_enter(p);                  /* 2**2**2...: right recursion */
        gp_expr_t *r = factor(p);
        gp_p_leave(p);
        gp_expr_t *b = gp_p_expr_new(p, GP_E_BINOP, prev_end_loc(p, &start));
        b->v.binop.left = e;
        b->v.binop.op = GP_POW;
        b->v.binop.right = r;
        return b;
    }
    return e;
}

static gp_expr_t *factor(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    int op = t->kind == GP_TOK_PLUS ? GP_UADD : t->kind == GP_TOK_MINUS
             ? GP_USUB : t->kind == GP_TOK_TILDE ? GP_INVERT : 0;
    if (!op)
        return power(p);
    gp_p_next(p);
    gp_p_enter(p);
    gp_expr_t *o = factor(p);
    gp_p_leave(p);
    gp_expr_t *u = gp_p_expr_new(p, GP_E_UNARYOP, prev_end_loc(p,
                   &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
    u->v.unaryop.op = op;
    u->v.unaryop.operand = o;
    return u;
}

static int binop_of(int kind, int level)
{
    switch (level) {
    case 0: return kind == GP_TOK_VBAR ? GP_BITOR : 0;
    case 1: return kind == GP_TOK_CIRCUMFLEX ? GP_BITXOR : 0;
    case 2: return kind == GP_TOK_AMPER ? GP_BITAND : 0;
    case 3: return kind == GP_TOK_LEFTSHIFT ? GP_LSHIFT
                 : kind == GP_TOK_RIGHTSHIFT ? GP_RSHIFT : 0;
    case 4: return kind == GP_TOK_PLUS ? GP_ADD
                 : kind == GP_TOK_MINUS ? GP_SUB : 0;
    default:
        switch (kind) {
        case GP_TOK_STAR: return GP_MULT;
        case GP_TOK_SLASH: return GP_DIV;
        case GP_TOK_DOUBLESLASH: return GP_FLOORDIV;
        case GP_TOK_PERCENT: return GP_MOD;
        case GP_TOK_AT: return GP_MATMULT;
        default: return 0;
        }
    }
}

static gp_expr_t *binary(gp_parser_t *p, int level)
{
    gp_loc_t start = tok_start(p);
    gp_expr_t *e = level == 5 ? factor(p) : binary(p, level + 1);
    int op;
    while ((op = binop_of(gp_p_peek(p)->kind, level))) {
        gp_p_next(p);
        gp_expr_t *r = level == 5 ? factor(p) : binary(p, level + 1);
        gp_expr_t *b = gp_p_expr_new(p, GP_E_BINOP, prev_end_loc(p, &start));
        b->v.binop.left = e;
        b->v.binop.op = op;
        b->v.binop.right = r;
        e = b;
    }
    return e;
}

gp_expr_t *gp_p_bitwise_or(gp_parser_t *p)
{
    return binary(p, 0);
}

/* The comparison operator at the current token (consumed), or 0. */
static int cmp_op(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    int op = 0;
    switch (t->kind) {
    case GP_TOK_EQEQUAL: op = GP_CMP_EQ; break;
    case GP_TOK_NOTEQUAL:
        if (t->len == 2 && t->start[0] == '<')
            gp_p_syntax(p);
        op = GP_CMP_NOTEQ;
        break;
    case GP_TOK_LESS: op = GP_CMP_LT; break;
    case GP_TOK_LESSEQUAL: op = GP_CMP_LTE; break;
    case GP_TOK_GREATER: op = GP_CMP_GT; break;
    case GP_TOK_GREATEREQUAL: op = GP_CMP_GTE; break;
    case GP_TOK_NAME:
        if (gp_p_is_kw(t, "in")) {
            op = GP_CMP_IN;
        } else if (gp_p_is_kw(t, "not") &&
                   gp_p_is_kw(gp_p_peek_at(p, 1), "in")) {
            gp_p_next(p);
            op = GP_CMP_NOTIN;
        } else if (gp_p_is_kw(t, "is")) {
            if (gp_p_is_kw(gp_p_peek_at(p, 1), "not")) {
                gp_p_next(p);
                op = GP_CMP_ISNOT;
            } else {
                op = GP_CMP_IS;
            }
        }
        break;
    default:
        break;
    }
    if (op)
        gp_p_next(p);
    return op;
}

static gp_expr_t *comparison(gp_parser_t *p)
{
    gp_loc_t start = tok_start(p);
    gp_expr_t *e = gp_p_bitwise_or(p);
    int op = cmp_op(p);
    if (!op)
        return e;
    int ops[64], n = 0, cap = 64;
    int *opv = ops;
    gp_p_list_t comps;
    gp_p_list_init(&comps);
    do {
        if (n == cap) {
            int *nv = gp_p_alloc(p, sizeof(int) * (size_t)cap * 2);
            memcpy(nv, opv, sizeof(int) * (size_t)n);
            opv = nv;
            cap *= 2;
        }
        opv[n++] = op;
        gp_p_list_push(p, &comps, gp_p_bitwise_or(p));
    } while ((op = cmp_op(p)));
    gp_expr_t *c = gp_p_expr_new(p, GP_E_COMPARE, prev_end_loc(p, &start));
    c->v.compare.left = e;
    c->v.compare.nops = n;
    c->v.compare.ops = gp_p_alloc(p, sizeof(gp_cmpop_t) * (size_t)n);
    for (int i = 0; i < n; i++)
        c->v.compare.ops[i] = opv[i];
    c->v.compare.comparators = gp_p_list_seq(p, &comps);
    return c;
}

static gp_expr_t *inversion(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    if (!gp_p_is_kw(t, "not"))
        return comparison(p);
    gp_p_next(p);
    gp_p_enter(p);
    gp_expr_t *o = inversion(p);
    gp_p_leave(p);
    gp_expr_t *u = gp_p_expr_new(p, GP_E_UNARYOP, prev_end_loc(p,
                   &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
    u->v.unaryop.op = GP_NOT;
    u->v.unaryop.operand = o;
    return u;
}

static gp_expr_t *boolop(gp_parser_t *p, int is_or)
{
    gp_loc_t start = tok_start(p);
    gp_expr_t *e = is_or ? boolop(p, 0) : inversion(p);
    const char *kw = is_or ? "or" : "and";
    if (!is_kw(p, kw))
        return e;
    gp_p_list_t l;
    gp_p_list_init(&l);
    gp_p_list_push(p, &l, e);
    while (gp_p_accept_kw(p, kw))
        gp_p_list_push(p, &l, is_or ? boolop(p, 0) : inversion(p));
    gp_expr_t *b = gp_p_expr_new(p, GP_E_BOOLOP, prev_end_loc(p, &start));
    b->v.boolop.op = is_or ? GP_OR : GP_AND;
    b->v.boolop.values = gp_p_list_seq(p, &l);
    return b;
}

static gp_expr_t *disjunction(gp_parser_t *p)
{
    return boolop(p, 1);
}

gp_expr_t *gp_p_expression(gp_parser_t *p)
{
    if (is_kw(p, "lambda"))
        return lambdef(p);
    gp_p_enter(p);
    gp_loc_t start = tok_start(p);
    gp_expr_t *e = disjunction(p);
    if (is_kw(p, "if")) {
        gp_p_next(p);
        gp_expr_t *test = disjunction(p);
        if (!gp_p_accept_kw(p, "else")) {
            gp_loc_t l = prev_end_loc(p, &e->loc);
            if (p->tokerr && gp_p_peek(p)->kind == GP_TOK_ENDMARKER)
                gp_p_syntax(p);
            gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                          "expected 'else' after 'if' expression");
        }
        gp_expr_t *orelse = gp_p_expression(p);
        gp_expr_t *c = gp_p_expr_new(p, GP_E_IFEXP, prev_end_loc(p, &start));
        c->v.ifexp.test = test;
        c->v.ifexp.body = e;
        c->v.ifexp.orelse = orelse;
        e = c;
    }
    gp_p_leave(p);
    return e;
}

gp_expr_t *gp_p_named_expression(gp_parser_t *p)
{
    return named_expression(p, 1);
}

/* check_eq: off in call arguments, where CPython's invalid_kwarg speaks
** first ("expression cannot contain assignment"). */
static gp_expr_t *named_expression(gp_parser_t *p, int check_eq)
{
    gp_token_t *t = gp_p_peek(p);
    if (t->kind == GP_TOK_NAME && !gp_p_is_keyword(t) &&
        gp_p_peek_at(p, 1)->kind == GP_TOK_COLONEQUAL) {
        gp_p_next(p);
        gp_p_next(p);
        gp_expr_t *target = gp_p_expr_new(p, GP_E_NAME, gp_p_loc_tok(t));
        target->v.name.id = gp_p_name(p, t);
        target->v.name.ctx = GP_STORE;
        gp_expr_t *v = gp_p_expression(p);
        gp_expr_t *n = gp_p_expr_new(p, GP_E_NAMEDEXPR,
                                     prev_end_loc(p, &target->loc));
        n->v.namedexpr.target = target;
        n->v.namedexpr.value = v;
        return n;
    }
    gp_expr_t *e = gp_p_expression(p);
    if (gp_p_peek(p)->kind == GP_TOK_COLONEQUAL)
        gp_p_error_at(p, GP_EXC_SYNTAX, &e->loc,
                      "cannot use assignment expressions with %s",
                      expr_name(e));
    if (check_eq)
        gp_p_check_named_eq(p, e, 0);
    return e;
}

static gp_expr_t *star_named_expression(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    if (t->kind != GP_TOK_STAR)
        return gp_p_named_expression(p);
    gp_p_next(p);
    gp_expr_t *v = gp_p_bitwise_or(p);
    gp_expr_t *s = gp_p_expr_new(p, GP_E_STARRED, prev_end_loc(p,
                   &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
    s->v.starred.value = v;
    s->v.starred.ctx = GP_LOAD;
    return s;
}

gp_expr_t *gp_p_star_expressions(gp_parser_t *p)
{
    gp_token_t *start = gp_p_peek(p);
    gp_expr_t *first;
    if (start->kind == GP_TOK_STAR) {
        gp_p_next(p);
        gp_expr_t *v = gp_p_bitwise_or(p);
        first = gp_p_expr_new(p, GP_E_STARRED, prev_end_loc(p,
                &(gp_loc_t){start->lineno, start->col_offset, 0, 0}));
        first->v.starred.value = v;
        first->v.starred.ctx = GP_LOAD;
    } else {
        first = gp_p_expression(p);
    }
    if (gp_p_peek(p)->kind != GP_TOK_COMMA) {
        /* a lone *a is CPython's grammar (the compiler rejects it), but
        ** an f-string field is parsed in parentheses */
        if (first->kind == GP_E_STARRED && p->in_fstring) {
            if (gp_p_starts_expr(p))    /* `(*a b)`: the comma comes first */
                gp_p_forgot_comma(p, first);
            gp_p_error_at(p, GP_EXC_SYNTAX, &first->loc,
                          "cannot use starred expression here");
        }
        return first;
    }
    gp_p_list_t l;
    gp_p_list_init(&l);
    gp_p_list_push(p, &l, first);
    while (gp_p_accept(p, GP_TOK_COMMA)) {
        if (!gp_p_starts_expr(p))
            break;
        gp_token_t *t = gp_p_peek(p);
        if (t->kind == GP_TOK_STAR) {
            gp_p_next(p);
            gp_expr_t *v = gp_p_bitwise_or(p);
            gp_expr_t *s = gp_p_expr_new(p, GP_E_STARRED, prev_end_loc(p,
                           &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
            s->v.starred.value = v;
            s->v.starred.ctx = GP_LOAD;
            gp_p_list_push(p, &l, s);
        } else {
            gp_p_list_push(p, &l, gp_p_expression(p));
        }
    }
    gp_expr_t *tup = gp_p_expr_new(p, GP_E_TUPLE, prev_end_loc(p,
                     &(gp_loc_t){start->lineno, start->col_offset, 0, 0}));
    tup->v.seq.elts = gp_p_list_seq(p, &l);
    tup->v.seq.ctx = GP_LOAD;
    return tup;
}

gp_expr_t *gp_p_yield_expr(gp_parser_t *p)
{
    gp_token_t *t = gp_p_next(p);       /* yield */
    if (gp_p_accept_kw(p, "from")) {
        gp_expr_t *v = gp_p_expression(p);
        gp_expr_t *y = gp_p_expr_new(p, GP_E_YIELDFROM, prev_end_loc(p,
                       &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
        y->v.yield.value = v;
        return y;
    }
    gp_expr_t *v = gp_p_starts_expr(p) ? gp_p_star_expressions(p) : NULL;
    gp_expr_t *y = gp_p_expr_new(p, GP_E_YIELD, prev_end_loc(p,
                   &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
    y->v.yield.value = v;
    return y;
}

/* ---- parameters --------------------------------------------------------- */

static gp_arg_t *param(gp_parser_t *p, int lambda)
{
    gp_token_t *n = gp_p_expect(p, GP_TOK_NAME, NULL);
    if (gp_p_is_keyword(n))
        gp_p_syntax(p);
    gp_arg_t *a = gp_p_alloc(p, sizeof *a);
    a->arg = gp_p_name(p, n);
    if (!lambda && gp_p_accept(p, GP_TOK_COLON)) {
        if (gp_p_peek(p)->kind == GP_TOK_STAR) {
            /* def f(*args: *Ts) is 3.11 syntax (PEP 646) */
            gp_p_syntax(p);
        }
        a->annotation = gp_p_expression(p);
    }
    a->loc = prev_end_loc(p, &(gp_loc_t){n->lineno, n->col_offset, 0, 0});
    return a;
}

gp_arguments_t *gp_p_parameters(gp_parser_t *p, int lambda, int close)
{
    gp_arguments_t *args = gp_p_alloc(p, sizeof *args);
    gp_p_list_t pos, kwonly, kwdefaults, defaults;
    gp_p_list_init(&pos);
    gp_p_list_init(&kwonly);
    gp_p_list_init(&kwdefaults);
    gp_p_list_init(&defaults);
    int nposonly = -1, star = 0;
    while (gp_p_peek(p)->kind != close) {
        gp_token_t *t = gp_p_peek(p);
        if (t->kind == GP_TOK_DOUBLESTAR) {
            gp_p_next(p);
            args->kwarg = param(p, lambda);
            if (gp_p_peek(p)->kind == GP_TOK_EQUAL)
                gp_p_error_tok(p, gp_p_peek(p),
                    "var-keyword argument cannot have default value");
            gp_p_accept(p, GP_TOK_COMMA);
            if (gp_p_peek(p)->kind != close)
                gp_p_error_tok(p, gp_p_peek(p),
                               "arguments cannot follow var-keyword "
                               "argument");
            break;
        }
        if (t->kind == GP_TOK_STAR) {
            if (star)
                gp_p_error_tok(p, t, "* argument may appear only once");
            gp_p_next(p);
            star = 1;
            if (gp_p_peek(p)->kind == GP_TOK_NAME) {
                args->vararg = param(p, lambda);
                if (gp_p_peek(p)->kind == GP_TOK_EQUAL)
                    gp_p_error_tok(p, gp_p_peek(p),
                        "var-positional argument cannot have default "
                        "value");
            } else {
                int k = gp_p_peek(p)->kind;
                if (k == close || (k == GP_TOK_COMMA &&
                    (gp_p_peek_at(p, 1)->kind == close ||
                     gp_p_peek_at(p, 1)->kind == GP_TOK_DOUBLESTAR)))
                    gp_p_error_tok(p, t, "named arguments must follow "
                                   "bare *");
            }
        } else if (t->kind == GP_TOK_SLASH) {
            if (nposonly >= 0)
                gp_p_error_tok(p, t, "/ may appear only once");
            if (star)
                gp_p_error_tok(p, t, "/ must be ahead of *");
            if (pos.n == 0)
                gp_p_error_tok(p, t, "at least one argument must precede /");
            gp_p_next(p);
            nposonly = pos.n;
        } else {
            gp_arg_t *a = param(p, lambda);
            gp_expr_t *dflt = NULL;
            if (gp_p_accept(p, GP_TOK_EQUAL))
                dflt = gp_p_expression(p);
            if (star) {
                gp_p_list_push(p, &kwonly, a);
                gp_p_list_push(p, &kwdefaults, dflt);
            } else {
                if (!dflt && defaults.n)
                    gp_p_error_at(p, GP_EXC_SYNTAX, &a->loc,
                                  "non-default argument follows default "
                                  "argument");
                gp_p_list_push(p, &pos, a);
                if (dflt)
                    gp_p_list_push(p, &defaults, dflt);
            }
        }
        if (gp_p_peek(p)->kind == close)
            break;
        if (!gp_p_accept(p, GP_TOK_COMMA)) {
            if (lambda && gp_p_peek(p)->kind == GP_TOK_LPAR)
                gp_p_syntax(p);
            gp_p_syntax(p);
        }
    }
    if (nposonly < 0)
        nposonly = 0;
    args->posonlyargs = gp_p_seq(p, pos.v, nposonly);
    args->args = gp_p_seq(p, pos.v + nposonly, pos.n - nposonly);
    args->kwonlyargs = gp_p_list_seq(p, &kwonly);
    args->kw_defaults = gp_p_list_seq(p, &kwdefaults);
    args->defaults = gp_p_list_seq(p, &defaults);
    return args;
}

static gp_expr_t *lambdef(gp_parser_t *p)
{
    gp_token_t *t = gp_p_next(p);
    gp_arguments_t *args = gp_p_parameters(p, 1, GP_TOK_COLON);
    gp_p_expect(p, GP_TOK_COLON, "':'");
    gp_p_enter(p);                      /* lambda: lambda: ... */
    gp_expr_t *body = gp_p_expression(p);
    gp_p_leave(p);
    gp_expr_t *l = gp_p_expr_new(p, GP_E_LAMBDA, prev_end_loc(p,
                   &(gp_loc_t){t->lineno, t->col_offset, 0, 0}));
    l->v.lambda.args = args;
    l->v.lambda.body = body;
    return l;
}
