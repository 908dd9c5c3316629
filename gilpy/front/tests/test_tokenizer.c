/*
** test_tokenizer.c — gilpy's tokenizer against CPython 3.11: every file of
** the corpus (corpus/NAME.py) must dump exactly as its .expected file, which
** pytok.py made from CPython (make tok-expected); then direct checks of
** the API on cases the corpus cannot hold (tokenize disagrees with the C
** tokenizer there, or CPython's compile() reports no such error).
**
** The corpus is looked for under $GP_TOK_TESTS/corpus, GP_TOK_TESTS
** defaulting to gilpy/front/tests (the tests run from the repository root).
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "front/tokenizer.h"
#include "harness.h"

/* ---- the corpus -------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = 0;
    *len = n;
    return buf;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints the first line where got and want differ. */
static void show_difference(const char *name, const char *got,
                            const char *want)
{
    int line = 1;
    while (*got && *got == *want) {
        line += *got == '\n';
        got++, want++;
    }
    while (line > 1 && got[-1] != '\n')
        got--, want--;
    printf("  %s: line %d differs\n    got:  %.*s\n    want: %.*s\n", name,
           line, (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"),
           want);
}

/* Checks every corpus file whose name starts (or not, errors == 0) with
** "err_"; returns how many there were. */
static int run_corpus(int errors)
{
    const char *top = getenv("GP_TOK_TESTS");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpus", top && *top ? top
             : "gilpy/front/tests");
    DIR *d = opendir(dir);
    if (!d) {
        printf("  cannot open the corpus %s (set GP_TOK_TESTS)\n", dir);
        CHECK(d != NULL);
        return 0;
    }
    char *names[1024];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 1024) {
        size_t len = strlen(e->d_name);
        if (len > 3 && !strcmp(e->d_name + len - 3, ".py")
            && (strncmp(e->d_name, "err_", 4) == 0) == errors)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    for (int i = 0; i < n; i++) {
        char path[4200], exp[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(exp, sizeof exp, "%s/%.*s.expected", dir,
                 (int)strlen(names[i]) - 3, names[i]);
        size_t srclen, explen;
        char *src = read_file(path, &srclen);
        char *want = read_file(exp, &explen);
        CHECK(src != NULL);
        if (!want)
            printf("  %s: no %s (make tok-expected)\n", names[i], exp);
        CHECK(want != NULL);
        char *got = src ? gp_tokdump(src, srclen, path, 0) : NULL;
        CHECK(got != NULL);
        if (got && want && strcmp(got, want) != 0) {
            show_difference(names[i], got, want);
            CHECK(!"corpus file dumps as expected");
        }
        free(got);
        free(want);
        free(src);
        free(names[i]);
    }
    return n;
}

TEST(corpus_tokens)
{
    int n = run_corpus(0);
    printf("  %d token files\n", n);
    CHECK(n >= 40);
}

TEST(corpus_errors)
{
    int n = run_corpus(1);
    printf("  %d error files\n", n);
    CHECK(n >= 40);
}

/* ---- the API ----------------------------------------------------------- */

static gp_tok_t *tok(const char *src)
{
    gp_tok_t *t = gp_tok_new(src, strlen(src), "<test>");
    CHECK(t != NULL);
    return t;
}

static int text_is(const gp_token_t *tk, const char *s)
{
    return tk->len == strlen(s) && memcmp(tk->start, s, tk->len) == 0;
}

/* The kinds of src's tokens up to ENDMARKER or an error, as names. */
static void kinds(const char *src, char *buf, size_t size)
{
    gp_tok_t *t = tok(src);
    gp_token_t tk;
    int k;
    buf[0] = 0;
    do {
        k = gp_tok_next(t, &tk);
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s%s", n ? " " : "", gp_token_name(k));
    } while (k != GP_TOK_ENDMARKER && k != GP_TOK_ERROR);
    gp_tok_free(t);
}

#define CHECK_KINDS(src, want) \
    do { \
        char got_[1024]; \
        kinds(src, got_, sizeof got_); \
        if (strcmp(got_, want) != 0) \
            printf("  got:  %s\n  want: %s\n", got_, want); \
        CHECK(strcmp(got_, want) == 0); \
    } while (0)

/* The error of src, checked against what CPython 3.11 reports. */
static void check_error(const char *src, const char *type, const char *msg,
                        int lineno, int offset, int end_offset,
                        const char *text)
{
    gp_tok_t *t = tok(src);
    gp_token_t tk;
    int k;
    while ((k = gp_tok_next(t, &tk)) != GP_TOK_ERROR
           && k != GP_TOK_ENDMARKER) {
    }
    CHECK_EQ(k, GP_TOK_ERROR);
    const gp_tok_error_t *e = gp_tok_error(t);
    CHECK(e != NULL);
    if (e) {
        if (strcmp(e->msg, msg) || strcmp(e->type_name, type)
            || e->lineno != lineno || e->offset != offset
            || e->end_offset != end_offset
            || (text ? !e->text || strcmp(e->text, text) : e->text != NULL))
            printf("  %s: %s (line %d, offset %d, end %d, text %s)\n",
                   e->type_name, e->msg, e->lineno, e->offset,
                   e->end_offset, e->text ? e->text : "(null)");
        CHECK(!strcmp(e->type_name, type));
        CHECK(!strcmp(e->msg, msg));
        CHECK_EQ(e->lineno, lineno);
        CHECK_EQ(e->offset, offset);
        CHECK_EQ(e->end_offset, end_offset);
        if (text)
            CHECK(e->text && !strcmp(e->text, text));
        else
            CHECK(e->text == NULL);
    }
    /* errors are sticky */
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_ERROR);
    CHECK(gp_tok_error(t) == e);
    gp_tok_free(t);
}

