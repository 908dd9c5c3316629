/*
** parser.c — gp_parse: the token stream to an AST (ast.h), by recursive
** descent over CPython 3.11's grammar.  This file holds the driver, the
** token helpers, the error machinery and the statements; expressions are
** in parser_expr.c, literals in parser_str.c.
**
** Error positions follow CPython's: a generic "invalid syntax" points at
** the furthest token the parser looked at (CPython's PEG parser reports
** the last token it fetched), an "expected 'x'" error at the end of the
** token before, and a tokenizer error anywhere in the source wins over a
** generic parser error (CPython tokenizes the rest of the file to check).
** No shared state: each call has its own parser and arena.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_int.h"

/* ---- tokens ------------------------------------------------------------ */

gp_token_t *gp_p_peek(gp_parser_t *p)
{
    return &p->toks[p->pos];
}

gp_token_t *gp_p_peek_at(gp_parser_t *p, int ahead)
{
    int i = p->pos + ahead;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}

gp_token_t *gp_p_next(gp_parser_t *p)
{
    gp_token_t *t = &p->toks[p->pos];
    if (p->pos < p->ntoks - 1)
        p->pos++;
    return t;
}

static int text_is(const gp_token_t *t, const char *s)
{
    size_t n = strlen(s);
    return t->len == n && memcmp(t->start, s, n) == 0;
}

int gp_p_is_kw(gp_token_t *t, const char *kw)
{
    return t->kind == GP_TOK_NAME && text_is(t, kw);
}

static const char *const hard_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", NULL
};

int gp_p_is_keyword(gp_token_t *t)
{
    if (t->kind == GP_TOK_ASYNC || t->kind == GP_TOK_AWAIT)
        return 1;
    if (t->kind != GP_TOK_NAME)
        return 0;
    for (int i = 0; hard_keywords[i]; i++)
        if (text_is(t, hard_keywords[i]))
            return 1;
    return 0;
}

int gp_p_accept(gp_parser_t *p, int kind)
{
    if (gp_p_peek(p)->kind != kind)
        return 0;
    gp_p_next(p);
    return 1;
}

int gp_p_accept_kw(gp_parser_t *p, const char *kw)
{
    if (!gp_p_is_kw(gp_p_peek(p), kw))
        return 0;
    gp_p_next(p);
    return 1;
}

/* Where CPython's NEWLINE token sits: from a comment before it, if the
** line has one, to the newline itself. */
static gp_loc_t newline_loc(gp_parser_t *p, gp_token_t *nl)
{
    gp_loc_t l = {nl->lineno, nl->col_offset, nl->lineno, nl->col_offset};
    if (p->pos > 0 && nl->start) {
        gp_token_t *prev = &p->toks[p->pos - 1];
        if (prev->end_lineno == nl->lineno) {
            const char *ls = nl->start - nl->col_offset;
            for (int c = prev->end_col_offset; c < nl->col_offset; c++)
                if (ls[c] == '#') {
                    l.col_offset = c;
                    break;
                }
        }
    }
    return l;
}

/* "expected 'x'": where CPython's grammar forces the token (`&&':'` after
** def, try, else, finally) the error spans the token found instead;
** elsewhere it is only raised at the end of the line (the invalid_*
** rules match a NEWLINE), anything else is plain "invalid syntax". */
static _Noreturn void expected_at(gp_parser_t *p, const char *what,
                                  int forced)
{
    gp_token_t *cur = gp_p_peek(p);
    if (p->tokerr && p->pos >= p->ntoks - 1)
        gp_p_syntax(p);
    if (what && cur->kind == GP_TOK_NEWLINE) {
        gp_loc_t l = newline_loc(p, cur);
        gp_p_error_at(p, GP_EXC_SYNTAX, &l, "expected %s", what);
    }
    if (what && forced && cur->kind != GP_TOK_DEDENT &&
        cur->kind != GP_TOK_INDENT && cur->kind != GP_TOK_ENDMARKER)
        gp_p_error_tok(p, cur, "expected %s", what);
    gp_p_syntax(p);
}

static _Noreturn void expected(gp_parser_t *p, const char *what)
{
    expected_at(p, what, 0);
}

gp_token_t *gp_p_expect_forced(gp_parser_t *p, int kind, const char *what)
{
    if (gp_p_peek(p)->kind != kind)
        expected_at(p, what, 1);
    return gp_p_next(p);
}

gp_token_t *gp_p_expect(gp_parser_t *p, int kind, const char *what)
{
    if (gp_p_peek(p)->kind != kind)
        expected(p, what);
    return gp_p_next(p);
}

void gp_p_expect_kw(gp_parser_t *p, const char *kw)
{
    if (!gp_p_accept_kw(p, kw)) {
        char buf[32];
        snprintf(buf, sizeof buf, "'%s'", kw);
        expected(p, buf);
    }
}

char *gp_p_name(gp_parser_t *p, gp_token_t *t)
{
    char *s = gp_arena_strdup(p->a, t->start, t->len);
    if (!s)
        longjmp(p->jb, 2);
    return s;
}

/* ---- errors ------------------------------------------------------------ */

/* The source line a token sits on, with its '\n' (added if missing). */
static const char *line_text(gp_parser_t *p, const char *line_start)
{
    const char *e = strchr(line_start, '\n');
    size_t n = e ? (size_t)(e - line_start) : strlen(line_start);
    char *s = gp_arena_alloc(p->a, n + 2);
    if (!s)
        longjmp(p->jb, 2);
    memcpy(s, line_start, n);
    /* exec sources get a final newline, as compile() adds one; eval's
    ** text stays as given */
    int last = !e || e[1] == 0;
    if (!p->eval_mode || (e && !(last && !p->final_nl)))
        s[n] = '\n';
    return s;
}

/* The start of line `lineno` in the tokenizer's copy of the source: found
** from any token on or after that line. */
static const char *find_line(gp_parser_t *p, int lineno)
{
    for (int i = 0; i < p->ntoks; i++) {
        gp_token_t *t = &p->toks[i];
        if (t->lineno == lineno && t->start)
            return t->start - t->col_offset;
        if (t->end_lineno >= lineno && t->lineno < lineno && t->start) {
            const char *s = t->start;
            for (int l = t->lineno; l < lineno; l++) {
                s = strchr(s, '\n');
                if (!s)
                    return NULL;
                s++;
            }
            return s;
        }
    }
    return NULL;
}

/* A column within its line (the line's end at most), as a byte count. */
static size_t clamp_col(const char *ls, int col)
{
    size_t i = 0;
    while (i < (size_t)col && ls[i] && ls[i] != '\n')
        i++;
    return i;
}

/* An error inside an f-string field: CPython 3.11 parses "(field)" on
** its own and reports the error against that text, on the real line, at
** columns less the field's start column on every line (so a field that
** spans lines gives offsets below zero on its later lines). */
static void fstring_error_pos(gp_parser_t *p, gp_tok_error_t *e,
                              const gp_loc_t *loc)
{
    const char *ls = p->fs_buf;
    for (int l = loc->lineno - p->fs_line; l > 1 && ls; l--) {
        ls = strchr(ls, '\n');
        if (ls)
            ls++;
    }
    if (!ls)
        ls = p->fs_buf;
    size_t n = strcspn(ls, "\n");
    char *text = gp_arena_alloc(p->a, n + 2);
    if (!text)
        longjmp(p->jb, 2);
    memcpy(text, ls, n);
    text[n] = ls[n] ? 0 : '\n';       /* as 3.11: only the last line's */
    text[n + 1] = 0;
    int c = loc->col_offset - p->fs_col;
    int ec = loc->end_col_offset - p->fs_col;
    e->lineno = loc->lineno;
    e->end_lineno = loc->end_lineno;
    e->offset = c >= 0 ? gp_utf8_count(text, clamp_col(text, c)) + 1 : c + 1;
    e->end_offset = loc->end_col_offset < 0 ? -1
                  : ec >= 0 && loc->end_lineno == loc->lineno
                  ? gp_utf8_count(text, clamp_col(text, ec)) + 1 : ec + 1;
    e->text = text;
}

