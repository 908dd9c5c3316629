/*
** token.h — the token kinds of gilpy: the names and numbers of Python
** 3.11's `token` module (Grammar/Tokens), one exact kind per operator, so
** a kind printed as a number means the same thing on both sides.
**
** The tokenizer produces ENDMARKER .. COLONEQUAL; ASYNC and AWAIT for
** the names "async" and "await" (3.11's grammar is written with these
** tokens: they became keywords only in 3.12); and OP for a printable
** character that is no operator ('$', '?', '!' alone, '`'), exactly as
** CPython's C tokenizer does: the parser turns that into "invalid syntax".
** TYPE_IGNORE, TYPE_COMMENT, SOFT_KEYWORD, ERRORTOKEN (but see
** GP_TOK_ERROR), COMMENT, NL and ENCODING exist to keep the numbering.
*/
#ifndef GP_TOKEN_H
#define GP_TOKEN_H

#include <stddef.h>

/* X(kind, operator text or NULL) */
#define GP_TOKEN_LIST(X) \
    X(ENDMARKER, NULL) \
    X(NAME, NULL) \
    X(NUMBER, NULL) \
    X(STRING, NULL) \
    X(NEWLINE, NULL) \
    X(INDENT, NULL) \
    X(DEDENT, NULL) \
    X(LPAR, "(") \
    X(RPAR, ")") \
    X(LSQB, "[") \
    X(RSQB, "]") \
    X(COLON, ":") \
    X(COMMA, ",") \
    X(SEMI, ";") \
    X(PLUS, "+") \
    X(MINUS, "-") \
    X(STAR, "*") \
    X(SLASH, "/") \
    X(VBAR, "|") \
    X(AMPER, "&") \
    X(LESS, "<") \
    X(GREATER, ">") \
    X(EQUAL, "=") \
    X(DOT, ".") \
    X(PERCENT, "%") \
    X(LBRACE, "{") \
    X(RBRACE, "}") \
    X(EQEQUAL, "==") \
    X(NOTEQUAL, "!=") \
    X(LESSEQUAL, "<=") \
    X(GREATEREQUAL, ">=") \
    X(TILDE, "~") \
    X(CIRCUMFLEX, "^") \
    X(LEFTSHIFT, "<<") \
    X(RIGHTSHIFT, ">>") \
    X(DOUBLESTAR, "**") \
    X(PLUSEQUAL, "+=") \
    X(MINEQUAL, "-=") \
    X(STAREQUAL, "*=") \
    X(SLASHEQUAL, "/=") \
    X(PERCENTEQUAL, "%=") \
    X(AMPEREQUAL, "&=") \
    X(VBAREQUAL, "|=") \
    X(CIRCUMFLEXEQUAL, "^=") \
    X(LEFTSHIFTEQUAL, "<<=") \
    X(RIGHTSHIFTEQUAL, ">>=") \
    X(DOUBLESTAREQUAL, "**=") \
    X(DOUBLESLASH, "//") \
    X(DOUBLESLASHEQUAL, "//=") \
    X(AT, "@") \
    X(ATEQUAL, "@=") \
    X(RARROW, "->") \
    X(ELLIPSIS, "...") \
    X(COLONEQUAL, ":=") \
    X(OP, NULL) \
    X(AWAIT, NULL) \
    X(ASYNC, NULL) \
    X(TYPE_IGNORE, NULL) \
    X(TYPE_COMMENT, NULL) \
    X(SOFT_KEYWORD, NULL) \
    X(ERRORTOKEN, NULL) \
    X(COMMENT, NULL) \
    X(NL, NULL) \
    X(ENCODING, NULL)

typedef enum {
#define GP_TOKEN_ENUM_(kind, text) GP_TOK_##kind,
    GP_TOKEN_LIST(GP_TOKEN_ENUM_)
#undef GP_TOKEN_ENUM_
    GP_TOK_N_TOKENS,
    /* What gp_tok_next() returns on an error (ERRORTOKEN, as in CPython). */
    GP_TOK_ERROR = GP_TOK_ERRORTOKEN
} gp_token_kind_t;

/* "NAME", "LPAR", ...; "?" for a number that is no kind. */
const char *gp_token_name(int kind);

/* The operator text of an exact operator kind ("(", "**="), else NULL. */
const char *gp_token_op_text(int kind);

/* The exact kind of operator text s[0..len), or GP_TOK_OP if none.  "<>"
** is NOTEQUAL, as in CPython (the parser rejects it unless it is "!="). */
int gp_token_op_kind(const char *s, size_t len);

#endif