TEST(token_fields)
{
    gp_tok_t *t = tok("if x:\n    y = 'é' + 2\n");
    gp_token_t tk;
    CHECK(gp_tok_error(t) == NULL);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NAME);
    CHECK(text_is(&tk, "if"));
    CHECK_EQ(tk.kind, GP_TOK_NAME);
    CHECK_EQ(tk.lineno, 1);
    CHECK_EQ(tk.col_offset, 0);
    CHECK_EQ(tk.end_lineno, 1);
    CHECK_EQ(tk.end_col_offset, 2);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NAME);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_COLON);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NEWLINE);
    CHECK(text_is(&tk, "\n"));
    CHECK_EQ(tk.col_offset, 5);
    CHECK_EQ(tk.end_col_offset, 6);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_INDENT);
    CHECK(text_is(&tk, "    "));
    CHECK_EQ(tk.lineno, 2);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NAME);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_EQUAL);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_STRING);
    CHECK(text_is(&tk, "'é'"));
    CHECK_EQ(tk.col_offset, 8);
    CHECK_EQ(tk.end_col_offset, 12);        /* bytes: é is two */
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_PLUS);
    CHECK_EQ(tk.col_offset, 13);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NUMBER);
    CHECK(text_is(&tk, "2"));
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NEWLINE);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_DEDENT);
    CHECK_EQ(tk.lineno, 3);
    CHECK_EQ(tk.len, 0);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_ENDMARKER);
    CHECK_EQ(tk.lineno, 3);
    CHECK_EQ(tk.col_offset, 0);
    /* ENDMARKER for ever after */
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_ENDMARKER);
    CHECK_EQ(tk.lineno, 3);
    CHECK(gp_tok_error(t) == NULL);
    gp_tok_free(t);
}

TEST(multiline_string_position)
{
    gp_tok_t *t = tok("s = '''a\nbc''' + 1");
    gp_token_t tk;
    gp_tok_next(t, &tk);
    gp_tok_next(t, &tk);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_STRING);
    CHECK(text_is(&tk, "'''a\nbc'''"));
    CHECK_EQ(tk.lineno, 1);
    CHECK_EQ(tk.col_offset, 4);
    CHECK_EQ(tk.end_lineno, 2);
    CHECK_EQ(tk.end_col_offset, 5);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_PLUS);
    CHECK_EQ(tk.lineno, 2);
    CHECK_EQ(tk.col_offset, 6);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NUMBER);
    /* the missing final newline: a NEWLINE without text */
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NEWLINE);
    CHECK_EQ(tk.len, 0);
    CHECK_EQ(tk.col_offset, 9);
    CHECK_EQ(tk.end_col_offset, 10);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_ENDMARKER);
    gp_tok_free(t);
}