void gp_p_error_at_v(gp_parser_t *p, gp_exc_kind_t kind, const gp_loc_t *loc,
                     const char *fmt, va_list ap);

_Noreturn void gp_p_error_at(gp_parser_t *p, gp_exc_kind_t kind,
                             const gp_loc_t *loc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gp_tok_error_t *e = p->err;
    e->type = kind;
    e->type_name = kind == GP_EXC_INDENTATION ? "IndentationError"
                 : kind == GP_EXC_TAB ? "TabError" : "SyntaxError";
    e->msg = gp_arena_strdup(p->a, msg, strlen(msg));
    if (p->fs_buf) {
        fstring_error_pos(p, e, loc);
        longjmp(p->jb, 1);
    }
    int line = loc->lineno + p->line_base;
    int end_line = loc->end_lineno + p->line_base;
    gp_parser_t *root = p;
    while (root->parent)
        root = root->parent;
    const char *ls = find_line(root, loc->lineno);
    const char *le = loc->end_lineno == loc->lineno ? ls
                     : find_line(root, loc->end_lineno);
    int col = loc->col_offset + (loc->lineno == 1 ? p->col_base : 0);
    int end_col = loc->end_col_offset +
                  (loc->end_lineno == 1 ? p->col_base : 0);
    e->lineno = line;
    e->end_lineno = end_line;
    if (loc->col_offset < 0) {
        e->offset = 0;
        e->text = ls ? line_text(root, ls) : NULL;
    } else if (ls) {
        e->offset = gp_utf8_count(ls, clamp_col(ls, loc->col_offset)) + 1;
        e->text = line_text(root, ls);
    } else {
        e->offset = col + 1;
        e->text = NULL;
    }
    if (loc->end_col_offset == -2)      /* CPython's "no end" of some rules */
        e->end_offset = 0;
    else if (loc->end_col_offset < 0)
        e->end_offset = -1;
    else if (le)
        e->end_offset = gp_utf8_count(le, clamp_col(le, loc->end_col_offset))
                        + 1;
    else
        e->end_offset = end_col + 1;
    longjmp(p->jb, 1);
}

_Noreturn void gp_p_error_tok(gp_parser_t *p, gp_token_t *t,
                              const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gp_loc_t l = gp_p_loc_tok(t);
    if (t->kind == GP_TOK_NEWLINE || t->kind == GP_TOK_ENDMARKER) {
        l.end_lineno = l.lineno;
        l.end_col_offset = l.col_offset;
    }
    gp_p_error_at(p, GP_EXC_SYNTAX, &l, "%s", msg);
}

/* The tokenizer's "'(' was never closed" is no error of its own.  CPython
** raises it when its parser fetches the end of the input, or when the
** parser's own error lies on a later line than the unclosed bracket (it
** tokenizes the rest of the source to check).  Its second, error-hunting
** pass reads on past most failing tokens (an expression where a comma is
** missing, `name = value` in an expression), usually to the end; it
** cannot read past a token that starts no expression (`def f(:`), unless
** that token is the `=` of `name =`.  So that case alone, on the
** bracket's line or before, keeps the parser's generic error. */
static int unclosed_is_later(gp_parser_t *p)
{
    size_t ml = strlen(p->tokerr->msg);
    if (ml <= 16 || strcmp(p->tokerr->msg + ml - 16, "was never closed") ||
        p->pos >= p->ntoks - 1 || gp_p_peek(p)->lineno > p->tokerr->lineno ||
        gp_p_starts_expr(p))
        return 0;
    return !(gp_p_peek(p)->kind == GP_TOK_EQUAL && p->pos > 0 &&
             p->toks[p->pos - 1].kind == GP_TOK_NAME);
}

_Noreturn void gp_p_syntax(gp_parser_t *p)
{
    if (p->tokerr && !unclosed_is_later(p)) {
        *p->err = *p->tokerr;
        /* compile() sees the source with a final newline */
        const char *tx = p->err->text;
        size_t n = tx ? strlen(tx) : 0;
        size_t ml = strlen(p->err->msg);
        if (tx && ml > 16 && strcmp(p->err->msg + ml - 16,
                                    "was never closed") == 0 &&
            (n == 0 || tx[n - 1] != '\n')) {
            char *t2 = gp_arena_alloc(p->a, n + 2);
            if (t2) {
                memcpy(t2, tx, n);
                t2[n] = '\n';
                p->err->text = t2;
            }
        }
        longjmp(p->jb, 1);
    }
    gp_token_t *t = gp_p_peek(p);
    if (t->kind == GP_TOK_INDENT) {
        gp_loc_t l = {t->lineno, t->end_col_offset, t->lineno, -1};
        const char *ls = t->start - t->col_offset;
        /* offset: the width of the indentation, in characters */
        l.col_offset = t->end_col_offset - 1;
        (void)ls;
        gp_p_error_at(p, GP_EXC_INDENTATION, &l, "unexpected indent");
    }
    if (t->kind == GP_TOK_DEDENT) {
        /* CPython's generic error on a DEDENT is "unexpected unindent" */
        gp_loc_t l = gp_p_dedent_loc(p);
        gp_p_error_at(p, GP_EXC_INDENTATION, &l, "unexpected unindent");
    }
    if (t->kind == GP_TOK_OP && t->len == 1 && t->start[0] == '!')
        gp_p_error_tok(p, t, "invalid syntax");
    gp_p_error_tok(p, t, "invalid syntax");
}

/* CPython's DEDENT and ENDMARKER tokens have no column: an error there
** points at column 0 of the line of the dedent (offset 0), or at EOF past
** the end of the last line, with no end. */
gp_loc_t gp_p_dedent_loc(gp_parser_t *p)
{
    int i = p->pos;
    gp_token_t *t = &p->toks[i];
    if (t->kind == GP_TOK_DEDENT) {
        while (i < p->ntoks - 1 && p->toks[i].kind == GP_TOK_DEDENT)
            i++;
        if (p->toks[i].kind != GP_TOK_ENDMARKER) {
            gp_loc_t l = {p->toks[i].lineno, -1, p->toks[i].lineno, -1};
            return l;
        }
    }
    /* at the end: after the last NEWLINE */
    for (i = p->pos; i > 0 && p->toks[i].kind != GP_TOK_NEWLINE; i--)
        ;
    gp_token_t *nl = &p->toks[i];
    gp_loc_t l = {nl->lineno, nl->col_offset, nl->lineno, -1};
    if (nl->kind != GP_TOK_NEWLINE) {
        l.lineno = l.end_lineno = t->lineno;
        l.col_offset = t->col_offset;
    }
    return l;
}

