/*
** tokenizer.c — gilpy's tokenizer: the token stream and the SyntaxErrors
** of CPython 3.11's C tokenizer as its parser sees them (compile() of a
** string), written afresh.
**
** The source is first prepared as a whole (prepare()): BOM skipped, coding
** declaration honoured, "\r\n" and "\r" turned into "\n", a final "\n"
** added.  The scanner then reads it byte by byte through nextc(), which
** advances line by line exactly where CPython's reader does: a new line is
** entered (lineno++, line_start) only when a character of it is wanted.
** Error positions depend on that, so the scanner keeps CPython's order of
** reads and one-character backups (backup()).
**
** Errors come in two shapes, because CPython reports them from two places:
**   * err_here(): the tokenizer raises SyntaxError itself; offset counts
**     the characters of the line up to the scan position, text is the line
**     without its newline.  Numbers, strings, brackets, bad characters.
**   * err_located(): the tokenizer only returns an error code and the
**     parser builds the exception from a byte offset into the text from
**     buf_line to the end of the current line (usually just the current
**     line, with its newline), converting bytes to characters.
**     Indentation, TabError, line continuation, end of file.
**
** Where gilpy differs from CPython 3.11, on purpose:
**   * Encodings: CPython decodes any codec a PEP 263 declaration names;
**     gilpy carries no codecs and reads UTF-8, Latin-1 and ASCII (with
**     their aliases), reporting any other as "encoding problem: NAME
**     (gilpy reads only ...)" — CPython's own wording for a file whose
**     codec is unknown, plus the reason.  A BOM with another declaration
**     and undecodable ASCII are reported as CPython does.
**   * Bytes that are not UTF-8 are reported when the tokenizer reaches
**     their line, with the message CPython gives when it runs a file
**     ("Non-UTF-8 code starting with ..."); compile() of bytes reports
**     them later, from the parser.  A NUL byte is a SyntaxError, "source
**     code cannot contain null bytes", as from CPython 3.12 on (3.11's
**     compile() raises ValueError; its file reader drops the rest of
**     the line).
**   * Positions CPython's tokenizer leaves undefined (INDENT, DEDENT, the
**     end-of-file tokens) or odd (NEWLINE) follow Python's tokenize module.
**   * Not here: the SyntaxWarning for "1if x else y" literals (the scan
**     accepts them, as CPython does), type comments, the async_hacks mode
**     of feature_version < 3.7, interactive mode.  Identifiers are not
**     NFKC-normalized: CPython does that in the parser, so the token text
**     is the source text in both.
*/
#include "tokenizer.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniclass.h"

#define MAXINDENT 100       /* CPython's limits, which its messages name */
#define MAXLEVEL 200
#define TABSIZE 8
#define ALTTABSIZE 1        /* a second reading of tabs catches mixed use */
#define END (-1)            /* nextc() at the end of the input */

enum { RUN, AT_EOF, FAILED };
enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII };
enum { P_B = 1, P_R = 2, P_U = 4, P_F = 8 };   /* string prefix letters */

struct gp_tok {
    char *buf;              /* the prepared source, NUL-terminated */
    const char *end;        /* buf + its length */
    const char *implicit_nl;/* the '\n' prepare() appended, or NULL */
    const char *poison;     /* first byte that may not be read, or NULL */
    int poison_nul;         /* ... a NUL (else: invalid UTF-8) */
    int declared;           /* the source declared its encoding */
    int ws_tail;            /* the source ends in an unterminated line of
                               whitespace (see emit_at_eof()) */
    char *filename;

    const char *cur;        /* next byte */
    const char *inp;        /* end of the current line (past its '\n') */
    const char *line_start;
    int lineno;
    int state;              /* RUN, AT_EOF, FAILED */
    /* The start of the last line entered between tokens (CPython's
    ** tok->buf): lines entered inside a token — a multi-line string, a
    ** backslash continuation — leave it behind, and errors the parser
    ** reports count their columns from it. */
    const char *buf_line;
    int between_tokens;     /* reading indentation */
    int continuing;         /* in continuation() */
    int line_continued;     /* the current line was entered by it */

    const char *tstart;     /* start of the token being scanned */
    int first_lineno;       /* where the string being scanned began */
    const char *multi_line_start;

    int atbol;              /* at the beginning of a line */
    int indent;             /* top of indstack */
    int pendin;             /* INDENTs (> 0) or DEDENTs (< 0) to give */
    int indstack[MAXINDENT];
    int altindstack[MAXINDENT];
    /* an indentation split by a backslash: where tokenize puts INDENT */
    const char *split_line; /* start of the line holding the backslash */
    const char *split_at;   /* the backslash (NULL: no split) */
    int split_lineno;
    int level;              /* open brackets */
    char parenstack[MAXLEVEL];
    int parenline[MAXLEVEL];
    int parencol[MAXLEVEL]; /* byte column */

    int finished;           /* ENDMARKER given */
    gp_token_t endmarker;
    int failed;
    int msg_owned;          /* err.msg is ours to free */
    gp_tok_error_t err;
};

/* ---- errors ------------------------------------------------------------ */

static const char *const exc_names[] = {
    "SyntaxError", "IndentationError", "TabError"
};

