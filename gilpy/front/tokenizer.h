/*
** tokenizer.h — gilpy's tokenizer: source bytes in, the token stream that
** CPython 3.11's C tokenizer hands its parser out, errors included.
**
**   gp_tok_t *t = gp_tok_new(src, len, "prog.py");
**   gp_token_t tk;
**   while ((kind = gp_tok_next(t, &tk)) != GP_TOK_ENDMARKER) {
**       if (kind == GP_TOK_ERROR) { report(gp_tok_error(t)); break; }
**       ...
**   }
**   gp_tok_free(t);
**
** The stream has no COMMENT, NL or ENCODING tokens: blank and comment-only
** lines produce nothing, newlines inside brackets are skipped, a missing
** final newline still gives a NEWLINE (with empty text), and every open
** indentation level is closed by a DEDENT before ENDMARKER.
**
** Positions follow CPython's AST convention: lines 1-based, columns 0-based
** UTF-8 byte offsets into the line.  INDENT spans the indentation, DEDENT
** is empty at the first token of its line, and the NEWLINE, DEDENT and
** ENDMARKER tokens at the end of the file are placed where Python's
** `tokenize` module puts them (CPython's C tokenizer gives INDENT/DEDENT no
** position at all).
*/
#ifndef GP_TOKENIZER_H
#define GP_TOKENIZER_H

#include <stddef.h>

#include "token.h"

typedef struct gp_tok gp_tok_t;

typedef struct {
    int kind;               /* gp_token_kind_t */
    /* The token's text inside the tokenizer's copy of the source: UTF-8
    ** with "\r\n" and "\r" turned into "\n", without the BOM.  Valid until
    ** gp_tok_free(); not NUL-terminated. */
    const char *start;
    size_t len;
    int lineno, col_offset;          /* first character */
    int end_lineno, end_col_offset;  /* just past the last one */
} gp_token_t;

typedef enum {
    GP_EXC_SYNTAX,          /* SyntaxError */
    GP_EXC_INDENTATION,     /* IndentationError */
    GP_EXC_TAB              /* TabError */
} gp_exc_kind_t;

/* What CPython 3.11's compile() would raise for the same source: the
** exception class, message, and the SyntaxError attributes. */
typedef struct {
    gp_exc_kind_t type;
    const char *type_name;  /* "SyntaxError", "IndentationError", "TabError" */
    const char *msg;
    int lineno;             /* 0 for a problem with the encoding declaration */
    int offset;             /* 1-based, in characters; -1 when unknown */
    int end_lineno;
    int end_offset;         /* 0 or -1 where CPython has no end */
    const char *text;       /* the offending line, or NULL (None) */
} gp_tok_error_t;

/* Prepares src[0..len) for tokenizing (copied: src may go away): skips a
** UTF-8 BOM and honours a PEP 263 coding declaration on line 1 or 2.
** UTF-8, Latin-1 and ASCII declarations are read; any other encoding is
** reported by the first gp_tok_next() as a SyntaxError ("encoding
** problem: ...") — gilpy carries no codecs.  NULL only when out of memory.
** filename (may be NULL) only appears in error messages. */
gp_tok_t *gp_tok_new(const char *src, size_t len, const char *filename);

/* Fills *out with the next token and returns its kind; GP_TOK_ERROR after
** an error (and again on every later call).  After ENDMARKER, ENDMARKER
** again. */
int gp_tok_next(gp_tok_t *t, gp_token_t *out);

/* The error that stopped the tokenizer, or NULL. */
const gp_tok_error_t *gp_tok_error(const gp_tok_t *t);

void gp_tok_free(gp_tok_t *t);

/* The number of characters in the UTF-8 text s[0..nbytes): byte columns to
** character columns. */
int gp_utf8_count(const char *s, size_t nbytes);

#endif
