/*
** traceback.c — traceback objects (traceback.h), their tb_frame
** snapshots, and printing them as CPython 3.11 does: File/line/in, the
** stripped source line, the caret line (with the ~~~^^^~~~ anchors of a
** binary operation or a subscript), "[Previous line repeated N more
** times]".  Guard: the GIL.
**
** CPython finds the caret anchors by parsing the source segment; here a
** small scanner finds the same places for the shapes a segment of a
** BINARY_OP or BINARY_SUBSCR instruction has (the root operator of a
** binary operation, or the brackets of a subscript), reproducing 3.11's
** choices (a parenthesised left operand puts the anchor on its ')').
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "vm/traceback.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/state.h"
#include "objects/abstract.h"
#include "objects/strobj.h"
#include "objects/numobj.h"
#include "objects/gc.h"
#include "objects/ids.h"

/* ---- tb_frame: a snapshot of where the traceback entry is ------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *code, *globals;
    int lineno, lasti;
} gp_tbframe_t;

static void tbframe_dealloc(gp_obj_t *o)
{
    gp_tbframe_t *f = (gp_tbframe_t *)o;
    gp_gc_untrack(o);
    GP_CLEAR(f->code);
    GP_CLEAR(f->globals);
    gp_object_free(o);
}

static int tbframe_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((gp_tbframe_t *)o)->code);
    GP_VISIT(((gp_tbframe_t *)o)->globals);
    return 0;
}

static int tbframe_clear(gp_obj_t *o)
{
    GP_CLEAR(((gp_tbframe_t *)o)->globals);
    return 0;
}

static gp_obj_t *tbframe_repr(gp_obj_t *o)
{
    gp_tbframe_t *f = (gp_tbframe_t *)o;
    gp_code_t *co = (gp_code_t *)f->code;
    return gp_str_fromformat("<frame at %p, file '%U', line %d, code %U>",
                             o, co->filename, f->lineno, co->name);
}

static gp_obj_t *tbf_code(gp_obj_t *o, void *c) { return gp_newref(((gp_tbframe_t *)o)->code); }
static gp_obj_t *tbf_globals(gp_obj_t *o, void *c)
{
    gp_obj_t *g = ((gp_tbframe_t *)o)->globals;
    return gp_newref(g ? g : GP_NONE);
}
static gp_obj_t *tbf_lineno(gp_obj_t *o, void *c) { return gp_int_from_i64(((gp_tbframe_t *)o)->lineno); }
static gp_obj_t *tbf_lasti(gp_obj_t *o, void *c) { return gp_int_from_i64(((gp_tbframe_t *)o)->lasti); }
static gp_obj_t *tbf_none(gp_obj_t *o, void *c) { GP_RETURN_NONE; }

static gp_getsetdef_t tbframe_getset[] = {
    {"f_code", tbf_code, NULL, NULL, NULL},
    {"f_globals", tbf_globals, NULL, NULL, NULL},
    {"f_lineno", tbf_lineno, NULL, NULL, NULL},
    {"f_lasti", tbf_lasti, NULL, NULL, NULL},
    {"f_back", tbf_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t gp_tbframe_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "frame",
    .basicsize = sizeof(gp_tbframe_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = tbframe_dealloc,
    .repr = tbframe_repr,
    .traverse = tbframe_traverse,
    .clear = tbframe_clear,
    .getset = tbframe_getset,
};

/* ---- traceback objects ------------------------------------------------- */

gp_obj_t *gp_tb_new(gp_obj_t *next, gp_obj_t *code, gp_obj_t *globals,
                    int lasti)
{
    gp_tb_t *tb = (gp_tb_t *)gp_type_alloc(&gp_tb_type, 0);
    if (!tb)
        return NULL;
    tb->next = (gp_tb_t *)gp_xnewref(next);
    tb->code = gp_newref(code);
    tb->globals = gp_xnewref(globals);
    tb->lasti = lasti;
    tb->lineno = gp_code_line((gp_code_t *)code, lasti);
    gp_gc_track((gp_obj_t *)tb);
    return (gp_obj_t *)tb;
}

int gp_tb_here(gp_obj_t *code, gp_obj_t *globals, int lasti)
{
    gp_thread_t *t = gp_tcur();
    gp_obj_t *exc = t->exc;
    if (!exc)
        return 0;
    gp_obj_t *cur = gp_exc_get_traceback(exc);
    if (cur == GP_NONE)
        cur = NULL;
    gp_obj_t *tb = gp_tb_new(cur, code, globals, lasti);
    if (!tb)
        return -1;
    gp_exc_set_traceback(exc, tb);
    GP_DECREF(tb);
    return 0;
}

