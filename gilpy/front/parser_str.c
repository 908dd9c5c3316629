/*
** parser_str.c — literals: numbers, and adjacent string tokens turned
** into one Constant (str or bytes) or a JoinedStr (f-strings), with every
** escape sequence decoded and f-string fields parsed as expressions (by a
** sub-parser placed at the field's real position, so tracebacks point
** into the string).  Values are UTF-8, lone surrogates as their 3-byte
** encodings, as ast.h says.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_int.h"
#include "uninames.h"

/* ---- numbers ----------------------------------------------------------- */

gp_expr_t *gp_p_number(gp_parser_t *p, gp_token_t *t)
{
    char *s = gp_p_alloc(p, t->len + 1);
    size_t n = 0;
    for (size_t i = 0; i < t->len; i++)
        if (t->start[i] != '_')
            s[n++] = t->start[i];
    s[n] = 0;
    gp_expr_t *e = gp_p_expr_new(p, GP_E_CONSTANT, gp_p_loc_tok(t));
    gp_const_t *c = &e->v.constant;
    int prefixed = n > 1 && s[0] == '0' && strchr("xXoObB", s[1]);
    if (!prefixed && (s[n - 1] == 'j' || s[n - 1] == 'J')) {
        s[--n] = 0;
        c->kind = GP_CONST_IMAG;
        c->f = strtod(s, NULL);
    } else if (!prefixed && strpbrk(s, ".eE")) {
        c->kind = GP_CONST_FLOAT;
        c->f = strtod(s, NULL);
    } else {
        c->kind = GP_CONST_INT;
    }
    c->text = s;
    c->len = n;
    return e;
}

/* ---- a growable byte buffer in the arena ----------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
} buf_t;

static void buf_put(gp_parser_t *p, buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *ns = gp_p_alloc(p, cap < 64 ? 64 : cap);
        if (b->n)
            memcpy(ns, b->s, b->n);
        b->s = ns;
        b->cap = cap < 64 ? 64 : cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void buf_cp(gp_parser_t *p, buf_t *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    buf_put(p, b, u, n);
}

/* ---- one string token ------------------------------------------------- */

typedef struct {
    gp_token_t *tok;
    int raw, bytes, fstr, u;
    const char *body;       /* between the quotes */
    size_t len;
} strtok_t;

static void split_token(gp_token_t *t, strtok_t *st)
{
    memset(st, 0, sizeof *st);
    st->tok = t;
    size_t i = 0;
    for (; i < t->len && t->start[i] != '\'' && t->start[i] != '"'; i++) {
        switch (t->start[i]) {
        case 'r': case 'R': st->raw = 1; break;
        case 'b': case 'B': st->bytes = 1; break;
        case 'f': case 'F': st->fstr = 1; break;
        case 'u': case 'U': st->u = 1; break;
        }
    }
    char q = t->start[i];
    int triple = i + 2 < t->len && t->start[i + 1] == q &&
                 t->start[i + 2] == q && t->len - i >= 6;
    size_t ql = triple ? 3 : 1;
    st->body = t->start + i + ql;
    st->len = t->len - i - 2 * ql;
}

