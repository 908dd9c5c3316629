/*
** opnames.c — the opcode names (opcode.h's gp_opcode_names) and the
** disassembler (dis.h).  Immutable data; gp_dis runs under the GIL.
*/
#include <string.h>
#include "compile/dis.h"
#include "vm/opcode.h"
#include "vm/code.h"
#include "objects/strobj.h"
#include "objects/listobj.h"
#include "objects/abstract.h"
#include "vm/errors.h"

const char *const gp_opcode_names[GP_OP_COUNT] = {
#define GP_OP_NAME(name) #name,
    GP_OP_LIST(GP_OP_NAME)
#undef GP_OP_NAME
};

static void print_str(gp_obj_t *s, FILE *out)
{
    gp_ssize_t n = 0;
    const char *p = s && GP_STR_CHECK(s) ? gp_str_utf8_sp(s, &n) : NULL;
    if (p)
        fwrite(p, 1, (size_t)n, out);
    else
        fputs("?", out);
}

static void print_repr(gp_obj_t *o, FILE *out)
{
    gp_obj_t *r = gp_repr(o);
    if (!r) {
        gp_err_clear();
        fputs("<repr failed>", out);
        return;
    }
    print_str(r, out);
    GP_DECREF(r);
}

static gp_obj_t *slot_name(gp_code_t *co, uint32_t slot)
{
    gp_ssize_t nl = GP_SIZE(co->varnames), nc = GP_SIZE(co->cellvars);
    gp_ssize_t s = (gp_ssize_t)slot;
    if (s < nl)
        return GP_TUPLE_GET(co->varnames, s);
    if (s < nl + nc)
        return GP_TUPLE_GET(co->cellvars, s - nl);
    if (s < nl + nc + GP_SIZE(co->freevars))
        return GP_TUPLE_GET(co->freevars, s - nl - nc);
    return NULL;
}

static void dis_one(gp_code_t *co, FILE *out)
{
    fputs("Disassembly of <code object ", out);
    print_str(co->qualname, out);
    fprintf(out, ", line %d> (stack %d, blocks %d, flags 0x%x):\n",
            co->firstlineno, co->stacksize, co->blocksize, co->flags);
    uint32_t ext = 0;
    int lastline = -1;
    for (gp_ssize_t i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        int op = (int)GP_INSTR_OP(w);
        uint32_t arg = (ext << 24) | GP_INSTR_ARG(w);
        int line = co->pos ? co->pos[i].line : 0;
        if (line != lastline)
            fprintf(out, "%4d ", line);
        else
            fputs("     ", out);
        lastline = line;
        fprintf(out, "%6ld %-22s", (long)i,
                op < GP_OP_COUNT ? gp_opcode_names[op] : "<bad>");
        if (op == GP_OP_EXTENDED_ARG) {
            ext = arg;
            fprintf(out, " %u\n", arg);
            continue;
        }
        ext = 0;
        fprintf(out, " %u", arg);
        switch (op) {
        case GP_OP_LOAD_CONST: case GP_OP_KW_NAMES:
            if ((gp_ssize_t)arg < GP_SIZE(co->consts)) {
                fputs(" (", out);
                gp_obj_t *k = GP_TUPLE_GET(co->consts, arg);
                if (GP_CODE_CHECK(k)) {
                    fputs("<code ", out);
                    print_str(((gp_code_t *)k)->qualname, out);
                    fputs(">", out);
                } else
                    print_repr(k, out);
                fputs(")", out);
            }
            break;
        case GP_OP_LOAD_GLOBAL:
            if ((gp_ssize_t)(arg >> 1) < GP_SIZE(co->names)) {
                fputs(" (", out);
                if (arg & 1)
                    fputs("NULL + ", out);
                print_str(GP_TUPLE_GET(co->names, arg >> 1), out);
                fputs(")", out);
            }
            break;
        case GP_OP_LOAD_NAME: case GP_OP_STORE_NAME: case GP_OP_DELETE_NAME:
        case GP_OP_STORE_GLOBAL: case GP_OP_DELETE_GLOBAL:
        case GP_OP_LOAD_ATTR: case GP_OP_STORE_ATTR: case GP_OP_DELETE_ATTR:
        case GP_OP_LOAD_METHOD: case GP_OP_IMPORT_NAME: case GP_OP_IMPORT_FROM:
            if ((gp_ssize_t)arg < GP_SIZE(co->names)) {
                fputs(" (", out);
                print_str(GP_TUPLE_GET(co->names, arg), out);
                fputs(")", out);
            }
            break;
        case GP_OP_LOAD_FAST: case GP_OP_STORE_FAST: case GP_OP_DELETE_FAST:
        case GP_OP_LOAD_DEREF: case GP_OP_STORE_DEREF: case GP_OP_DELETE_DEREF:
        case GP_OP_LOAD_CLASSDEREF: case GP_OP_LOAD_CLOSURE: {
            gp_obj_t *nm = slot_name(co, arg);
            if (nm) {
                fputs(" (", out);
                print_str(nm, out);
                fputs(")", out);
            }
            break;
        }
        case GP_OP_JUMP_FORWARD: case GP_OP_JUMP_BACKWARD:
        case GP_OP_POP_JUMP_IF_FALSE: case GP_OP_POP_JUMP_IF_TRUE:
        case GP_OP_POP_JUMP_IF_NONE: case GP_OP_POP_JUMP_IF_NOT_NONE:
        case GP_OP_JUMP_IF_FALSE_OR_POP: case GP_OP_JUMP_IF_TRUE_OR_POP:
        case GP_OP_FOR_ITER: case GP_OP_SEND: case GP_OP_SETUP_FINALLY:
            fprintf(out, " (to %u)", arg);
            break;
        default:
            break;
        }
        fputc('\n', out);
    }
}

void gp_dis(gp_obj_t *code, FILE *out)
{
    if (!code || !GP_CODE_CHECK(code))
        return;
    gp_code_t *co = (gp_code_t *)code;
    dis_one(co, out);
    for (gp_ssize_t i = 0; i < GP_SIZE(co->consts); i++) {
        gp_obj_t *k = GP_TUPLE_GET(co->consts, i);
        if (GP_CODE_CHECK(k)) {
            fputc('\n', out);
            gp_dis(k, out);
        }
    }
}