TEST(kind_names)
{
    CHECK(!strcmp(gp_token_name(GP_TOK_ENDMARKER), "ENDMARKER"));
    CHECK(!strcmp(gp_token_name(GP_TOK_COLONEQUAL), "COLONEQUAL"));
    CHECK(!strcmp(gp_token_name(GP_TOK_ENCODING), "ENCODING"));
    CHECK(!strcmp(gp_token_name(-1), "?"));
    CHECK(!strcmp(gp_token_name(GP_TOK_N_TOKENS), "?"));
    /* the numbers of Python 3.11's token module */
    CHECK_EQ(GP_TOK_LPAR, 7);
    CHECK_EQ(GP_TOK_COLONEQUAL, 53);
    CHECK_EQ(GP_TOK_OP, 54);
    CHECK_EQ(GP_TOK_ERROR, 60);
    CHECK_EQ(GP_TOK_N_TOKENS, 64);
    int ops = 0;
    for (int k = 0; k < GP_TOK_N_TOKENS; k++) {
        const char *s = gp_token_op_text(k);
        if (!s)
            continue;
        ops++;
        CHECK_EQ(gp_token_op_kind(s, strlen(s)), k);
    }
    CHECK_EQ(ops, 47);
    CHECK_EQ(gp_token_op_kind("<>", 2), GP_TOK_NOTEQUAL);
    CHECK_EQ(gp_token_op_kind("$", 1), GP_TOK_OP);
    CHECK(gp_token_op_text(GP_TOK_NAME) == NULL);
}

/* What CPython's C tokenizer gives where the tokenize module differs. */
TEST(c_tokenizer_kinds)
{
    CHECK_KINDS("async def f(): await x\n",
                "ASYNC NAME NAME LPAR RPAR COLON AWAIT NAME NEWLINE "
                "ENDMARKER");
    CHECK_KINDS("asyncio = awaited\n", "NAME EQUAL NAME NEWLINE ENDMARKER");
    /* no operator: OP, for the parser to reject */
    CHECK_KINDS("x = $ ? ! ` <>\n",
                "NAME EQUAL OP OP OP OP NOTEQUAL NEWLINE ENDMARKER");
    /* a backslash in the indentation: the indentation is the first
    ** line's, and the comment line after it is blank */
    CHECK_KINDS("x = 1\n  \\\n# c\ny = 2\n",
                "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE "
                "ENDMARKER");
    CHECK_KINDS("\\\n  y = 2\n",
                "INDENT NAME EQUAL NUMBER NEWLINE DEDENT ENDMARKER");
    /* combining marks, XID_Continue-only characters, astral letters */
    CHECK_KINDS("e\xcc\x81 = 1\n", "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    CHECK_KINDS("\xe2\x84\x98 = a\xc2\xb7" "b\n",
                "NAME EQUAL NAME NEWLINE ENDMARKER");
    CHECK_KINDS("\xf0\x9d\x94\x98\xf0\x9d\x94\xab = 1\n",
                "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    /* numbers right before a keyword: CPython only warns */
    CHECK_KINDS("1if x else 2\n",
                "NUMBER NAME NAME NAME NUMBER NEWLINE ENDMARKER");
    CHECK_KINDS("", "ENDMARKER");
    CHECK_KINDS("\n\n  \n# c\n", "ENDMARKER");
    CHECK_KINDS("\xef\xbb\xbf", "ENDMARKER");
    CHECK_KINDS("x = [\n\n  1,\n# c\n]\n",
                "NAME EQUAL LSQB NUMBER COMMA RSQB NEWLINE ENDMARKER");
}

TEST(null_source)
{
    gp_tok_t *t = gp_tok_new(NULL, 0, NULL);
    gp_token_t tk;
    CHECK(t != NULL);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_ENDMARKER);
    CHECK_EQ(tk.lineno, 1);
    gp_tok_free(t);
    gp_tok_free(NULL);
}