void gp_p_enter(gp_parser_t *p)
{
    if (++p->depth > GP_PARSE_MAX_DEPTH) {
        gp_token_t *t = gp_p_peek(p);
        gp_p_error_tok(p, t, "too many nested parentheses");
    }
}

void gp_p_leave(gp_parser_t *p)
{
    p->depth--;
}

/* ---- nodes ------------------------------------------------------------- */

void *gp_p_alloc(gp_parser_t *p, size_t n)
{
    void *x = gp_arena_alloc(p->a, n);
    if (!x)
        longjmp(p->jb, 2);
    return x;
}

gp_ast_seq_t *gp_p_seq(gp_parser_t *p, void **items, int n)
{
    gp_ast_seq_t *s = gp_ast_seq_new(p->a, n);
    if (!s)
        longjmp(p->jb, 2);
    for (int i = 0; i < n; i++)
        s->items[i] = items[i];
    return s;
}

void gp_p_list_init(gp_p_list_t *l)
{
    l->v = l->stack_buf;
    l->n = 0;
    l->cap = 8;
}

void gp_p_list_push(gp_parser_t *p, gp_p_list_t *l, void *x)
{
    if (l->n == l->cap) {
        /* Grown lists move to the arena: nothing to free on a longjmp. */
        void **nv = gp_p_alloc(p, sizeof(void *) * (size_t)l->cap * 2);
        memcpy(nv, l->v, sizeof(void *) * (size_t)l->n);
        l->v = nv;
        l->cap *= 2;
    }
    l->v[l->n++] = x;
}

gp_ast_seq_t *gp_p_list_seq(gp_parser_t *p, gp_p_list_t *l)
{
    return gp_p_seq(p, l->v, l->n);
}

gp_loc_t gp_p_loc_tok(gp_token_t *t)
{
    gp_loc_t l = {t->lineno, t->col_offset, t->end_lineno, t->end_col_offset};
    return l;
}

gp_loc_t gp_p_loc_span(const gp_loc_t *a, const gp_loc_t *b)
{
    gp_loc_t l = {a->lineno, a->col_offset, b->end_lineno, b->end_col_offset};
    return l;
}

gp_expr_t *gp_p_expr_new(gp_parser_t *p, gp_expr_kind_t k, gp_loc_t loc)
{
    gp_expr_t *e = gp_p_alloc(p, sizeof *e);
    e->kind = k;
    e->loc = loc;
    return e;
}

static gp_stmt_t *stmt_new(gp_parser_t *p, gp_stmt_kind_t k, gp_loc_t loc)
{
    gp_stmt_t *s = gp_p_alloc(p, sizeof *s);
    s->kind = k;
    s->loc = loc;
    return s;
}

/* The location from token `start` to the token before the current one. */
static gp_loc_t loc_from(gp_parser_t *p, gp_token_t *start)
{
    gp_token_t *last = &p->toks[p->pos > 0 ? p->pos - 1 : 0];
    gp_loc_t l = {start->lineno, start->col_offset, last->end_lineno,
                  last->end_col_offset};
    return l;
}

static gp_loc_t loc_to_end(gp_token_t *start, gp_ast_seq_t *body)
{
    gp_stmt_t *last = body->items[body->n - 1];
    gp_loc_t l = {start->lineno, start->col_offset, last->loc.end_lineno,
                  last->loc.end_col_offset};
    return l;
}

/* ---- statements -------------------------------------------------------- */

static gp_ast_seq_t *statements_until(gp_parser_t *p, int end_kind);
static void statement(gp_parser_t *p, gp_p_list_t *out);

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.  what: the
** header for "expected an indented block after 'if' statement on line
** N"; header: its line. */
static gp_ast_seq_t *block(gp_parser_t *p, const char *what, int header)
{
    int forced = strcmp(what, "function definition") == 0 ||
                 strcmp(what, "'try' statement") == 0 ||
                 strcmp(what, "'else' statement") == 0 ||
                 strcmp(what, "'finally' statement") == 0;
    if (forced)
        gp_p_expect_forced(p, GP_TOK_COLON, "':'");
    else
        gp_p_expect(p, GP_TOK_COLON, "':'");
    if (gp_p_peek(p)->kind != GP_TOK_NEWLINE) {
        gp_p_list_t l;
        gp_p_list_init(&l);
        statement(p, &l);
        return gp_p_list_seq(p, &l);
    }
    gp_token_t *nl = gp_p_next(p);
    if (gp_p_peek(p)->kind != GP_TOK_INDENT) {
        if (p->tokerr && gp_p_peek(p)->kind == GP_TOK_ENDMARKER)
            gp_p_syntax(p);
        gp_token_t *t = gp_p_peek(p);
        gp_loc_t l;
        if (t->kind == GP_TOK_ENDMARKER) {
            l = (gp_loc_t){nl->lineno, nl->col_offset, nl->lineno, -1};
        } else {
            while (t->kind == GP_TOK_DEDENT && t < p->toks + p->ntoks - 1)
                t++;
            l = gp_p_loc_tok(t);
        }
        gp_p_error_at(p, GP_EXC_INDENTATION, &l,
                      "expected an indented block after %s on line %d", what,
                      header + p->line_base);
    }
    gp_p_next(p);
    p->depth++;
    if (p->depth > GP_PARSE_MAX_DEPTH)
        gp_p_error_tok(p, gp_p_peek(p), "too many statically nested blocks");
    gp_ast_seq_t *body = statements_until(p, GP_TOK_DEDENT);
    p->depth--;
    gp_p_expect(p, GP_TOK_DEDENT, NULL);
    return body;
}

static gp_ast_seq_t *block_kw(gp_parser_t *p, const char *kw, int line)
{
    char what[40];
    snprintf(what, sizeof what, "'%s' statement", kw);
    return block(p, what, line);
}

static gp_expr_t *dotted_name(gp_parser_t *p, const char **out)
{
    gp_token_t *t = gp_p_expect(p, GP_TOK_NAME, NULL);
    if (gp_p_is_keyword(t))
        gp_p_syntax(p);
    size_t cap = 64, n = 0;
    char *buf = gp_p_alloc(p, cap);
    for (;;) {
        if (n + t->len + 2 > cap) {
            char *nb = gp_p_alloc(p, cap = (n + t->len + 2) * 2);
            memcpy(nb, buf, n);
            buf = nb;
        }
        memcpy(buf + n, t->start, t->len);
        n += t->len;
        if (gp_p_peek(p)->kind != GP_TOK_DOT)
            break;
        gp_p_next(p);
        buf[n++] = '.';
        t = gp_p_expect(p, GP_TOK_NAME, NULL);
        if (gp_p_is_keyword(t))
            gp_p_syntax(p);
    }
    buf[n] = 0;
    *out = buf;
    return NULL;
}

static gp_alias_t *alias(gp_parser_t *p, int dotted)
{
    gp_alias_t *a = gp_p_alloc(p, sizeof *a);
    gp_token_t *start = gp_p_peek(p);
    if (dotted) {
        dotted_name(p, &a->name);
    } else {
        gp_token_t *t = gp_p_expect(p, GP_TOK_NAME, NULL);
        if (gp_p_is_keyword(t))
            gp_p_syntax(p);
        a->name = gp_p_name(p, t);
    }
    if (gp_p_accept_kw(p, "as")) {
        gp_token_t *t = gp_p_expect(p, GP_TOK_NAME, NULL);
        if (gp_p_is_keyword(t))
            gp_p_syntax(p);
        a->asname = gp_p_name(p, t);
    }
    a->loc = loc_from(p, start);
    return a;
}