/* The source position of byte `off` of the token's text. */
static void pos_in_token(gp_token_t *t, size_t off, int *line, int *col)
{
    int l = t->lineno, c = t->col_offset;
    for (size_t i = 0; i < off; i++) {
        if (t->start[i] == '\n') {
            l++;
            c = 0;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static _Noreturn void str_error(gp_parser_t *p, strtok_t *st,
                                const char *msg)
{
    /* CPython decodes a literal after fetching the token that follows the
    ** run of strings, and reports its errors there */
    gp_token_t *t = st->tok;
    while (t < p->toks + p->ntoks - 1 && t->kind == GP_TOK_STRING)
        t++;
    if (t->kind == GP_TOK_STRING || (p->tokerr && t->kind ==
                                     GP_TOK_ENDMARKER))
        t = st->tok;
    gp_loc_t l = gp_p_loc_tok(t);
    if (t->kind == GP_TOK_NEWLINE || t->kind == GP_TOK_ENDMARKER ||
        t->kind == GP_TOK_DEDENT) {
        l.end_lineno = l.lineno;
        l.end_col_offset = l.col_offset;
    }
    gp_p_error_at(p, GP_EXC_SYNTAX, &l, "%s", msg);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* CPython decodes a str literal (or an f-string's literal piece) by first
** rewriting it as pure ASCII -- each non-ASCII character as a 10-byte
** "\UXXXXXXXX", a backslash before one (or at the very end) as the
** 6-byte "\u005c" -- and then running the unicode_escape codec over
** that, whose error messages count positions in the rewritten text.  This
** is the rewritten offset of s[x], with s[0..n) the piece. */
static size_t escaped_pos(const char *s, size_t n, size_t x)
{
    size_t out = 0, k = 0;
    while (k < x) {
        if (s[k] == '\\') {
            /* a backslash and the character after it go as a pair */
            out += k + 1 >= n || (unsigned char)s[k + 1] >= 0x80 ? 6 : 1;
            if (++k >= x)
                break;
        }
        if ((unsigned char)s[k++] < 0x80) {
            out++;
        } else {
            out += 10;
            while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
                k++;
        }
    }
    return out;
}

/* A unicode_escape error over s[from..to) of the piece s[0..n). */
static _Noreturn void unicode_error(gp_parser_t *p, strtok_t *st,
                                    const char *s, size_t n, size_t from,
                                    size_t to, const char *what)
{
    char msg[200];
    snprintf(msg, sizeof msg, "(unicode error) 'unicodeescape' codec can't "
             "decode bytes in position %zu-%zu: %s", escaped_pos(s, n, from),
             escaped_pos(s, n, to) - 1, what);
    str_error(p, st, msg);
}

/* "\N{NAME}" at s[*i] (the backslash) of a str piece s[0..n): appends
** the character, or reports CPython's error over the bytes its codec has
** consumed (the name and both braces when the name is unknown). */
static void named_escape(gp_parser_t *p, strtok_t *st, const char *s,
                         size_t n, size_t *i, buf_t *b)
{
    size_t k = *i + 2, end = k;
    const char *what = "malformed \\N character escape";
    if (k < n && s[k] == '{') {
        size_t e = k + 1;
        while (e < n && s[e] != '}')
            e++;
        if (e >= n) {
            end = n;
        } else if (e == k + 1) {
            end = e;
        } else {
            uint32_t cp;
            if (gp_uni_lookup(s + k + 1, e - k - 1, true, &cp)) {
                buf_cp(p, b, cp);
                *i = e + 1;
                return;
            }
            what = "unknown Unicode character name";
            end = e + 1;
        }
    }
    unicode_error(p, st, s, n, *i, end, what);
}

/* Decode the escape at s[*i] (the backslash); appends to b. */
static void escape(gp_parser_t *p, strtok_t *st, const char *s, size_t n,
                   size_t *i, buf_t *b)
{
    size_t k = *i + 1;
    if (k >= n) {
        buf_put(p, b, "\\", 1);
        *i = k;
        return;
    }
    char c = s[k++];
    switch (c) {
    case '\n': break;
    case '\\': buf_put(p, b, "\\", 1); break;
    case '\'': buf_put(p, b, "'", 1); break;
    case '"': buf_put(p, b, "\"", 1); break;
    case 'a': buf_put(p, b, "\a", 1); break;
    case 'b': buf_put(p, b, "\b", 1); break;
    case 'f': buf_put(p, b, "\f", 1); break;
    case 'n': buf_put(p, b, "\n", 1); break;
    case 'r': buf_put(p, b, "\r", 1); break;
    case 't': buf_put(p, b, "\t", 1); break;
    case 'v': buf_put(p, b, "\v", 1); break;
    case '0': case '1': case '2': case '3':
    case '4': case '5': case '6': case '7': {
        uint32_t v = (uint32_t)(c - '0');
        for (int d = 0; d < 2 && k < n && s[k] >= '0' && s[k] <= '7'; d++)
            v = v * 8 + (uint32_t)(s[k++] - '0');
        if (st->bytes) {
            char ch = (char)(v & 0xff);
            buf_put(p, b, &ch, 1);
        } else {
            buf_cp(p, b, v);
        }
        break;
    }
    case 'x': case 'u': case 'U': {
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (st->bytes && c != 'x') {
            buf_put(p, b, s + *i, 2);
            break;
        }
        uint32_t v = 0;
        for (int d = 0; d < digits; d++) {
            int h = k < n ? hexval(s[k]) : -1;
            if (h < 0) {
                char msg[160];
                if (st->bytes) {
                    snprintf(msg, sizeof msg, "(value error) invalid \\x "
                             "escape at position %zu", *i);
                    str_error(p, st, msg);
                }
                snprintf(msg, sizeof msg, "truncated \\%c%s escape", c,
                         c == 'x' ? "XX" : c == 'u' ? "XXXX" : "XXXXXXXX");
                unicode_error(p, st, s, n, *i, k, msg);
            }
            v = v * 16 + (uint32_t)h;
            k++;
        }
        if (st->bytes) {
            char ch = (char)v;
            buf_put(p, b, &ch, 1);
        } else if (v > 0x10ffff) {
            unicode_error(p, st, s, n, *i, k, "illegal Unicode character");
        } else {
            buf_cp(p, b, v);
        }
        break;
    }
    case 'N':
        if (!st->bytes) {
            named_escape(p, st, s, n, i, b);
            return;
        }
        /* in bytes \N is no escape */
        /* fall through */
    default:
        /* An unknown escape keeps its backslash (CPython warns). */
        buf_put(p, b, s + *i, (size_t)(k - *i));
        break;
    }
    *i = k;
}

/* Decode a literal piece s[0..n) of token st into b. */
static void decode(gp_parser_t *p, strtok_t *st, const char *s, size_t n,
                   buf_t *b)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] == '\\' && !st->raw) {
            escape(p, st, s, n, &i, b);
            continue;
        }
        size_t j = i;
        while (j < n && !(s[j] == '\\' && !st->raw))
            j++;
        if (st->bytes) {
            for (size_t k = i; k < j; k++)
                if ((unsigned char)s[k] >= 0x80)
                    str_error(p, st, "bytes can only contain ASCII literal "
                              "characters");
        }
        buf_put(p, b, s + i, j - i);
        i = j;
    }
}

/* ---- f-strings --------------------------------------------------------- */

typedef struct {
    gp_p_list_t parts;      /* Constant and FormattedValue nodes */
    buf_t lit;              /* the literal text not yet flushed */
    gp_loc_t loc;           /* the whole literal, for every part */
} fparts_t;

static void flush_lit(gp_parser_t *p, fparts_t *f)
{
    if (!f->lit.n)
        return;
    gp_expr_t *c = gp_p_expr_new(p, GP_E_CONSTANT, f->loc);
    c->v.constant.kind = GP_CONST_STR;
    c->v.constant.text = f->lit.s;
    c->v.constant.len = f->lit.n;
    gp_p_list_push(p, &f->parts, c);
    memset(&f->lit, 0, sizeof f->lit);
}

static void fstring_body(gp_parser_t *p, strtok_t *st, const char *s,
                         size_t n, size_t *pos, fparts_t *f, int in_spec,
                         int nest);

static _Noreturn void ferr(gp_parser_t *p, strtok_t *st, const char *msg)
{
    str_error(p, st, msg);
}

/* A field starting after its '{' at s[*pos]. */
static void fstring_field(gp_parser_t *p, strtok_t *st, const char *s,
                          size_t n, size_t *pos, fparts_t *f, int nest)
{
    if (nest >= 2)
        ferr(p, st, "f-string: expressions nested too deeply");
    size_t start = *pos, i = start;
    int depth = 0;
    char quote = 0;
    size_t eq = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\\')
            ferr(p, st, "f-string expression part cannot include a "
                 "backslash");
        if (c == '#')
            ferr(p, st, "f-string expression part cannot include '#'");
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            continue;
        }
        if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            depth--;
            continue;
        }
        if (depth)
            continue;
        if (c == '}' || c == ':')
            break;
        if (c == '!' && !(i + 1 < n && s[i + 1] == '='))
            break;
        if (c == '=' && !(i + 1 < n && s[i + 1] == '=') && i > start &&
            !strchr("=!<>", s[i - 1])) {
            eq = i;
            break;
        }
        if (c == '=' && i + 1 < n && s[i + 1] == '=') {
            i++;
            continue;
        }
    }
    if (quote)
        ferr(p, st, "f-string: unterminated string");
    if (i >= n)
        ferr(p, st, depth ? "f-string: expecting '}'"
                          : "f-string: expecting '}'");
    size_t expr_end = eq ? eq : i;
    int blank = 1;
    for (size_t k = start; k < expr_end; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\f')
            blank = 0;
    if (blank)
        ferr(p, st, "f-string: empty expression not allowed");
    int line, col;
    pos_in_token(st->tok, (size_t)(s + start - st->tok->start), &line, &col);
    gp_expr_t *e = gp_p_subexpr(p, s + start, expr_end - start, line, col);
    int conversion = -1;
    if (eq) {
        /* f"{x = }": the text up to the '=' and the spaces after it */
        i = eq + 1;
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        buf_put(p, &f->lit, s + start, i - start);
        if (i >= n)
            ferr(p, st, "f-string: expecting '}'");
    }
    flush_lit(p, f);
    if (s[i] == '!') {
        if (i + 1 >= n)
            ferr(p, st, "f-string: expecting '}'");
        char c = s[i + 1];
        if (c != 's' && c != 'r' && c != 'a')
            ferr(p, st, "f-string: invalid conversion character: expected "
                 "'s', 'r', or 'a'");
        conversion = c;
        i += 2;
        if (i >= n || (s[i] != ':' && s[i] != '}'))
            ferr(p, st, "f-string: expecting '}'");
    }
    gp_expr_t *spec = NULL;
    if (s[i] == ':') {
        i++;
        fparts_t sf;
        memset(&sf, 0, sizeof sf);
        gp_p_list_init(&sf.parts);
        sf.loc = f->loc;
        fstring_body(p, st, s, n, &i, &sf, 1, nest + 1);
        flush_lit(p, &sf);
        spec = gp_p_expr_new(p, GP_E_JOINEDSTR, f->loc);
        spec->v.joinedstr.values = gp_p_list_seq(p, &sf.parts);
    }
    if (i >= n || s[i] != '}')
        ferr(p, st, "f-string: expecting '}'");
    i++;
    if (eq && conversion < 0 && !spec)
        conversion = 'r';
    gp_expr_t *fv = gp_p_expr_new(p, GP_E_FORMATTEDVALUE, f->loc);
    fv->v.formatted.value = e;
    fv->v.formatted.conversion = conversion;
    fv->v.formatted.format_spec = spec;
    gp_p_list_push(p, &f->parts, fv);
    *pos = i;
}