/* The SyntaxError attributes, end_offset and text included. */
TEST(error_attributes)
{
    check_error("x = (1]\n", "SyntaxError", "closing parenthesis ']' does "
                "not match opening parenthesis '('", 1, 7, 7, "x = (1]");
    check_error("if x:\n    a\n  b\n", "IndentationError", "unindent does "
                "not match any outer indentation level", 3, 4, -1, "  b\n");
    check_error("if x:\n\ta\n        b\n", "TabError", "inconsistent use of "
                "tabs and spaces in indentation", 3, 1, 0, "        b\n");
    check_error("x = 'abc", "SyntaxError", "unterminated string literal "
                "(detected at line 1)", 1, 5, 5, "x = 'abc");
    check_error("x = 0777\n", "SyntaxError", "leading zeros in decimal "
                "integer literals are not permitted; use an 0o prefix for "
                "octal integers", 1, 5, 6, "x = 0777");
    check_error("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5, 0,
                "x = (1,\n");
    check_error("foo(1,\n  2,\n", "SyntaxError", "'(' was never closed", 1,
                4, 0, "foo(1,");
    check_error("\xc2\xb7" "a = 1\n", "SyntaxError",
                "invalid character '\xc2\xb7' (U+00B7)", 1, 1, 1,
                "\xc2\xb7" "a = 1");
    check_error("x = 1 + \\", "SyntaxError", "unexpected EOF while parsing",
                1, 10, -1, "x = 1 + \\\n");
}

/* Errors the parser reports count from the first line of a statement
** continued by a backslash or a multi-line string (CPython's tok->buf). */
TEST(error_offsets_across_lines)
{
    check_error("x = 1 + \\\n  2 + \\\n  3 \\ 4\n", "SyntaxError",
                "unexpected character after line continuation character", 3,
                24, 0, "x = 1 + \\\n  2 + \\\n  3 \\ 4\n");
    check_error("\xc3\xa9 = 1 + \\\n  2 \\ 4\n", "SyntaxError",
                "unexpected character after line continuation character", 2,
                16, 0, "\xc3\xa9 = 1 + \\\n  2 \\ 4\n");
    check_error("x = '''\xc3\xa9\nb''' + \\\n", "SyntaxError",
                "unexpected EOF while parsing", 2, 8, -1,
                "x = '''\xc3\xa9\nb''' + \\\n");
    check_error("x = '''\xc3\xa9\nb''' + (1,\n", "SyntaxError",
                "'(' was never closed", 2, 8, 0,
                "x = '''\xc3\xa9\nb''' + (1,\n");
    check_error("x = '''\xc3\xa9\nb''' + (1,\n\n", "SyntaxError",
                "'(' was never closed", 2, 8, 0, "b''' + (1,");
}

/* Encodings: CPython decodes any codec; gilpy reads UTF-8, Latin-1 and
** ASCII and says so for the rest. */
TEST(encodings)
{
    gp_tok_t *t = tok("# coding: latin-1\ns = '\xe9'\n");
    gp_token_t tk;
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_NAME);
    CHECK_EQ(tk.lineno, 2);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_EQUAL);
    CHECK_EQ(gp_tok_next(t, &tk), GP_TOK_STRING);
    CHECK(text_is(&tk, "'\xc3\xa9'"));      /* now UTF-8 */
    gp_tok_free(t);

    CHECK_KINDS("# -*- coding: utf8 -*-\n\xc3\xa9 = 1\n",
                "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    CHECK_KINDS("#!/usr/bin/python\n# vim: fileencoding=UTF_8\nx\n",
                "NAME NEWLINE ENDMARKER");
    CHECK_KINDS("x = 1\n# coding: cp1252\n", "NAME EQUAL NUMBER NEWLINE "
                "ENDMARKER");           /* line 1 is code: no declaration */
    CHECK_KINDS("# coding: cp1252", "ENDMARKER");   /* no '\n': none */
    check_error("# coding: cp1252\nx = 1\n", "SyntaxError",
                "encoding problem: cp1252 (gilpy reads only utf-8, latin-1 "
                "and ascii source)", 0, -1, -1, NULL);
    check_error("\n# coding: foobar\nx = 1\n", "SyntaxError",
                "encoding problem: foobar (gilpy reads only utf-8, latin-1 "
                "and ascii source)", 0, -1, -1, NULL);
    check_error("\xef\xbb\xbf# coding: utf8\nx = 1\n", "SyntaxError",
                "encoding problem: utf8 with BOM", 0, -1, -1, NULL);
    CHECK_KINDS("\xef\xbb\xbf# coding: UTF-8-sig\nx\n",
                "NAME NEWLINE ENDMARKER");
    /* the first "coding" without ':' or '=' does not stop the search */
    t = tok("# coding is fun; coding= latin-1\nx = '\xff'\n");
    while (gp_tok_next(t, &tk) != GP_TOK_STRING) {
    }
    CHECK(text_is(&tk, "'\xc3\xbf'"));
    gp_tok_free(t);
}