static size_t line_len(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? (size_t)(nl - p) : (size_t)(end - p);
}

/* Records the first error; later ones (consequences) are dropped.  text
** may be NULL.  Returns GP_TOK_ERROR for the scanner to pass up. */
static int verr(gp_tok_t *t, gp_exc_kind_t type, int lineno, int offset,
                int end_lineno, int end_offset, const char *text,
                size_t textlen, const char *fmt, va_list ap)
{
    t->state = FAILED;
    if (t->failed)
        return GP_TOK_ERROR;
    t->failed = 1;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    char *txt = NULL;
    if (text && (txt = malloc(textlen + 1))) {
        memcpy(txt, text, textlen);
        txt[textlen] = 0;
    }
    t->msg_owned = msg != NULL;
    t->err = (gp_tok_error_t){
        .type = type, .type_name = exc_names[type],
        .msg = msg ? msg : "out of memory",
        .lineno = lineno, .offset = offset,
        .end_lineno = end_lineno, .end_offset = end_offset, .text = txt,
    };
    return GP_TOK_ERROR;
}

static int err_full(gp_tok_t *t, gp_exc_kind_t type, int lineno, int offset,
                    int end_lineno, int end_offset, const char *text,
                    size_t textlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(t, type, lineno, offset, end_lineno, end_offset, text, textlen,
         fmt, ap);
    va_end(ap);
    return GP_TOK_ERROR;
}

/* A SyntaxError raised by the tokenizer at the scan position: the offset
** is the number of characters before it on the line, so it designates the
** last character read. */
static int err_here(gp_tok_t *t, const char *fmt, ...)
{
    int off = gp_utf8_count(t->line_start, (size_t)(t->cur - t->line_start));
    va_list ap;
    va_start(ap, fmt);
    verr(t, GP_EXC_SYNTAX, t->lineno, off, t->lineno, off, t->line_start,
         line_len(t->line_start, t->end), fmt, ap);
    va_end(ap);
    return GP_TOK_ERROR;
}

/* The same with the columns given, as raw 1-based byte columns (CPython
** reports the leading-zeros error that way, unconverted). */
static int err_range(gp_tok_t *t, int col, int end_col, const char *msg)
{
    return err_full(t, GP_EXC_SYNTAX, t->lineno, col, t->lineno, end_col,
                    t->line_start, line_len(t->line_start, t->end), "%s",
                    msg);
}

/* CPython's parser turning a 1-based byte offset into characters: the
** characters in the first `off` bytes of the line (text with its newline,
** len bytes); one past the end counts one more. */
static int located_offset(const char *line, size_t len, long off)
{
    if (off <= 0)
        return (int)off;
    if ((size_t)off > len + 1)
        off = (long)len + 1;
    if ((size_t)off > len)
        return gp_utf8_count(line, len) + 1;
    return gp_utf8_count(line, (size_t)off);
}

/* An error the parser reports on the current line, from a 1-based byte
** offset (0: none) that it applies to the text from buf_line on, whatever
** it was counted from; end_offset is passed through as CPython has it (0
** or -1: no end). */
static int err_located(gp_tok_t *t, gp_exc_kind_t type, long byte_off,
                       int end_offset, const char *msg)
{
    size_t len = (size_t)(t->inp - t->buf_line);
    int off = located_offset(t->buf_line, len, byte_off);
    return err_full(t, type, t->lineno, off, t->lineno, end_offset,
                    t->buf_line, len, "%s", msg);
}

/* The end of the input inside brackets: the innermost open one is
** reported on its own line. */
static int err_unclosed(gp_tok_t *t)
{
    int i = t->level - 1;
    int lineno = t->parenline[i];
    const char *line;
    size_t len;
    if (t->lineno <= lineno) {
        line = t->buf_line;             /* the current line, with '\n' */
        len = (size_t)(t->inp - t->buf_line);
    } else {
        line = t->buf;
        for (int n = 1; n < lineno; n++)
            line = memchr(line, '\n', (size_t)(t->end - line)) + 1;
        len = line_len(line, t->end);
    }
    int off = located_offset(line, len, t->parencol[i] + 1);
    return err_full(t, GP_EXC_SYNTAX, lineno, off, lineno, 0, line, len,
                    "'%c' was never closed", t->parenstack[i]);
}

/* The input ended where more was required (after a backslash). */
static int err_eof(gp_tok_t *t)
{
    if (t->level)
        return err_unclosed(t);
    t->cur = t->inp;
    return err_located(t, GP_EXC_SYNTAX, (long)(t->cur - t->line_start), -1,
                       "unexpected EOF while parsing");
}

/* Entering a line that holds a NUL or invalid UTF-8. */
static void err_poison(gp_tok_t *t)
{
    int off = gp_utf8_count(t->line_start,
                            (size_t)(t->poison - t->line_start)) + 1;
    if (t->poison_nul) {
        err_full(t, GP_EXC_SYNTAX, t->lineno, off, t->lineno, off, NULL, 0,
                 "source code cannot contain null bytes");
        return;
    }
    err_full(t, GP_EXC_SYNTAX, t->lineno, off, t->lineno, off, NULL, 0,
             "Non-UTF-8 code starting with '\\x%02x' in file %s on line "
             "%d%s", (unsigned char)*t->poison,
             t->filename ? t->filename : "<string>", t->lineno,
             t->declared ? "" : ", but no encoding declared; see "
             "https://peps.python.org/pep-0263/ for details");
}

