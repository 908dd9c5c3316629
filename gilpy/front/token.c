/*
** token.c — names and operator texts of the token kinds of token.h.
*/
#include "token.h"

#include <string.h>

static const char *const names[GP_TOK_N_TOKENS] = {
#define GP_TOKEN_NAME_(kind, text) #kind,
    GP_TOKEN_LIST(GP_TOKEN_NAME_)
#undef GP_TOKEN_NAME_
};

static const char *const op_texts[GP_TOK_N_TOKENS] = {
#define GP_TOKEN_TEXT_(kind, text) text,
    GP_TOKEN_LIST(GP_TOKEN_TEXT_)
#undef GP_TOKEN_TEXT_
};

const char *gp_token_name(int kind)
{
    if (kind < 0 || kind >= GP_TOK_N_TOKENS)
        return "?";
    return names[kind];
}

const char *gp_token_op_text(int kind)
{
    if (kind < 0 || kind >= GP_TOK_N_TOKENS)
        return NULL;
    return op_texts[kind];
}

int gp_token_op_kind(const char *s, size_t len)
{
    if (len == 2 && s[0] == '<' && s[1] == '>')
        return GP_TOK_NOTEQUAL;
    for (int k = 0; k < GP_TOK_N_TOKENS; k++)
        if (op_texts[k] && strlen(op_texts[k]) == len
            && memcmp(op_texts[k], s, len) == 0)
            return k;
    return GP_TOK_OP;
}