static void tb_dealloc(gp_obj_t *o)
{
    gp_tb_t *tb = (gp_tb_t *)o;
    gp_gc_untrack(o);
    /* Long chains (deep recursion) are freed iteratively. */
    gp_tb_t *next = tb->next;
    tb->next = NULL;
    GP_CLEAR(tb->code);
    GP_CLEAR(tb->globals);
    gp_object_free(o);
    while (next && --((gp_obj_t *)next)->refcnt == 0) {
        gp_tb_t *n2 = next->next;
        next->next = NULL;
        ((gp_obj_t *)next)->refcnt = 1;
        GP_DECREF(next);
        next = n2;
    }
}

static int tb_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_tb_t *tb = (gp_tb_t *)o;
    GP_VISIT(tb->next);
    GP_VISIT(tb->code);
    GP_VISIT(tb->globals);
    return 0;
}

static int tb_clear(gp_obj_t *o)
{
    gp_tb_t *tb = (gp_tb_t *)o;
    GP_CLEAR(tb->next);
    GP_CLEAR(tb->globals);
    return 0;
}

static gp_obj_t *tb_get_next(gp_obj_t *o, void *c)
{
    gp_tb_t *n = ((gp_tb_t *)o)->next;
    return gp_newref(n ? (gp_obj_t *)n : GP_NONE);
}

static int tb_set_next(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == GP_NONE) {
        v = NULL;
    } else if (!GP_TB_CHECK(v)) {
        gp_err_format(&gp_exc_TypeError,
                      "expected traceback object or None, got '%s'",
                      gp_type_name_cstr(GP_TYPE(v)));
        return -1;
    }
    for (gp_tb_t *p = (gp_tb_t *)v; p; p = p->next)
        if ((gp_obj_t *)p == o) {
            gp_err_set_str(&gp_exc_ValueError, "traceback loop detected");
            return -1;
        }
    GP_SETREF(((gp_tb_t *)o)->next, (gp_tb_t *)gp_xnewref(v));
    return 0;
}

static gp_obj_t *tb_get_lineno(gp_obj_t *o, void *c) { return gp_int_from_i64(((gp_tb_t *)o)->lineno); }
static gp_obj_t *tb_get_lasti(gp_obj_t *o, void *c) { return gp_int_from_i64(((gp_tb_t *)o)->lasti); }
static gp_obj_t *tb_get_frame(gp_obj_t *o, void *c)
{
    gp_tb_t *tb = (gp_tb_t *)o;
    gp_tbframe_t *f = (gp_tbframe_t *)gp_type_alloc(&gp_tbframe_type, 0);
    if (!f)
        return NULL;
    f->code = gp_newref(tb->code);
    f->globals = gp_xnewref(tb->globals);
    f->lineno = tb->lineno;
    f->lasti = tb->lasti;
    gp_gc_track((gp_obj_t *)f);
    return (gp_obj_t *)f;
}

static gp_getsetdef_t tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_tb_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "traceback",
    .basicsize = sizeof(gp_tb_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getset = tb_getset,
};

int gp_traceback_init(void)
{
    if (gp_type_ready(&gp_tb_type) < 0 || gp_type_ready(&gp_tbframe_type) < 0)
        return -1;
    return 0;
}

/* ---- printing ------------------------------------------------------------ */

#define TB_RECURSIVE_CUTOFF 3