/* ---- reading ----------------------------------------------------------- */

static int nextc(gp_tok_t *t)
{
    while (t->cur == t->inp) {
        if (t->state != RUN)
            return END;
        if (t->inp == t->end) {
            t->state = AT_EOF;
            return END;
        }
        t->line_start = t->inp;
        t->line_continued = t->continuing;
        if (t->between_tokens)
            t->buf_line = t->line_start;
        const char *nl = memchr(t->inp, '\n', (size_t)(t->end - t->inp));
        t->inp = nl ? nl + 1 : t->end;
        t->lineno++;
        if (t->poison && t->poison < t->inp) {
            err_poison(t);
            t->cur = t->inp;
            return END;
        }
    }
    return (unsigned char)*t->cur++;
}

/* Un-reads c, the character nextc() just returned (never across a line). */
static void backup(gp_tok_t *t, int c)
{
    if (c != END)
        t->cur--;
}

int gp_utf8_count(const char *s, size_t nbytes)
{
    int n = 0;
    for (size_t i = 0; i < nbytes; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* Decodes one character of valid UTF-8 at *p (a broken sequence reads as
** U+FFFD, one byte). */
static uint32_t utf8_decode(const char **p, const char *end)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    int n = c < 0x80 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : -1;
    if (n < 0 || n >= end - (const char *)s) {
        *p += 1;
        return n ? 0xfffd : c;
    }
    if (n)
        c &= 0x3f >> n;
    for (int i = 1; i <= n; i++)
        c = c << 6 | (s[i] & 0x3f);
    *p += n + 1;
    return c;
}

/* ---- characters -------------------------------------------------------- */

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_xdigit(int c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* Any byte of a non-ASCII character may begin or continue a name: the
** name is checked against XID_Start/XID_Continue once scanned. */
static int is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
           || c >= 128;
}

static int is_name_char(int c) { return is_name_start(c) || is_digit(c); }

/* ---- names ------------------------------------------------------------- */

/* The scanned name [tstart, cur) holds non-ASCII: it must be XID_Start or
** '_' then XID_Continue.  The error designates the first bad character. */
static int check_name(gp_tok_t *t)
{
    const char *p = t->tstart;
    for (int first = 1; p < t->cur; first = 0) {
        const char *ch = p;
        uint32_t cp = utf8_decode(&p, t->cur);
        if (first ? cp == '_' || gp_uni_is_xid_start(cp)
                  : gp_uni_is_xid_continue(cp))
            continue;
        t->cur = p;
        char hex[16];
        snprintf(hex, sizeof hex, "%04X", (unsigned)cp);
        if (gp_uni_is_printable(cp))
            return err_here(t, "invalid character '%.*s' (U+%s)",
                            (int)(p - ch), ch, hex);
        return err_here(t, "invalid non-printable character U+%s", hex);
    }
    return 0;
}

/* Which prefix letter c adds to the string prefix letters seen (0: it
** cannot extend them).  u combines with nothing; b not with f. */
static int prefix_letter(int c, int seen)
{
    switch (c | 0x20) {
    case 'b': return seen & (P_B | P_U | P_F) ? 0 : P_B;
    case 'r': return seen & (P_R | P_U) ? 0 : P_R;
    case 'u': return seen ? 0 : P_U;
    case 'f': return seen & (P_F | P_B | P_U) ? 0 : P_F;
    default: return 0;
    }
}

/* ---- numbers ----------------------------------------------------------- */

#define BAD (-2)   /* a scan helper has reported an error */

/* More decimal digits with single underscores between them, the first
** digit already read; returns the character after them. */
static int decimal_tail(gp_tok_t *t)
{
    for (;;) {
        int c;
        do
            c = nextc(t);
        while (is_digit(c));
        if (c != '_')
            return c;
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            err_here(t, "invalid decimal literal");
            return BAD;
        }
    }
}

/* s (then a non-name character) follows?  Reads nothing in the end. */
static int followed_by(gp_tok_t *t, const char *s)
{
    const char *p = s;
    int c, ok;
    for (;;) {
        c = nextc(t);
        if (*p == 0) {
            ok = !is_name_char(c);
            break;
        }
        if (c != *p) {
            ok = 0;
            break;
        }
        p++;
    }
    backup(t, c);
    t->cur -= p - s;
    return ok;
}