static gp_stmt_t *import_stmt(gp_parser_t *p)
{
    gp_token_t *start = gp_p_next(p);
    gp_p_list_t l;
    gp_p_list_init(&l);
    do
        gp_p_list_push(p, &l, alias(p, 1));
    while (gp_p_accept(p, GP_TOK_COMMA));
    gp_stmt_t *s = stmt_new(p, GP_S_IMPORT, loc_from(p, start));
    s->v.import.names = gp_p_list_seq(p, &l);
    return s;
}

static gp_stmt_t *from_stmt(gp_parser_t *p)
{
    gp_token_t *start = gp_p_next(p);
    int level = 0;
    for (;;) {
        if (gp_p_accept(p, GP_TOK_DOT))
            level++;
        else if (gp_p_accept(p, GP_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (!gp_p_is_kw(gp_p_peek(p), "import") || level == 0)
        dotted_name(p, &module);
    gp_p_expect_kw(p, "import");
    gp_p_list_t l;
    gp_p_list_init(&l);
    if (gp_p_peek(p)->kind == GP_TOK_STAR) {
        gp_token_t *t = gp_p_next(p);
        gp_alias_t *a = gp_p_alloc(p, sizeof *a);
        a->name = "*";
        a->loc = gp_p_loc_tok(t);
        gp_p_list_push(p, &l, a);
    } else if (gp_p_accept(p, GP_TOK_LPAR)) {
        do {
            if (gp_p_peek(p)->kind == GP_TOK_RPAR && l.n)
                break;
            gp_p_list_push(p, &l, alias(p, 0));
        } while (gp_p_accept(p, GP_TOK_COMMA));
        gp_p_expect(p, GP_TOK_RPAR, "')'");
    } else {
        do {
            if (l.n && gp_p_peek(p)->kind == GP_TOK_NEWLINE)
                gp_p_error_tok(p, gp_p_peek(p), "trailing comma not allowed "
                               "without surrounding parentheses");
            gp_p_list_push(p, &l, alias(p, 0));
        } while (gp_p_accept(p, GP_TOK_COMMA));
        if (gp_p_peek(p)->kind == GP_TOK_COMMA)
            gp_p_syntax(p);
    }
    gp_stmt_t *s = stmt_new(p, GP_S_IMPORTFROM, loc_from(p, start));
    s->v.importfrom.module = module;
    s->v.importfrom.names = gp_p_list_seq(p, &l);
    s->v.importfrom.level = level;
    return s;
}

static gp_stmt_t *names_stmt(gp_parser_t *p, gp_stmt_kind_t k)
{
    gp_token_t *start = gp_p_next(p);
    gp_p_list_t l;
    gp_p_list_init(&l);
    do {
        gp_token_t *t = gp_p_expect(p, GP_TOK_NAME, NULL);
        if (gp_p_is_keyword(t))
            gp_p_syntax(p);
        gp_p_list_push(p, &l, gp_p_name(p, t));
    } while (gp_p_accept(p, GP_TOK_COMMA));
    gp_stmt_t *s = stmt_new(p, k, loc_from(p, start));
    s->v.global.names = gp_p_list_seq(p, &l);
    return s;
}

static int at_stmt_end(gp_parser_t *p)
{
    int k = gp_p_peek(p)->kind;
    return k == GP_TOK_NEWLINE || k == GP_TOK_SEMI || k == GP_TOK_ENDMARKER;
}

static gp_stmt_t *del_stmt(gp_parser_t *p)
{
    gp_token_t *start = gp_p_next(p);
    gp_p_list_t l;
    gp_p_list_init(&l);
    do {
        if (at_stmt_end(p) && l.n)
            break;
        gp_token_t *st = gp_p_peek(p);
        if (st->kind == GP_TOK_STAR) {
            gp_p_next(p);
            gp_expr_t *v = gp_p_bitwise_or(p);
            gp_loc_t sl = gp_p_loc_span(&(gp_loc_t){st->lineno,
                                        st->col_offset, 0, 0}, &v->loc);
            gp_p_error_at(p, GP_EXC_SYNTAX, &sl, "cannot delete starred");
        }
        gp_expr_t *e = gp_p_bitwise_or(p);
        gp_p_set_ctx(p, e, GP_DEL, 0);
        gp_p_list_push(p, &l, e);
    } while (gp_p_accept(p, GP_TOK_COMMA));
    gp_stmt_t *s = stmt_new(p, GP_S_DELETE, loc_from(p, start));
    s->v.del.targets = gp_p_list_seq(p, &l);
    return s;
}

static int augop(int kind)
{
    switch (kind) {
    case GP_TOK_PLUSEQUAL: return GP_ADD;
    case GP_TOK_MINEQUAL: return GP_SUB;
    case GP_TOK_STAREQUAL: return GP_MULT;
    case GP_TOK_ATEQUAL: return GP_MATMULT;
    case GP_TOK_SLASHEQUAL: return GP_DIV;
    case GP_TOK_PERCENTEQUAL: return GP_MOD;
    case GP_TOK_DOUBLESTAREQUAL: return GP_POW;
    case GP_TOK_LEFTSHIFTEQUAL: return GP_LSHIFT;
    case GP_TOK_RIGHTSHIFTEQUAL: return GP_RSHIFT;
    case GP_TOK_VBAREQUAL: return GP_BITOR;
    case GP_TOK_CIRCUMFLEXEQUAL: return GP_BITXOR;
    case GP_TOK_AMPEREQUAL: return GP_BITAND;
    case GP_TOK_DOUBLESLASHEQUAL: return GP_FLOORDIV;
    default: return 0;
    }
}

/* The right-hand side of an assignment: yield or star_expressions. */
static gp_expr_t *assign_value(gp_parser_t *p)
{
    if (gp_p_is_kw(gp_p_peek(p), "yield"))
        return gp_p_yield_expr(p);
    return gp_p_star_expressions(p);
}

static gp_stmt_t *expr_stmt(gp_parser_t *p)
{
    gp_token_t *start = gp_p_peek(p);
    gp_expr_t *first = assign_value(p);
    gp_token_t *t = gp_p_peek(p);
    if (t->kind == GP_TOK_EQUAL) {
        gp_p_list_t targets;
        gp_p_list_init(&targets);
        gp_expr_t *value = first;
        if (!gp_p_valid_target(first)) {
            /* CPython tries the first target as a named expression */
            gp_expr_t *x = first;
            if (x->kind == GP_E_TUPLE && GP_SEQ_LEN(x->v.seq.elts) &&
                !gp_p_parenthesized(p, GP_SEQ_GET(x->v.seq.elts, 0)))
                x = GP_SEQ_GET(x->v.seq.elts, GP_SEQ_LEN(x->v.seq.elts) - 1);
            gp_p_check_named_eq(p, x, 1);
        }
        while (gp_p_accept(p, GP_TOK_EQUAL)) {
            if ((value->kind == GP_E_YIELD || value->kind == GP_E_YIELDFROM)
                && !gp_p_parenthesized(p, value))
                gp_p_error_at(p, GP_EXC_SYNTAX, &value->loc,
                              "assignment to yield expression not possible");
            gp_p_set_ctx(p, value, GP_STORE, 0);
            gp_p_list_push(p, &targets, value);
            value = assign_value(p);
        }
        gp_stmt_t *s = stmt_new(p, GP_S_ASSIGN, loc_from(p, start));
        s->v.assign.targets = gp_p_list_seq(p, &targets);
        s->v.assign.value = value;
        return s;
    }
    int op = augop(t->kind);
    if (op) {
        gp_p_set_ctx(p, first, GP_STORE, 1);
        gp_p_next(p);
        gp_stmt_t *s = stmt_new(p, GP_S_AUGASSIGN, first->loc);
        s->v.augassign.target = first;
        s->v.augassign.op = op;
        s->v.augassign.value = assign_value(p);
        s->loc = loc_from(p, start);
        return s;
    }
    if (t->kind == GP_TOK_COLON) {
        /* annotated assignment: a single target */
        int simple = first->kind == GP_E_NAME && start->kind == GP_TOK_NAME;
        if (first->kind == GP_E_TUPLE) {
            /* unparenthesized: CPython points at the first element */
            gp_expr_t *f0 = GP_SEQ_LEN(first->v.seq.elts) ?
                            GP_SEQ_GET(first->v.seq.elts, 0) : first;
            if (first->loc.col_offset != f0->loc.col_offset ||
                first->loc.lineno != f0->loc.lineno)
                f0 = first;
            gp_p_error_at(p, GP_EXC_SYNTAX, &f0->loc,
                          "only single target (not tuple) can be annotated");
        }
        if (first->kind == GP_E_LIST)
            gp_p_error_at(p, GP_EXC_SYNTAX, &first->loc,
                          "only single target (not list) can be annotated");
        if (first->kind != GP_E_NAME && first->kind != GP_E_ATTRIBUTE &&
            first->kind != GP_E_SUBSCRIPT)
            gp_p_error_at(p, GP_EXC_SYNTAX, &first->loc,
                          "illegal target for annotation");
        gp_p_set_ctx(p, first, GP_STORE, 0);
        gp_p_next(p);
        gp_expr_t *ann = gp_p_expression(p);
        gp_expr_t *value = NULL;
        if (gp_p_accept(p, GP_TOK_EQUAL))
            value = assign_value(p);
        gp_stmt_t *s = stmt_new(p, GP_S_ANNASSIGN, loc_from(p, start));
        s->v.annassign.target = first;
        s->v.annassign.annotation = ann;
        s->v.annassign.value = value;
        s->v.annassign.simple = simple;
        return s;
    }
    gp_stmt_t *s = stmt_new(p, GP_S_EXPR, loc_from(p, start));
    s->v.expr.value = first;
    return s;
}

static gp_stmt_t *simple_stmt(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    if (t->kind == GP_TOK_NAME) {
        if (text_is(t, "pass") || text_is(t, "break") ||
            text_is(t, "continue")) {
            gp_p_next(p);
            return stmt_new(p, text_is(t, "pass") ? GP_S_PASS
                            : text_is(t, "break") ? GP_S_BREAK
                            : GP_S_CONTINUE, gp_p_loc_tok(t));
        }
        if (text_is(t, "return")) {
            gp_p_next(p);
            gp_expr_t *v = at_stmt_end(p) ? NULL : gp_p_star_expressions(p);
            gp_stmt_t *s = stmt_new(p, GP_S_RETURN, loc_from(p, t));
            s->v.ret.value = v;
            return s;
        }
        if (text_is(t, "raise")) {
            gp_p_next(p);
            gp_stmt_t *s = stmt_new(p, GP_S_RAISE, gp_p_loc_tok(t));
            if (!at_stmt_end(p)) {
                s->v.raise.exc = gp_p_expression(p);
                if (gp_p_accept_kw(p, "from"))
                    s->v.raise.cause = gp_p_expression(p);
            }
            s->loc = loc_from(p, t);
            return s;
        }
        if (text_is(t, "global"))
            return names_stmt(p, GP_S_GLOBAL);
        if (text_is(t, "nonlocal"))
            return names_stmt(p, GP_S_NONLOCAL);
        if (text_is(t, "del"))
            return del_stmt(p);
        if (text_is(t, "import"))
            return import_stmt(p);
        if (text_is(t, "from"))
            return from_stmt(p);
        if (text_is(t, "assert")) {
            gp_p_next(p);
            gp_stmt_t *s = stmt_new(p, GP_S_ASSERT, gp_p_loc_tok(t));
            s->v.assertstmt.test = gp_p_expression(p);
            if (gp_p_accept(p, GP_TOK_COMMA))
                s->v.assertstmt.msg = gp_p_expression(p);
            s->loc = loc_from(p, t);
            return s;
        }
    }
    return expr_stmt(p);
}

/* The expression a simple statement ended with, for `print x`. */
static gp_expr_t *last_expr(gp_stmt_t *s)
{
    switch (s->kind) {
    case GP_S_EXPR: return s->v.expr.value;
    case GP_S_ASSIGN: return s->v.assign.value;
    case GP_S_AUGASSIGN: return s->v.augassign.value;
    case GP_S_RETURN: return s->v.ret.value;
    default: return NULL;
    }
}

static void simple_stmts(gp_parser_t *p, gp_p_list_t *out)
{
    for (;;) {
        gp_stmt_t *st = simple_stmt(p);
        gp_expr_t *le = last_expr(st);
        if (le && gp_p_peek(p)->kind != GP_TOK_NEWLINE &&
            gp_p_peek(p)->kind != GP_TOK_SEMI) {
            if (le->kind == GP_E_TUPLE && GP_SEQ_LEN(le->v.seq.elts) &&
                !gp_p_parenthesized(p, le))
                le = GP_SEQ_GET(le->v.seq.elts,
                                GP_SEQ_LEN(le->v.seq.elts) - 1);
            gp_p_check_legacy(p, le);
        }
        gp_p_list_push(p, out, st);
        if (!gp_p_accept(p, GP_TOK_SEMI))
            break;
        if (gp_p_peek(p)->kind == GP_TOK_NEWLINE)
            break;
    }
    if (gp_p_peek(p)->kind == GP_TOK_ENDMARKER && p->in_fstring)
        return;
    if (!gp_p_accept(p, GP_TOK_NEWLINE)) {
        gp_token_t *t = gp_p_peek(p);
        /* `a b`: two expressions in a row; CPython suggests a comma only
        ** inside brackets, so plain "invalid syntax" here. */
        (void)t;
        gp_p_syntax(p);
    }
}

/* ---- compound statements ---------------------------------------------- */

static gp_stmt_t *if_stmt(gp_parser_t *p, gp_token_t *kw)
{
    gp_stmt_t *s = stmt_new(p, GP_S_IF, gp_p_loc_tok(kw));
    s->v.ifstmt.test = gp_p_named_expression(p);
    s->v.ifstmt.body = block_kw(p, text_is(kw, "if") ? "if" : "elif",
                                kw->lineno);
    gp_token_t *t = gp_p_peek(p);
    if (gp_p_is_kw(t, "elif")) {
        gp_p_next(p);
        gp_stmt_t *e = if_stmt(p, t);
        s->v.ifstmt.orelse = gp_p_seq(p, (void **)&e, 1);
    } else if (gp_p_is_kw(t, "else")) {
        gp_p_next(p);
        s->v.ifstmt.orelse = block_kw(p, "else", t->lineno);
    }
    gp_ast_seq_t *last = GP_SEQ_LEN(s->v.ifstmt.orelse)
                         ? s->v.ifstmt.orelse : s->v.ifstmt.body;
    s->loc = loc_to_end(kw, last);
    return s;
}

static gp_ast_seq_t *else_block(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek(p);
    if (!gp_p_is_kw(t, "else"))
        return NULL;
    gp_p_next(p);
    return block_kw(p, "else", t->lineno);
}

static gp_stmt_t *while_stmt(gp_parser_t *p, gp_token_t *kw)
{
    gp_stmt_t *s = stmt_new(p, GP_S_WHILE, gp_p_loc_tok(kw));
    s->v.whilestmt.test = gp_p_named_expression(p);
    s->v.whilestmt.body = block_kw(p, "while", kw->lineno);
    s->v.whilestmt.orelse = else_block(p);
    s->loc = loc_to_end(kw, GP_SEQ_LEN(s->v.whilestmt.orelse)
                        ? s->v.whilestmt.orelse : s->v.whilestmt.body);
    return s;
}

static gp_stmt_t *for_stmt(gp_parser_t *p, gp_token_t *kw)
{
    gp_stmt_t *s = stmt_new(p, GP_S_FOR, gp_p_loc_tok(kw));
    s->v.forstmt.target = gp_p_star_targets(p);
    gp_p_expect_kw(p, "in");
    s->v.forstmt.iter = gp_p_star_expressions(p);
    s->v.forstmt.body = block_kw(p, "for", kw->lineno);
    s->v.forstmt.orelse = else_block(p);
    s->loc = loc_to_end(kw, GP_SEQ_LEN(s->v.forstmt.orelse)
                        ? s->v.forstmt.orelse : s->v.forstmt.body);
    return s;
}

static gp_withitem_t *with_item(gp_parser_t *p)
{
    gp_withitem_t *w = gp_p_alloc(p, sizeof *w);
    w->context_expr = gp_p_expression(p);
    if (gp_p_accept_kw(p, "as")) {
        /* One target: `with a as b, c as d` has two items. */
        gp_expr_t *t = gp_p_bitwise_or(p);
        gp_p_set_ctx(p, t, GP_STORE, 0);
        w->optional_vars = t;
    }
    return w;
}

static gp_stmt_t *with_stmt(gp_parser_t *p, gp_token_t *kw)
{
    gp_stmt_t *s = stmt_new(p, GP_S_WITH, gp_p_loc_tok(kw));
    gp_p_list_t l;
    gp_p_list_init(&l);
    /* `with (a as b, c as d):` — parenthesised items (3.9+).  Try it
    ** first; fall back to an ordinary expression in parentheses. */
    int done = 0;
    if (gp_p_peek(p)->kind == GP_TOK_LPAR) {
        int save = p->pos;
        int depth = 0, i = p->pos, as_seen = 0;
        for (; i < p->ntoks; i++) {
            int k = p->toks[i].kind;
            if (k == GP_TOK_LPAR || k == GP_TOK_LSQB || k == GP_TOK_LBRACE)
                depth++;
            else if (k == GP_TOK_RPAR || k == GP_TOK_RSQB ||
                     k == GP_TOK_RBRACE) {
                if (--depth == 0)
                    break;
            } else if (depth == 1 && gp_p_is_kw(&p->toks[i], "as"))
                as_seen = 1;
            else if (k == GP_TOK_NEWLINE)
                break;
        }
        if (as_seen && i + 1 < p->ntoks &&
            p->toks[i + 1].kind == GP_TOK_COLON) {
            gp_p_next(p);
            do {
                if (gp_p_peek(p)->kind == GP_TOK_RPAR && l.n)
                    break;
                gp_p_list_push(p, &l, with_item(p));
            } while (gp_p_accept(p, GP_TOK_COMMA));
            gp_p_expect(p, GP_TOK_RPAR, "')'");
            done = 1;
        } else {
            p->pos = save;
        }
    }
    if (!done) {
        do
            gp_p_list_push(p, &l, with_item(p));
        while (gp_p_accept(p, GP_TOK_COMMA));
    }
    s->v.with.items = gp_p_list_seq(p, &l);
    s->v.with.body = block_kw(p, "with", kw->lineno);
    s->loc = loc_to_end(kw, s->v.with.body);
    return s;
}

static gp_stmt_t *try_stmt(gp_parser_t *p, gp_token_t *kw)
{
    gp_stmt_t *s = stmt_new(p, GP_S_TRY, gp_p_loc_tok(kw));
    s->v.trystmt.body = block_kw(p, "try", kw->lineno);
    gp_p_list_t hs;
    gp_p_list_init(&hs);
    gp_ast_seq_t *last = s->v.trystmt.body;
    while (gp_p_is_kw(gp_p_peek(p), "except")) {
        gp_token_t *ex = gp_p_next(p);
        if (gp_p_peek(p)->kind == GP_TOK_STAR)
            gp_p_error_tok(p, gp_p_peek(p),
                           "'except*' is not supported by gilpy");
        gp_excepthandler_t *h = gp_p_alloc(p, sizeof *h);
        if (gp_p_peek(p)->kind != GP_TOK_COLON) {
            gp_expr_t *type = gp_p_expression(p);
            if (gp_p_peek(p)->kind == GP_TOK_COMMA) {
                /* except A, B: — 3.11 wants parentheses */
                gp_token_t *c = gp_p_next(p);
                gp_expr_t *more = gp_p_expression(p);
                gp_loc_t l = gp_p_loc_span(&type->loc, &more->loc);
                (void)c;
                gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                              "multiple exception types must be "
                              "parenthesized");
            }
            h->type = type;
            if (gp_p_accept_kw(p, "as")) {
                gp_token_t *n = gp_p_expect(p, GP_TOK_NAME, NULL);
                if (gp_p_is_keyword(n))
                    gp_p_syntax(p);
                h->name = gp_p_name(p, n);
            }
        }
        h->body = block_kw(p, "except", ex->lineno);
        h->loc = loc_to_end(ex, h->body);
        gp_p_list_push(p, &hs, h);
        last = h->body;
    }
    s->v.trystmt.handlers = gp_p_list_seq(p, &hs);
    if (hs.n) {
        s->v.trystmt.orelse = else_block(p);
        if (s->v.trystmt.orelse)
            last = s->v.trystmt.orelse;
    }
    gp_token_t *t = gp_p_peek(p);
    if (gp_p_is_kw(t, "finally")) {
        gp_p_next(p);
        s->v.trystmt.finalbody = block_kw(p, "finally", t->lineno);
        last = s->v.trystmt.finalbody;
    } else if (!hs.n) {
        if (p->tokerr && t->kind == GP_TOK_ENDMARKER)
            gp_p_syntax(p);
        if (t->kind == GP_TOK_DEDENT || t->kind == GP_TOK_ENDMARKER) {
            gp_loc_t l = gp_p_dedent_loc(p);
            gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                          "expected 'except' or 'finally' block");
        }
        gp_p_error_tok(p, t, "expected 'except' or 'finally' block");
    }
    s->loc = loc_to_end(kw, last);
    return s;
}

static gp_stmt_t *funcdef(gp_parser_t *p, gp_token_t *kw,
                          gp_ast_seq_t *decorators)
{
    gp_token_t *n = gp_p_expect(p, GP_TOK_NAME, NULL);
    if (gp_p_is_keyword(n))
        gp_p_syntax(p);
    gp_stmt_t *s = stmt_new(p, GP_S_FUNCTIONDEF, gp_p_loc_tok(kw));
    s->v.funcdef.name = gp_p_name(p, n);
    gp_p_expect_forced(p, GP_TOK_LPAR, "'('");
    s->v.funcdef.args = gp_p_parameters(p, 0, GP_TOK_RPAR);
    gp_p_expect(p, GP_TOK_RPAR, "')'");
    if (gp_p_accept(p, GP_TOK_RARROW))
        s->v.funcdef.returns = gp_p_expression(p);
    s->v.funcdef.decorator_list = decorators;
    char what[48];
    snprintf(what, sizeof what, "function definition");
    s->v.funcdef.body = block(p, what, kw->lineno);
    s->loc = loc_to_end(kw, s->v.funcdef.body);
    return s;
}

static void call_args(gp_parser_t *p, gp_ast_seq_t **args,
                      gp_ast_seq_t **keywords);

static gp_stmt_t *classdef(gp_parser_t *p, gp_token_t *kw,
                           gp_ast_seq_t *decorators)
{
    gp_token_t *n = gp_p_expect(p, GP_TOK_NAME, NULL);
    if (gp_p_is_keyword(n))
        gp_p_syntax(p);
    gp_stmt_t *s = stmt_new(p, GP_S_CLASSDEF, gp_p_loc_tok(kw));
    s->v.classdef.name = gp_p_name(p, n);
    s->v.classdef.bases = gp_p_seq(p, NULL, 0);
    s->v.classdef.keywords = gp_p_seq(p, NULL, 0);
    if (gp_p_accept(p, GP_TOK_LPAR)) {
        call_args(p, &s->v.classdef.bases, &s->v.classdef.keywords);
        gp_p_expect(p, GP_TOK_RPAR, "')'");
    }
    s->v.classdef.decorator_list = decorators;
    s->v.classdef.body = block(p, "class definition", kw->lineno);
    s->loc = loc_to_end(kw, s->v.classdef.body);
    return s;
}

/* Call arguments live with the expressions; classes reuse them. */
gp_expr_t *gp_p_call_args_into(gp_parser_t *p, gp_ast_seq_t **args,
                               gp_ast_seq_t **keywords);
static void call_args(gp_parser_t *p, gp_ast_seq_t **args,
                      gp_ast_seq_t **keywords)
{
    gp_p_call_args_into(p, args, keywords);
}

static _Noreturn void unsupported(gp_parser_t *p, gp_token_t *t,
                                  const char *what)
{
    gp_p_error_tok(p, t, "'%s' is not supported by gilpy", what);
}

/* `match x:` at the start of a statement: a soft keyword, so only a
** statement of the shape `match <something>:` NEWLINE is one. */
static int looks_like_match(gp_parser_t *p)
{
    gp_token_t *t = gp_p_peek_at(p, 1);
    switch (t->kind) {
    case GP_TOK_EQUAL: case GP_TOK_DOT: case GP_TOK_COMMA:
    case GP_TOK_NEWLINE: case GP_TOK_SEMI: case GP_TOK_COLON:
    case GP_TOK_RPAR: case GP_TOK_ENDMARKER:
        return 0;
    default:
        if (augop(t->kind))
            return 0;
    }
    int depth = 0;
    for (int i = p->pos + 1; i < p->ntoks; i++) {
        int k = p->toks[i].kind;
        if (k == GP_TOK_LPAR || k == GP_TOK_LSQB || k == GP_TOK_LBRACE)
            depth++;
        else if (k == GP_TOK_RPAR || k == GP_TOK_RSQB || k == GP_TOK_RBRACE)
            depth--;
        else if (k == GP_TOK_NEWLINE)
            return i > 0 && p->toks[i - 1].kind == GP_TOK_COLON &&
                   p->toks[i + 1 < p->ntoks ? i + 1 : i].kind ==
                   GP_TOK_INDENT;
    }
    return 0;
}

static void statement(gp_parser_t *p, gp_p_list_t *out)
{
    gp_token_t *t = gp_p_peek(p);
    if (t->kind == GP_TOK_ASYNC)
        unsupported(p, t, "async");
    if (t->kind == GP_TOK_AT) {
        gp_p_list_t decos;
        gp_p_list_init(&decos);
        while (gp_p_accept(p, GP_TOK_AT)) {
            gp_p_list_push(p, &decos, gp_p_named_expression(p));
            gp_p_expect(p, GP_TOK_NEWLINE, NULL);
        }
        gp_token_t *kw = gp_p_peek(p);
        gp_ast_seq_t *d = gp_p_list_seq(p, &decos);
        if (gp_p_accept_kw(p, "def"))
            gp_p_list_push(p, out, funcdef(p, kw, d));
        else if (gp_p_accept_kw(p, "class"))
            gp_p_list_push(p, out, classdef(p, kw, d));
        else if (kw->kind == GP_TOK_ASYNC)
            unsupported(p, kw, "async");
        else
            gp_p_syntax(p);
        return;
    }
    if (t->kind == GP_TOK_NAME) {
        gp_stmt_t *s = NULL;
        if (text_is(t, "if")) {
            gp_p_next(p);
            s = if_stmt(p, t);
        } else if (text_is(t, "while")) {
            gp_p_next(p);
            s = while_stmt(p, t);
        } else if (text_is(t, "for")) {
            gp_p_next(p);
            s = for_stmt(p, t);
        } else if (text_is(t, "with")) {
            gp_p_next(p);
            s = with_stmt(p, t);
        } else if (text_is(t, "try")) {
            gp_p_next(p);
            s = try_stmt(p, t);
        } else if (text_is(t, "def")) {
            gp_p_next(p);
            s = funcdef(p, t, gp_p_seq(p, NULL, 0));
        } else if (text_is(t, "class")) {
            gp_p_next(p);
            s = classdef(p, t, gp_p_seq(p, NULL, 0));
        } else if (text_is(t, "match") && looks_like_match(p)) {
            unsupported(p, t, "match");
        } else if (text_is(t, "else") || text_is(t, "elif") ||
                   text_is(t, "except") || text_is(t, "finally")) {
            gp_p_error_tok(p, t, "invalid syntax");
        }
        if (s) {
            gp_p_list_push(p, out, s);
            return;
        }
    }
    if (t->kind == GP_TOK_INDENT || t->kind == GP_TOK_DEDENT)
        gp_p_syntax(p);
    simple_stmts(p, out);
}

static gp_ast_seq_t *statements_until(gp_parser_t *p, int end_kind)
{
    gp_p_list_t l;
    gp_p_list_init(&l);
    while (gp_p_peek(p)->kind != end_kind &&
           gp_p_peek(p)->kind != GP_TOK_ENDMARKER)
        statement(p, &l);
    if (gp_p_peek(p)->kind != end_kind)
        gp_p_syntax(p);
    return gp_p_list_seq(p, &l);
}

/* ---- the driver -------------------------------------------------------- */

static int tokenize_all(gp_parser_t *p, const char *src, size_t len,
                        gp_tok_t **tokp)
{
    gp_tok_t *tk = gp_tok_new(src, len, p->filename);
    if (!tk)
        return -1;
    *tokp = tk;
    int cap = 256, n = 0;
    gp_token_t *toks = malloc(sizeof *toks * (size_t)cap);
    if (!toks)
        return -1;
    for (;;) {
        if (n == cap) {
            gp_token_t *nt = realloc(toks, sizeof *toks * (size_t)(cap *= 2));
            if (!nt) {
                free(toks);
                return -1;
            }
            toks = nt;
        }
        int k = gp_tok_next(tk, &toks[n]);
        if (k == GP_TOK_ERROR) {
            p->tokerr = gp_tok_error(tk);
            /* Stand-in end so the parser can run up to the error. */
            toks[n].kind = GP_TOK_ENDMARKER;
            toks[n].start = NULL;
            toks[n].len = 0;
            n++;
            break;
        }
        n++;
        if (k == GP_TOK_ENDMARKER)
            break;
    }
    p->toks = toks;
    p->ntoks = n;
    return 0;
}

/* Copy the tokenizer's error into the arena (the tokenizer goes away). */
static void keep_tokerr(gp_parser_t *p, gp_tok_error_t *err)
{
    if (err->msg)
        err->msg = gp_arena_strdup(p->a, err->msg, strlen(err->msg));
    if (err->text)
        err->text = gp_arena_strdup(p->a, err->text, strlen(err->text));
}

static gp_mod_t *parse_tokens(gp_parser_t *p, gp_parse_mode_t mode)
{
    gp_mod_t *m = gp_p_alloc(p, sizeof *m);
    if (mode == GP_PARSE_EVAL) {
        m->kind = GP_MOD_EXPRESSION;
        while (gp_p_peek(p)->kind == GP_TOK_NEWLINE)
            gp_p_next(p);
        m->expr = gp_p_star_expressions(p);
        while (gp_p_peek(p)->kind == GP_TOK_NEWLINE)
            gp_p_next(p);
        if (gp_p_peek(p)->kind != GP_TOK_ENDMARKER || p->tokerr)
            gp_p_syntax(p);
        return m;
    }
    m->kind = mode == GP_PARSE_SINGLE ? GP_MOD_INTERACTIVE : GP_MOD_MODULE;
    m->body = statements_until(p, GP_TOK_ENDMARKER);
    if (p->tokerr)
        gp_p_syntax(p);
    return m;
}

gp_mod_t *gp_parse(const char *src, size_t len, const char *filename,
                   gp_parse_mode_t mode, gp_arena_t *arena,
                   gp_tok_error_t *err)
{
    gp_parser_t p;
    memset(&p, 0, sizeof p);
    p.a = arena;
    p.err = err;
    p.filename = filename;
    p.eval_mode = mode == GP_PARSE_EVAL;
    p.final_nl = len > 0 && (src[len - 1] == '\n' || src[len - 1] == '\r');
    memset(err, 0, sizeof *err);
    gp_tok_t *tk = NULL;
    if (tokenize_all(&p, src, len, &tk) < 0) {
        gp_tok_free(tk);
        return NULL;
    }
    gp_mod_t *m = NULL;
    int rc = setjmp(p.jb);
    if (rc == 0) {
        m = parse_tokens(&p, mode);
    } else {
        m = NULL;
        if (rc == 2)
            memset(err, 0, sizeof *err);   /* out of memory */
        else
            keep_tokerr(&p, err);
    }
    free(p.toks);
    gp_tok_free(tk);
    return m;
}

/* f-string fields: a sub-parser over the field's text.  Its tokens are
** placed on the enclosing source's lines by line_base/col_base. */
gp_expr_t *gp_p_subexpr(gp_parser_t *p, const char *src, size_t len,
                        int line, int col)
{
    gp_parser_t sub;
    memset(&sub, 0, sizeof sub);
    sub.a = p->a;
    sub.err = p->err;
    sub.filename = p->filename;
    sub.in_fstring = 1;
    sub.parent = p;
    sub.depth = p->depth;
    gp_tok_t *tk = NULL;
    /* Parenthesised, as CPython 3.11 does, so newlines inside are fine. */
    char *buf = gp_p_alloc(p, len + 3);
    buf[0] = '(';
    memcpy(buf + 1, src, len);
    buf[len + 1] = ')';
    buf[len + 2] = 0;
    sub.fs_buf = buf;
    sub.fs_line = line - 1;
    sub.fs_col = col - 1;
    if (tokenize_all(&sub, buf, len + 2, &tk) < 0) {
        gp_tok_free(tk);
        longjmp(p->jb, 2);
    }
    /* Shift positions: column 1 of the buffer is `col` on `line`. */
    for (int i = 0; i < sub.ntoks; i++) {
        gp_token_t *t = &sub.toks[i];
        if (t->lineno == 1)
            t->col_offset += col - 1;
        if (t->end_lineno == 1)
            t->end_col_offset += col - 1;
        t->lineno += line - 1;
        t->end_lineno += line - 1;
    }
    gp_expr_t *e = NULL;
    int rc = setjmp(sub.jb);
    if (rc == 0) {
        if (sub.tokerr) {
            /* the message lives in the tokenizer, freed before the jump */
            const char *tm = sub.tokerr->msg;
            char *msg = gp_arena_strdup(p->a, tm, strlen(tm));
            free(sub.toks);
            gp_tok_free(tk);
            if (!msg)
                longjmp(p->jb, 2);
            gp_loc_t l = {line, col, line, col};
            gp_p_error_at(p, GP_EXC_SYNTAX, &l, "f-string: %s", msg);
        }
        gp_p_expect(&sub, GP_TOK_LPAR, NULL);
        if (gp_p_peek(&sub)->kind == GP_TOK_RPAR) {
            free(sub.toks);
            gp_tok_free(tk);
            gp_loc_t l = {line, col, line, col};
            gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                          "f-string: empty expression not allowed");
        }
        if (gp_p_is_kw(gp_p_peek(&sub), "yield"))
            e = gp_p_yield_expr(&sub);
        else
            e = gp_p_star_expressions(&sub);
        while (gp_p_peek(&sub)->kind == GP_TOK_NEWLINE)
            gp_p_next(&sub);
        /* the field is read as `(field)`, so `a b` is a missing comma
        ** after the last expression read (`a, b c`, `*a b`, `yield a b`) */
        if (gp_p_peek(&sub)->kind != GP_TOK_RPAR && gp_p_starts_expr(&sub)) {
            gp_expr_t *last = e;
            if (last->kind == GP_E_TUPLE && last->v.seq.elts->n > 0)
                last = last->v.seq.elts->items[last->v.seq.elts->n - 1];
            if (last->kind == GP_E_YIELD && last->v.yield.value)
                last = last->v.yield.value;
            gp_p_forgot_comma(&sub, last);
        }
        if (!gp_p_accept(&sub, GP_TOK_RPAR)) {
            free(sub.toks);
            gp_tok_free(tk);
            gp_loc_t l = {line, col, line, col};
            gp_p_error_at(p, GP_EXC_SYNTAX, &l,
                          "f-string: invalid syntax");
        }
    } else {
        free(sub.toks);
        gp_tok_free(tk);
        if (rc == 2)
            longjmp(p->jb, 2);
        /* Errors inside the field read "f-string: ..." in 3.11. */
        if (p->err->msg && strncmp(p->err->msg, "f-string", 8) != 0) {
            char *m = gp_p_alloc(p, strlen(p->err->msg) + 11);
            sprintf(m, "f-string: %s", p->err->msg);
            p->err->msg = m;
        }
        longjmp(p->jb, 1);
    }
    free(sub.toks);
    gp_tok_free(tk);
    return e;
}