static int write_str(gp_obj_t *file, gp_obj_t *s)
{
    if (!s)
        return -1;
    gp_obj_t *r = gp_call_method(file, GP_ID(write), 1, s);
    GP_DECREF(s);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static int write_cstr(gp_obj_t *file, const char *s, gp_ssize_t n)
{
    return write_str(file, gp_str_from_utf8(s, n));
}

/* Line `lineno` of the file, malloc'd without its newline, or NULL. */
static char *read_source_line(gp_obj_t *filename, int lineno)
{
    const char *path = GP_STR_CHECK(filename) ? gp_str_utf8(filename, NULL)
                                               : NULL;
    if (!path) {
        gp_err_clear();
        return NULL;
    }
    if (path[0] == '<' || lineno < 1)
        return NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    int i = 0;
    while ((n = getline(&line, &cap, fp)) >= 0) {
        if (++i == lineno)
            break;
    }
    fclose(fp);
    if (i != lineno || n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = 0;
    return line;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }
static int is_word(char c)
{
    return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* match[i]: index of the bracket matching the one at i (within [a, b)),
** or -1. */
static void match_brackets(const char *s, int a, int b, int *match)
{
    int stack[256], depth = 0;
    for (int i = a; i < b; i++) {
        match[i - a] = -1;
        char c = s[i];
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < b && s[j] != c) {
                if (s[j] == '\\')
                    j++;
                j++;
            }
            for (int k = i + 1; k <= j && k < b; k++)
                match[k - a] = -1;
            i = j;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (depth < 256)
                stack[depth] = i;
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
            if (depth < 256) {
                match[i - a] = stack[depth];
                match[stack[depth] - a] = i;
            }
        }
    }
}

/* A '(' at k opens a parenthesised expression (not a call) when nothing
** that ends an operand comes before it. */
static int is_group(const char *s, int a, int k)
{
    int j = k - 1;
    while (j >= a && is_ws(s[j]))
        j--;
    if (j < a)
        return 1;
    char c = s[j];
    return !(is_word(c) || c == ')' || c == ']' || c == '}' || c == '\''
             || c == '"');
}

/* The AST end of the operand that ends just before p (parentheses of a
** group are not part of it). */
static int operand_end(const char *s, int a, int p, const int *match)
{
    int j = p - 1;
    for (;;) {
        while (j >= a && is_ws(s[j]))
            j--;
        if (j >= a && s[j] == ')' && match[j - a] >= 0
            && is_group(s, a, match[j - a])) {
            j--;
            continue;
        }
        return j + 1;
    }
}

static int operand_start(const char *s, int q, int b, const int *match, int a)
{
    int i = q;
    for (;;) {
        while (i < b && is_ws(s[i]))
            i++;
        if (i < b && s[i] == '(' && match[i - a] >= 0 && is_group(s, a, i)) {
            i++;
            continue;
        }
        return i;
    }
}

static int binop_prec(const char *s, int i, int b, int *len)
{
    char c = s[i], d = i + 1 < b ? s[i + 1] : 0;
    *len = 1;
    if ((c == '*' && d == '*') || (c == '/' && d == '/')) {
        *len = 2;
        return c == '*' ? 8 : 6;
    }
    if ((c == '<' && d == '<') || (c == '>' && d == '>')) {
        *len = 2;
        return 4;
    }
    switch (c) {
    case '|': return 1;
    case '^': return 2;
    case '&': return 3;
    case '+': case '-': return 5;
    case '*': case '/': case '%': case '@': return 6;
    default: return -1;
    }
}

/* Anchors of segment s[a:b): left and right byte offsets, or -1. */
static void find_anchors(const char *s, int a, int b, int *left, int *right)
{
    *left = *right = -1;
    if (b - a <= 0 || b - a > 4096)
        return;
    int *match = malloc((size_t)(b - a) * sizeof(int));
    if (!match)
        return;
    match_brackets(s, a, b, match);
    int depth = 0, operand = 0, best = -1, best_len = 0, best_prec = 100;
    for (int i = a; i < b; i++) {
        char c = s[i];
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < b && s[j] != c) {
                if (s[j] == '\\')
                    j++;
                j++;
            }
            i = j;
            operand = 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            operand = 0;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            depth--;
            operand = 1;
            continue;
        }
        if (depth > 0 || is_ws(c))
            continue;
        if (is_word(c) || c == '.') {
            int j = i;
            int num = isdigit((unsigned char)c) || c == '.';
            while (j < b && (is_word(s[j]) || s[j] == '.'
                             || (num && (s[j] == '+' || s[j] == '-')
                                 && (s[j - 1] == 'e' || s[j - 1] == 'E'))))
                j++;
            static const char *const kw[] = {"and", "or", "not", "if", "else",
                "lambda", "in", "is", "await", "for", NULL};
            for (int k = 0; kw[k]; k++)
                if ((int)strlen(kw[k]) == j - i && !memcmp(s + i, kw[k], j - i))
                    goto done;          /* not a binary operation */
            i = j - 1;
            operand = 1;
            continue;
        }
        int len, prec = binop_prec(s, i, b, &len);
        if (prec < 0)
            goto done;                  /* comparison, assignment, ... */
        if (i + len < b && s[i + len] == '=')
            goto done;                  /* augmented assignment */
        if (!operand) {                 /* a unary sign */
            i += len - 1;
            continue;
        }
        if (prec < best_prec || (prec == best_prec && prec != 8)) {
            best = i;
            best_len = len;
            best_prec = prec;
        }
        i += len - 1;
        operand = 0;
    }
    if (best >= 0) {
        int le = operand_end(s, a, best, match);
        int rs = operand_start(s, best + best_len, b, match, a);
        for (int i = le; i < rs; i++) {
            if (is_ws(s[i]))
                continue;
            *left = i;
            *right = i + 1;
            if (i + 1 < rs && !is_ws(s[i + 1]))
                (*right)++;
            break;
        }
        goto done;
    }
    /* value[slice] */
    if (s[b - 1] == ']' && match[b - 1 - a] > a) {
        int k = match[b - 1 - a];
        int ve = k - 1;
        while (ve >= a && is_ws(s[ve]))
            ve--;
        int se = b - 2;
        while (se > k && is_ws(s[se]))
            se--;
        *left = ve + 1;
        *right = se + 2;
    }