/* c follows a number: a name character there makes the literal invalid,
** except at the start of a keyword that may follow a number in valid code
** ("1if x else 2", "0x1for" ...: CPython only warns). */
static int number_end_ok(gp_tok_t *t, int c, const char *kind)
{
    int keyword;
    switch (c) {
    case 'a': keyword = followed_by(t, "nd"); break;
    case 'e': keyword = followed_by(t, "lse"); break;
    case 'f': keyword = followed_by(t, "or"); break;
    case 'o': keyword = followed_by(t, "r"); break;
    case 'n': keyword = followed_by(t, "ot"); break;
    case 'i': {
        int c2 = nextc(t);
        keyword = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(t, c2);
        break;
    }
    default: keyword = 0;
    }
    if (!keyword && is_name_char(c)) {
        backup(t, c);
        err_here(t, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* 0o / 0b digits; c is the character after the 'o' or 'b'. */
static int radix_digits(gp_tok_t *t, int c, int radix, const char *kind)
{
    do {
        if (c == '_')
            c = nextc(t);
        if (!(c >= '0' && c < '0' + radix)) {
            if (is_digit(c))
                return err_here(t, "invalid digit '%c' in %s literal", c,
                                kind);
            backup(t, c);
            return err_here(t, "invalid %s literal", kind);
        }
        do
            c = nextc(t);
        while (c >= '0' && c < '0' + radix);
    } while (c == '_');
    if (is_digit(c))
        return err_here(t, "invalid digit '%c' in %s literal", c, kind);
    if (!number_end_ok(t, c, kind))
        return GP_TOK_ERROR;
    backup(t, c);
    return GP_TOK_NUMBER;
}

/* A number from its first digit c, or (after_dot) from the digit c that
** follows a leading '.'. */
static int scan_number(gp_tok_t *t, int c, int after_dot)
{
    int e;
    if (after_dot)
        goto fraction;
    if (c == '0') {
        c = nextc(t);
        if ((c | 0x20) == 'x') {
            c = nextc(t);
            do {
                if (c == '_')
                    c = nextc(t);
                if (!is_xdigit(c)) {
                    backup(t, c);
                    return err_here(t, "invalid hexadecimal literal");
                }
                do
                    c = nextc(t);
                while (is_xdigit(c));
            } while (c == '_');
            if (!number_end_ok(t, c, "hexadecimal"))
                return GP_TOK_ERROR;
            backup(t, c);
            return GP_TOK_NUMBER;
        }
        if ((c | 0x20) == 'o')
            return radix_digits(t, nextc(t), 8, "octal");
        if ((c | 0x20) == 'b')
            return radix_digits(t, nextc(t), 2, "binary");
        /* Zeros, maybe a float or an imaginary; 0777 is no octal. */
        for (;;) {
            if (c == '_') {
                c = nextc(t);
                if (!is_digit(c)) {
                    backup(t, c);
                    return err_here(t, "invalid decimal literal");
                }
            }
            if (c != '0')
                break;
            c = nextc(t);
        }
        const char *zeros_end = t->cur;
        int nonzero = is_digit(c);
        if (nonzero && (c = decimal_tail(t)) == BAD)
            return GP_TOK_ERROR;
        if (c == '.') {
            c = nextc(t);
            goto fraction;
        }
        if ((c | 0x20) == 'e')
            goto exponent;
        if ((c | 0x20) == 'j')
            goto imaginary;
        if (nonzero) {
            backup(t, c);
            return err_range(t, (int)(t->tstart + 1 - t->line_start),
                             (int)(zeros_end - t->line_start),
                             "leading zeros in decimal integer literals are "
                             "not permitted; use an 0o prefix for octal "
                             "integers");
        }
        if (!number_end_ok(t, c, "decimal"))
            return GP_TOK_ERROR;
        backup(t, c);
        return GP_TOK_NUMBER;
    }
    if ((c = decimal_tail(t)) == BAD)
        return GP_TOK_ERROR;
    if (c == '.') {
        c = nextc(t);
fraction:
        if (is_digit(c) && (c = decimal_tail(t)) == BAD)
            return GP_TOK_ERROR;
    }
    if ((c | 0x20) == 'e') {
exponent:
        e = c;
        c = nextc(t);
        if (c == '+' || c == '-') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                return err_here(t, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            /* "1e" is the number 1 before a name, if anything */
            backup(t, c);
            if (!number_end_ok(t, e, "decimal"))
                return GP_TOK_ERROR;
            backup(t, e);
            return GP_TOK_NUMBER;
        }
        if ((c = decimal_tail(t)) == BAD)
            return GP_TOK_ERROR;
    }
    if ((c | 0x20) == 'j') {
imaginary:
        c = nextc(t);
        if (!number_end_ok(t, c, "imaginary"))
            return GP_TOK_ERROR;
    } else if (!number_end_ok(t, c, "decimal")) {
        return GP_TOK_ERROR;
    }
    backup(t, c);
    return GP_TOK_NUMBER;
}

/* ---- strings ----------------------------------------------------------- */

/* From the opening quote (the prefix, if any, read from tstart on) to the
** closing one; escapes only matter for not ending the string. */
static int scan_string(gp_tok_t *t, int quote)
{
    int quote_size = 1, end_quotes = 0;
    t->first_lineno = t->lineno;
    t->multi_line_start = t->line_start;
    int c = nextc(t);
    if (c == quote) {
        c = nextc(t);
        if (c == quote)
            quote_size = 3;
        else
            end_quotes = 1;     /* the empty string */
    }
    if (c != quote)
        backup(t, c);
    while (end_quotes != quote_size) {
        c = nextc(t);
        if (t->state == FAILED)
            return GP_TOK_ERROR;
        if (c == END || (quote_size == 1 && c == '\n')) {
            /* reported at the string's first character, on its first line */
            int detected = t->lineno;
            t->cur = t->tstart + 1;
            t->line_start = t->multi_line_start;
            t->lineno = t->first_lineno;
            return err_here(t, quote_size == 3
                            ? "unterminated triple-quoted string literal "
                              "(detected at line %d)"
                            : "unterminated string literal (detected at "
                              "line %d)", detected);
        }
        if (c == quote) {
            end_quotes++;
        } else {
            end_quotes = 0;
            if (c == '\\')
                nextc(t);
        }
    }
    return GP_TOK_STRING;
}

/* ---- lines ------------------------------------------------------------- */

/* After a backslash: the line must end there and another must follow.
** Returns 0, or -1 after reporting an error. */
static int continuation(gp_tok_t *t)
{
    int c = nextc(t);
    if (c != '\n') {
        if (t->state == FAILED)
            return -1;
        err_located(t, GP_EXC_SYNTAX, (long)(t->cur - t->buf_line), 0,
                    "unexpected character after line continuation "
                    "character");
        return -1;
    }
    t->continuing = 1;      /* the next line is entered from here */
    c = nextc(t);
    t->continuing = 0;
    if (c == END) {
        if (t->state != FAILED)
            err_eof(t);
        return -1;
    }
    backup(t, c);
    return 0;
}

/* Measures the indentation of a new line and queues INDENT/DEDENTs.
** Returns 1 for a blank or comment-only line, 0 otherwise, -1 on error. */
static int read_indentation(gp_tok_t *t)
{
    int col = 0, altcol = 0, cont_col = 0, c;
    t->atbol = 0;
    t->split_at = NULL;
    t->between_tokens = 1;
    for (;;) {
        c = nextc(t);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* an indentation split by backslashes counts up to the first */
            if (!cont_col && col) {
                cont_col = col;
                t->split_line = t->line_start;
                t->split_at = t->cur - 1;
                t->split_lineno = t->lineno;
            }
            if (continuation(t) < 0) {
                t->between_tokens = 0;
                return -1;
            }
        } else {
            break;
        }
        if (col > INT_MAX / 2)
            col = altcol = INT_MAX / 2;  /* absurd, but no overflow */
    }
    backup(t, c);
    t->between_tokens = 0;
    if (t->state == FAILED)
        return -1;
    if (c == '#' || c == '\n')
        return 1;
    if (t->level > 0)
        return 0;
    if (cont_col)
        col = altcol = cont_col;
    if (col == t->indstack[t->indent]) {
        if (altcol != t->altindstack[t->indent])
            goto tabs;
    } else if (col > t->indstack[t->indent]) {
        if (t->indent + 1 >= MAXINDENT) {
            t->cur = t->inp;
            err_located(t, GP_EXC_INDENTATION, 1, 0,
                        "too many levels of indentation");
            return -1;
        }
        if (altcol <= t->altindstack[t->indent])
            goto tabs;
        t->pendin++;
        t->indent++;
        t->indstack[t->indent] = col;
        t->altindstack[t->indent] = altcol;
    } else {
        while (t->indent > 0 && col < t->indstack[t->indent]) {
            t->pendin--;
            t->indent--;
        }
        if (col != t->indstack[t->indent]) {
            t->cur = t->inp;
            err_located(t, GP_EXC_INDENTATION, (long)(t->cur - t->line_start),
                        -1, "unindent does not match any outer indentation "
                        "level");
            return -1;
        }
        if (altcol != t->altindstack[t->indent])
            goto tabs;
    }
    return 0;
tabs:
    t->cur = t->inp;
    err_located(t, GP_EXC_TAB, 1, 0,
                "inconsistent use of tabs and spaces in indentation");
    return -1;
}

/* ---- tokens ------------------------------------------------------------ */

static int emit(gp_tok_t *t, gp_token_t *out, int kind, const char *start,
                const char *end)
{
    out->kind = kind;
    out->start = start;
    out->len = (size_t)(end - start);
    if (kind == GP_TOK_STRING) {
        out->lineno = t->first_lineno;
        out->col_offset = (int)(start - t->multi_line_start);
    } else {
        out->lineno = t->lineno;
        out->col_offset = (int)(start - t->line_start);
    }
    out->end_lineno = t->lineno;
    out->end_col_offset = (int)(end - t->line_start);
    return kind;
}

/* DEDENTs and ENDMARKER after the last line: at column 0 of the line after
** it, as Python's tokenize module places them — which stops on the last
** line instead when that is whitespace without a newline, read between
** statements. */
static int emit_at_eof(gp_tok_t *t, gp_token_t *out, int kind)
{
    int lineno = t->lineno + !(t->ws_tail && t->buf_line == t->line_start
                               && !t->line_continued);
    *out = (gp_token_t){
        .kind = kind, .start = t->end, .len = 0,
        .lineno = lineno, .col_offset = 0,
        .end_lineno = lineno, .end_col_offset = 0,
    };
    return kind;
}

static int emit_operator(gp_tok_t *t, gp_token_t *out, int c)
{
    char s[3] = {(char)c, 0, 0};
    int c2 = nextc(t);
    if (c2 != END) {
        s[1] = (char)c2;
        int kind = gp_token_op_kind(s, 2);
        if (kind != GP_TOK_OP) {
            int c3 = nextc(t);
            if (c3 != END) {
                s[2] = (char)c3;
                int kind3 = gp_token_op_kind(s, 3);
                if (kind3 != GP_TOK_OP)
                    kind = kind3;
                else
                    backup(t, c3);
            }
            return emit(t, out, kind, t->tstart, t->cur);
        }
    }
    backup(t, c2);

    switch (c) {
    case '(': case '[': case '{':
        if (t->level >= MAXLEVEL)
            return err_here(t, "too many nested parentheses");
        t->parenstack[t->level] = (char)c;
        t->parenline[t->level] = t->lineno;
        t->parencol[t->level] = (int)(t->tstart - t->line_start);
        t->level++;
        break;
    case ')': case ']': case '}': {
        if (!t->level)
            return err_here(t, "unmatched '%c'", c);
        t->level--;
        int open = t->parenstack[t->level];
        if ((open == '(' && c != ')') || (open == '[' && c != ']')
            || (open == '{' && c != '}')) {
            if (t->parenline[t->level] != t->lineno)
                return err_here(t, "closing parenthesis '%c' does not match "
                                "opening parenthesis '%c' on line %d", c, open,
                                t->parenline[t->level]);
            return err_here(t, "closing parenthesis '%c' does not match "
                            "opening parenthesis '%c'", c, open);
        }
        break;
    }
    }
    if (c < 0x20 || c >= 0x7f)
        return err_here(t, "invalid non-printable character U+%04X", c);
    return emit(t, out, gp_token_op_kind(s, 1), t->tstart, t->cur);
}

static int scan(gp_tok_t *t, gp_token_t *out)
{
    int c, blankline;
nextline:
    blankline = 0;
    if (t->atbol && (blankline = read_indentation(t)) < 0)
        return GP_TOK_ERROR;
    if (t->pendin != 0) {
        if (t->pendin < 0) {
            t->pendin++;
            if (t->state == AT_EOF)
                return emit_at_eof(t, out, GP_TOK_DEDENT);
            return emit(t, out, GP_TOK_DEDENT, t->cur, t->cur);
        }
        t->pendin--;
        if (!t->split_at)
            return emit(t, out, GP_TOK_INDENT, t->line_start, t->cur);
        *out = (gp_token_t){
            .kind = GP_TOK_INDENT, .start = t->split_line,
            .len = (size_t)(t->split_at - t->split_line),
            .lineno = t->split_lineno, .col_offset = 0,
            .end_lineno = t->split_lineno,
            .end_col_offset = (int)(t->split_at - t->split_line),
        };
        return GP_TOK_INDENT;
    }
again:
    do
        c = nextc(t);
    while (c == ' ' || c == '\t' || c == '\f');
    if (c == '#') {
        while (c != END && c != '\n')
            c = nextc(t);
    }
    if (c == END) {
        if (t->state == FAILED)
            return GP_TOK_ERROR;
        if (t->level)
            return err_unclosed(t);
        return emit_at_eof(t, out, GP_TOK_ENDMARKER);
    }
    t->tstart = t->cur - 1;

    if (is_name_start(c)) {
        int seen = 0, letter;
        while ((letter = prefix_letter(c, seen)) != 0) {
            seen |= letter;
            c = nextc(t);
            if (c == '"' || c == '\'') {
                if (scan_string(t, c) == GP_TOK_ERROR)
                    return GP_TOK_ERROR;
                return emit(t, out, GP_TOK_STRING, t->tstart, t->cur);
            }
        }
        int nonascii = 0;
        while (is_name_char(c)) {
            nonascii |= c >= 128;
            c = nextc(t);
        }
        backup(t, c);
        if (nonascii && check_name(t) == GP_TOK_ERROR)
            return GP_TOK_ERROR;
        /* 3.11's grammar still has ASYNC and AWAIT tokens, not keywords */
        int kind = GP_TOK_NAME;
        if (t->cur - t->tstart == 5 && !memcmp(t->tstart, "async", 5))
            kind = GP_TOK_ASYNC;
        else if (t->cur - t->tstart == 5 && !memcmp(t->tstart, "await", 5))
            kind = GP_TOK_AWAIT;
        return emit(t, out, kind, t->tstart, t->cur);
    }

    if (c == '\n') {
        t->atbol = 1;
        if (blankline || t->level > 0)
            goto nextline;
        const char *nl = t->cur - 1;
        emit(t, out, GP_TOK_NEWLINE, nl, nl == t->implicit_nl ? nl : t->cur);
        out->end_col_offset = out->col_offset + 1;
        return GP_TOK_NEWLINE;
    }

    if (c == '.') {
        c = nextc(t);
        if (is_digit(c)) {
            if (scan_number(t, c, 1) == GP_TOK_ERROR)
                return GP_TOK_ERROR;
            return emit(t, out, GP_TOK_NUMBER, t->tstart, t->cur);
        }
        if (c == '.') {
            int c3 = nextc(t);
            if (c3 == '.')
                return emit(t, out, GP_TOK_ELLIPSIS, t->tstart, t->cur);
            backup(t, c3);
        }
        backup(t, c);
        return emit(t, out, GP_TOK_DOT, t->tstart, t->cur);
    }

    if (is_digit(c)) {
        if (scan_number(t, c, 0) == GP_TOK_ERROR)
            return GP_TOK_ERROR;
        return emit(t, out, GP_TOK_NUMBER, t->tstart, t->cur);
    }

    if (c == '\'' || c == '"') {
        if (scan_string(t, c) == GP_TOK_ERROR)
            return GP_TOK_ERROR;
        return emit(t, out, GP_TOK_STRING, t->tstart, t->cur);
    }

    if (c == '\\') {
        if (continuation(t) < 0)
            return GP_TOK_ERROR;
        goto again;
    }

    return emit_operator(t, out, c);
}

int gp_tok_next(gp_tok_t *t, gp_token_t *out)
{
    if (t->finished) {
        *out = t->endmarker;
        return GP_TOK_ENDMARKER;
    }
    int kind = t->failed ? GP_TOK_ERROR : scan(t, out);
    if (t->failed || kind == GP_TOK_ERROR) {
        *out = (gp_token_t){
            .kind = GP_TOK_ERROR, .start = t->cur, .len = 0,
            .lineno = t->err.lineno, .end_lineno = t->err.lineno,
        };
        return GP_TOK_ERROR;
    }
    if (kind == GP_TOK_ENDMARKER) {
        t->finished = 1;
        t->endmarker = *out;
    }
    return kind;
}

const gp_tok_error_t *gp_tok_error(const gp_tok_t *t)
{
    return t->failed ? &t->err : NULL;
}

/* ---- preparing the source ---------------------------------------------- */

/* A PEP 263 declaration in one line of `size` bytes (a line must hold
** nothing but whitespace before a '#', then "coding" and ':' or '=' at
** least seven bytes before `size`).  Returns the name, malloc'd, or NULL. */
static char *cookie_in_line(const unsigned char *s, size_t size,
                            const unsigned char *end)
{
    size_t i = 0;
    for (; i + 6 < size; i++) {
        if (s[i] == '#')
            break;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f')
            return NULL;
    }
    for (; i + 6 < size; i++) {
        if (memcmp(s + i, "coding", 6) != 0)
            continue;
        const unsigned char *p = s + i + 6;
        if (p >= end || (*p != ':' && *p != '='))
            continue;
        do
            p++;
        while (p < end && (*p == ' ' || *p == '\t'));
        const unsigned char *name = p;
        while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
                           || is_digit(*p) || *p == '-' || *p == '_'
                           || *p == '.'))
            p++;
        if (p > name) {
            char *r = malloc((size_t)(p - name) + 1);
            if (r) {
                memcpy(r, name, (size_t)(p - name));
                r[p - name] = 0;
            }
            return r;
        }
    }
    return NULL;
}