/* Literal text and fields until the end (or, in a format spec, until
** the closing '}' at this level, left unconsumed). */
static void fstring_body(gp_parser_t *p, strtok_t *st, const char *s,
                         size_t n, size_t *pos, fparts_t *f, int in_spec,
                         int nest)
{
    size_t i = *pos;
    while (i < n) {
        char c = s[i];
        if (c == '{') {
            if (!in_spec && i + 1 < n && s[i + 1] == '{') {
                buf_put(p, &f->lit, "{", 1);
                i += 2;
                continue;
            }
            i++;
            fstring_field(p, st, s, n, &i, f, nest);
            continue;
        }
        if (c == '}') {
            if (in_spec)
                break;
            if (i + 1 < n && s[i + 1] == '}') {
                buf_put(p, &f->lit, "}", 1);
                i += 2;
                continue;
            }
            ferr(p, st, "f-string: single '}' is not allowed");
        }
        /* the literal piece, as CPython's fstring_find_literal() scans
        ** it: an escape's backslash takes the next character along, and
        ** "\N" the character after it and, when that is '{', all up to
        ** the next '}' (a name's braces are no field's; a malformed one
        ** is the decoder's to report) */
        size_t j = i;
        while (j < n && s[j] != '{' && s[j] != '}') {
            if (s[j] != '\\' || st->raw || j + 1 >= n) {
                j++;
            } else if (s[j + 1] == 'N') {
                j += 2;
                if (j < n && s[j++] == '{')
                    while (j < n && s[j++] != '}')
                        ;
            } else {
                /* "\{" and "\}" still end the piece at their brace */
                j += s[j + 1] == '{' || s[j + 1] == '}' ? 1 : 2;
            }
        }
        /* CPython finds a lone '}' before it decodes the piece */
        if (!in_spec && j < n && s[j] == '}' &&
            (j + 1 == n || s[j + 1] != '}'))
            ferr(p, st, "f-string: single '}' is not allowed");
        decode(p, st, s + i, j - i, &f->lit);
        i = j;
    }
    *pos = i;
}