done:
    free(match);
}

/* Characters (not bytes) in s[a:b). */
static int nchars(const char *s, int a, int b)
{
    int n = 0;
    for (int i = a; i < b; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            n++;
    return n;
}

static int print_entry(gp_obj_t *file, gp_tb_t *tb)
{
    gp_code_t *co = (gp_code_t *)tb->code;
    if (write_str(file, gp_str_fromformat("  File \"%U\", line %d, in %U\n",
                                          co->filename, tb->lineno,
                                          co->name)) < 0)
        return -1;
    char *line = read_source_line(co->filename, tb->lineno);
    if (!line)
        return 0;
    int len = (int)strlen(line);
    int lead = 0;
    while (lead < len && (is_ws(line[lead]) || line[lead] == '\n'))
        lead++;
    int tail = len;
    while (tail > lead && (is_ws(line[tail - 1]) || line[tail - 1] == '\n'))
        tail--;
    int r = 0;
    if (tail > lead) {
        if (write_cstr(file, "    ", 4) < 0
            || write_cstr(file, line + lead, tail - lead) < 0
            || write_cstr(file, "\n", 1) < 0) {
            free(line);
            return -1;
        }
        gp_codepos_t pos = {0, 0, -1, -1};
        if (tb->lasti >= 0 && tb->lasti < co->ncode)
            pos = co->pos[tb->lasti];
        if (pos.line == tb->lineno && pos.col >= 0 && pos.end_col >= 0
            && pos.end_line >= pos.line && pos.col <= len) {
            int start = pos.col, end = pos.end_col;
            int left = -1, right = -1;
            if (pos.end_line == pos.line) {
                if (end > len)
                    end = len;
                find_anchors(line, start, end, &left, &right);
            } else {
                end = tail;
            }
            int anchors = left >= 0;
            if (start < lead)
                start = lead;
            if (end > start
                && (anchors || nchars(line, start, end)
                               != nchars(line, lead, tail))) {
                size_t cap = (size_t)(end - lead) + 8;
                char *buf = malloc(cap);
                if (!buf) {
                    free(line);
                    gp_err_nomemory();
                    return -1;
                }
                int n = 0;
                buf[n++] = ' ';
                buf[n++] = ' ';
                buf[n++] = ' ';
                buf[n++] = ' ';
                for (int i = lead; i < end; i++) {
                    if (((unsigned char)line[i] & 0xc0) == 0x80)
                        continue;
                    char c;
                    if (i < start)
                        c = ' ';
                    else if (anchors)
                        c = (i >= left && i < right) ? '^' : '~';
                    else
                        c = '^';
                    buf[n++] = c;
                }
                buf[n++] = '\n';
                r = write_cstr(file, buf, n);
                free(buf);
            }
        }
    }
    free(line);
    return r;
}

int gp_tb_print(gp_obj_t *tbo, gp_obj_t *file)
{
    if (!tbo || tbo == GP_NONE)
        return 0;
    if (!GP_TB_CHECK(tbo)) {
        gp_err_set_str(&gp_exc_TypeError, "traceback object expected");
        return -1;
    }
    if (write_cstr(file, "Traceback (most recent call last):\n", 35) < 0)
        return -1;
    gp_obj_t *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (gp_tb_t *tb = (gp_tb_t *)tbo; tb; tb = tb->next) {
        gp_code_t *co = (gp_code_t *)tb->code;
        if (!last_file || tb->lineno != last_line
            || !gp_str_eq(co->filename, last_file)
            || !gp_str_eq(co->name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF
                && write_str(file, gp_str_fromformat(
                       "  [Previous line repeated %ld more time%s]\n",
                       cnt - TB_RECURSIVE_CUTOFF,
                       cnt - TB_RECURSIVE_CUTOFF > 1 ? "s" : "")) < 0)
                return -1;
            last_file = co->filename;
            last_name = co->name;
            last_line = tb->lineno;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF && print_entry(file, tb) < 0)
            return -1;
    }
    if (cnt > TB_RECURSIVE_CUTOFF
        && write_str(file, gp_str_fromformat(
               "  [Previous line repeated %ld more time%s]\n",
               cnt - TB_RECURSIVE_CUTOFF,
               cnt - TB_RECURSIVE_CUTOFF > 1 ? "s" : "")) < 0)
        return -1;
    return 0;
}