/* Only whitespace, then a comment or the end: line 2 may still declare. */
static int blank_or_comment(const unsigned char *s, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        if (s[i] == '#' || s[i] == '\n' || s[i] == '\r')
            return 1;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f')
            return 0;
    }
    return 1;
}

/* The declaration on line 1, or on line 2 after a blank or comment line;
** as CPython reads strings, a line counts only with its '\n'. */
static char *find_cookie(const unsigned char *s, size_t n)
{
    const unsigned char *end = s + n;
    const unsigned char *nl1 = memchr(s, '\n', n);
    if (!nl1)
        return NULL;
    char *name = cookie_in_line(s, (size_t)(nl1 - s), end);
    if (name || !blank_or_comment(s, (size_t)(nl1 - s)))
        return name;
    const unsigned char *l2 = nl1 + 1;
    const unsigned char *nl2 = memchr(l2, '\n', (size_t)(end - l2));
    if (!nl2)
        return NULL;
    return cookie_in_line(l2, (size_t)(nl2 - l2) + 1, end);
}

/* CPython's own spelling of utf-8 and latin-1 names ("UTF_8" -> "utf-8",
** "latin-1" -> "iso-8859-1"); any other name is returned as it is. */
static const char *normal_name(const char *s)
{
    char b[13];
    size_t i;
    for (i = 0; i < 12 && s[i]; i++)
        b[i] = s[i] == '_' ? '-' : (s[i] >= 'A' && s[i] <= 'Z')
               ? (char)(s[i] + 32) : s[i];
    b[i] = 0;
    if (!strcmp(b, "utf-8") || !strncmp(b, "utf-8-", 6))
        return "utf-8";
    if (!strcmp(b, "latin-1") || !strcmp(b, "iso-8859-1")
        || !strcmp(b, "iso-latin-1") || !strncmp(b, "latin-1-", 8)
        || !strncmp(b, "iso-8859-1-", 11) || !strncmp(b, "iso-latin-1-", 12))
        return "iso-8859-1";
    return s;
}