/* Bad bytes are reported when the tokenizer reaches their line, as
** CPython reads a file; an earlier error wins. */
TEST(bad_bytes)
{
    gp_tok_t *t = tok("x = 1\ny = '\xff'\n");
    gp_token_t tk;
    int n = 0;
    while (gp_tok_next(t, &tk) != GP_TOK_ERROR)
        n++;
    CHECK_EQ(n, 4);                         /* x = 1 NEWLINE */
    const gp_tok_error_t *e = gp_tok_error(t);
    CHECK(e && !strcmp(e->msg, "Non-UTF-8 code starting with '\\xff' in "
                       "file <test> on line 2, but no encoding declared; "
                       "see https://peps.python.org/pep-0263/ for details"));
    CHECK(e && e->lineno == 2 && e->offset == 6);
    gp_tok_free(t);
    check_error("x = 0777\ny = '\xff'\n", "SyntaxError", "leading zeros in "
                "decimal integer literals are not permitted; use an 0o "
                "prefix for octal integers", 1, 5, 6, "x = 0777");
    check_error("x = '\xed\xa0\x80'\n", "SyntaxError",  /* a surrogate */
                "Non-UTF-8 code starting with '\\xed' in file <test> on "
                "line 1, but no encoding declared; see "
                "https://peps.python.org/pep-0263/ for details", 1, 6, 6,
                NULL);
    check_error("s = '''abc\n\xff'''\n", "SyntaxError",   /* in a string */
                "Non-UTF-8 code starting with '\\xff' in file <test> on "
                "line 2, but no encoding declared; see "
                "https://peps.python.org/pep-0263/ for details", 2, 1, 1,
                NULL);
    check_error("# coding: utf-8\nx = '\xc3'\n", "SyntaxError",
                "Non-UTF-8 code starting with '\\xc3' in file <test> on "
                "line 2", 2, 6, 6, NULL);
    t = gp_tok_new("x = 1\ny\0 = 2\n", 13, NULL);
    n = 0;
    while (gp_tok_next(t, &tk) != GP_TOK_ERROR)
        n++;
    CHECK_EQ(n, 4);
    e = gp_tok_error(t);
    CHECK(e && !strcmp(e->msg, "source code cannot contain null bytes"));
    CHECK(e && e->lineno == 2 && e->offset == 2);
    gp_tok_free(t);
}

static char *parens(int n)
{
    char *s = malloc(2 * (size_t)n + 1);
    memset(s, '(', (size_t)n);
    memset(s + n, ')', (size_t)n);
    s[2 * n] = 0;
    return s;
}

/* Deep but legal nesting, then one more. */
TEST(limits)
{
    char *src = parens(200);
    gp_tok_t *t = tok(src);
    gp_token_t tk;
    int k, count = 0;
    while ((k = gp_tok_next(t, &tk)) != GP_TOK_ENDMARKER && k != GP_TOK_ERROR)
        count++;
    CHECK_EQ(k, GP_TOK_ENDMARKER);
    CHECK_EQ(count, 401);               /* and NEWLINE */
    gp_tok_free(t);
    free(src);
    src = parens(201);
    check_error(src, "SyntaxError", "too many nested parentheses", 1, 201,
                201, src);
    free(src);
}