/* ---- adjacent strings ------------------------------------------------- */

gp_expr_t *gp_p_strings(gp_parser_t *p)
{
    gp_token_t *first = gp_p_peek(p);
    int ntok = 0, any_f = 0, any_bytes = 0, all_bytes = 1;
    while (gp_p_peek_at(p, ntok)->kind == GP_TOK_STRING)
        ntok++;
    strtok_t *sts = gp_p_alloc(p, sizeof *sts * (size_t)ntok);
    for (int k = 0; k < ntok; k++) {
        split_token(gp_p_next(p), &sts[k]);
        any_f |= sts[k].fstr;
        any_bytes |= sts[k].bytes;
        all_bytes &= sts[k].bytes;
    }
    gp_token_t *last = sts[ntok - 1].tok;
    gp_loc_t loc = {first->lineno, first->col_offset, last->end_lineno,
                    last->end_col_offset};
    gp_loc_t end = {loc.end_lineno, loc.end_col_offset, loc.end_lineno,
                    loc.end_col_offset};
    if (any_bytes && !all_bytes)
        gp_p_error_at(p, GP_EXC_SYNTAX, &end,
                      "cannot mix bytes and nonbytes literals");
    gp_expr_t *e = gp_p_expr_new(p, GP_E_CONSTANT, loc);
    if (!any_f) {
        buf_t b;
        memset(&b, 0, sizeof b);
        buf_put(p, &b, "", 0);
        for (int k = 0; k < ntok; k++)
            decode(p, &sts[k], sts[k].body, sts[k].len, &b);
        e->v.constant.kind = all_bytes ? GP_CONST_BYTES : GP_CONST_STR;
        e->v.constant.text = b.s;
        e->v.constant.len = b.n;
        e->v.constant.str_kind = sts[0].u ? "u" : NULL;
        return e;
    }
    fparts_t f;
    memset(&f, 0, sizeof f);
    gp_p_list_init(&f.parts);
    f.loc = loc;
    for (int k = 0; k < ntok; k++) {
        if (sts[k].fstr) {
            size_t i = 0;
            fstring_body(p, &sts[k], sts[k].body, sts[k].len, &i, &f, 0, 0);
        } else {
            decode(p, &sts[k], sts[k].body, sts[k].len, &f.lit);
        }
    }
    flush_lit(p, &f);
    e->kind = GP_E_JOINEDSTR;
    e->v.joinedstr.values = gp_p_list_seq(p, &f.parts);
    return e;
}