/* Which of the encodings gilpy reads a codec name means (its aliases as
** Python's codec registry knows them), or -1. */
static int encoding_of(const char *name)
{
    static const char *const utf8[] = {
        "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001",
        NULL};
    static const char *const latin1[] = {
        "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1",
        "iso8859", "8859", "cp819", "ibm819", "csisolatin1", "iso_ir_100",
        "iso_8859_1_1987", NULL};
    static const char *const ascii[] = {
        "ascii", "us_ascii", "us", "646", "ansi_x3.4_1968", "ansi_x3_4_1968",
        "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us",
        "iso_646.irv_1991", "iso_ir_6", NULL};
    static const char *const *const families[] = {utf8, latin1, ascii};
    static const int codes[] = {ENC_UTF8, ENC_LATIN1, ENC_ASCII};

    /* the registry's normalization: lower case, runs of other than
    ** letters, digits and '.' become one '_', none at either end */
    char norm[64];
    size_t n = 0;
    int gap = 0;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if ((c >= 'a' && c <= 'z') || is_digit(c) || c == '.') {
            if (gap && n)
                norm[n++] = '_';
            gap = 0;
            if (n + 2 >= sizeof norm)
                return -1;
            norm[n++] = c;
        } else {
            gap = 1;
        }
    }
    norm[n] = 0;
    for (int f = 0; f < 3; f++)
        for (const char *const *a = families[f]; *a; a++)
            if (!strcmp(norm, *a))
                return codes[f];
    return -1;
}

/* Where valid UTF-8 ends in s[0..n) (n if it does not). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned lo = 0x80, hi = 0xbf;   /* bounds of the second byte */
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            if (c == 0xe0)
                lo = 0xa0;               /* no overlong forms */
            else if (c == 0xed)
                hi = 0x9f;               /* no surrogates */
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            if (c == 0xf0)
                lo = 0x90;
            else if (c == 0xf4)
                hi = 0x8f;               /* nothing above U+10FFFF */
        } else {
            return i;
        }
        if (n - i <= need || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= need; k++)
            if ((s[i + k] & 0xc0) != 0x80)
                return i;
        i += need + 1;
    }
    return n;
}

/* An error found before the first token: encoding declarations. */
static void early_error(gp_tok_t *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(t, GP_EXC_SYNTAX, 0, -1, 0, -1, NULL, 0, fmt, ap);
    va_end(ap);
}

/* Fills t->buf from the raw source; returns -1 when out of memory. */
static int prepare(gp_tok_t *t, const unsigned char *s, size_t n)
{
    int bom = n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf;
    if (bom)
        s += 3, n -= 3;
    int enc = ENC_UTF8;
    char *cookie = find_cookie(s, n);
    if (cookie) {
        const char *name = normal_name(cookie);
        t->declared = 1;
        if (bom && strcmp(name, "utf-8") != 0)
            early_error(t, "encoding problem: %s with BOM", name);
        else if ((enc = encoding_of(name)) < 0)
            early_error(t, "encoding problem: %s (gilpy reads only utf-8, "
                        "latin-1 and ascii source)", name);
        free(cookie);
    }
    if (enc == ENC_ASCII) {
        for (size_t i = 0; i < n; i++)
            if (s[i] >= 0x80) {
                early_error(t, "'ascii' codec can't decode byte 0x%02x in "
                            "position %zu: ordinal not in range(128)", s[i], i);
                break;
            }
    }
    if (n > INT_MAX / 4) {
        early_error(t, "source too large for gilpy (%zu bytes)", n);
        n = 0;
    }

    /* newlines as "\n" only, Latin-1 as UTF-8, one final '\n' */
    char *o = t->buf = malloc(2 * n + 2);
    if (!o)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '\r') {
            *o++ = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else if (c >= 0x80 && enc == ENC_LATIN1) {
            *o++ = (char)(0xc0 | c >> 6);
            *o++ = (char)(0x80 | (c & 0x3f));
        } else {
            *o++ = (char)c;
        }
    }
    if (o > t->buf && o[-1] != '\n') {
        const char *p = o;
        while (p > t->buf && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\f'))
            p--;
        t->ws_tail = p == t->buf || p[-1] == '\n';
        t->implicit_nl = o;
        *o++ = '\n';
    }
    *o = 0;
    t->end = o;

    size_t len = (size_t)(o - t->buf);
    const char *nul = memchr(t->buf, 0, len);
    size_t bad = utf8_valid_prefix((const unsigned char *)t->buf, len);
    if (nul && (size_t)(nul - t->buf) <= bad) {
        t->poison = nul;
        t->poison_nul = 1;
    } else if (bad < len) {
        t->poison = t->buf + bad;
    }
    return 0;
}

gp_tok_t *gp_tok_new(const char *src, size_t len, const char *filename)
{
    gp_tok_t *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    if (filename && !(t->filename = strdup(filename))) {
        free(t);
        return NULL;
    }
    if (prepare(t, (const unsigned char *)(src ? src : ""), src ? len : 0)
        < 0) {
        gp_tok_free(t);
        return NULL;
    }
    t->cur = t->inp = t->line_start = t->buf_line = t->buf;
    t->tstart = t->buf;
    t->atbol = 1;
    if (t->failed)
        t->state = FAILED;
    return t;
}

void gp_tok_free(gp_tok_t *t)
{
    if (!t)
        return;
    if (t->failed) {
        if (t->msg_owned)
            free((char *)t->err.msg);
        free((char *)t->err.text);
    }
    free(t->filename);
    free(t->buf);
    free(t);
}
