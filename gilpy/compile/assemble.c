/*
** assemble.c — a unit's instructions to a code object: labels to
** absolute instruction indices, EXTENDED_ARG prefixes, the deepest value
** stack and block stack (by walking every path), per-instruction source
** positions, and the tuples of gp_code_new.  Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>
#include "compile/codegen.h"
#include "objects/strobj.h"
#include "objects/listobj.h"
#include "vm/errors.h"

int gp_op_is_jump(int op)
{
    switch (op) {
    case GP_OP_JUMP_FORWARD: case GP_OP_JUMP_BACKWARD:
    case GP_OP_POP_JUMP_IF_FALSE: case GP_OP_POP_JUMP_IF_TRUE:
    case GP_OP_POP_JUMP_IF_NONE: case GP_OP_POP_JUMP_IF_NOT_NONE:
    case GP_OP_JUMP_IF_FALSE_OR_POP: case GP_OP_JUMP_IF_TRUE_OR_POP:
    case GP_OP_FOR_ITER: case GP_OP_SEND: case GP_OP_SETUP_FINALLY:
        return 1;
    default:
        return 0;
    }
}

/* Stack effect of an instruction when it does not jump. */
static int stack_effect(int op, uint32_t arg)
{
    switch (op) {
    case GP_OP_NOP: case GP_OP_SWAP: case GP_OP_DELETE_FAST:
    case GP_OP_DELETE_DEREF: case GP_OP_DELETE_NAME: case GP_OP_DELETE_GLOBAL:
    case GP_OP_LOAD_ATTR: case GP_OP_UNARY_POSITIVE: case GP_OP_UNARY_NEGATIVE:
    case GP_OP_UNARY_NOT: case GP_OP_UNARY_INVERT: case GP_OP_LIST_TO_TUPLE:
    case GP_OP_JUMP_FORWARD: case GP_OP_JUMP_BACKWARD: case GP_OP_GET_ITER:
    case GP_OP_KW_NAMES: case GP_OP_YIELD_VALUE: case GP_OP_SEND:
    case GP_OP_GET_YIELD_FROM_ITER: case GP_OP_SETUP_ANNOTATIONS:
    case GP_OP_SETUP_FINALLY: case GP_OP_POP_BLOCK: case GP_OP_CHECK_EXC_MATCH:
    case GP_OP_EXTENDED_ARG: case GP_OP_LOAD_EXC: case GP_OP_GEN_START:
        return 0;
    case GP_OP_POP_TOP: case GP_OP_RETURN_VALUE: case GP_OP_STORE_FAST:
    case GP_OP_STORE_DEREF: case GP_OP_STORE_NAME: case GP_OP_STORE_GLOBAL:
    case GP_OP_DELETE_ATTR: case GP_OP_BINARY_OP: case GP_OP_COMPARE_OP:
    case GP_OP_IS_OP: case GP_OP_CONTAINS_OP: case GP_OP_BINARY_SUBSCR:
    case GP_OP_LIST_APPEND: case GP_OP_SET_ADD: case GP_OP_LIST_EXTEND:
    case GP_OP_SET_UPDATE: case GP_OP_DICT_UPDATE: case GP_OP_DICT_MERGE:
    case GP_OP_POP_JUMP_IF_FALSE: case GP_OP_POP_JUMP_IF_TRUE:
    case GP_OP_POP_JUMP_IF_NONE: case GP_OP_POP_JUMP_IF_NOT_NONE:
    case GP_OP_JUMP_IF_FALSE_OR_POP: case GP_OP_JUMP_IF_TRUE_OR_POP:
    case GP_OP_IMPORT_NAME: case GP_OP_IMPORT_STAR: case GP_OP_PRINT_EXPR:
    case GP_OP_POP_EXCEPT: case GP_OP_RERAISE:
        return -1;
    case GP_OP_PUSH_NULL: case GP_OP_COPY: case GP_OP_LOAD_CONST:
    case GP_OP_LOAD_FAST: case GP_OP_LOAD_DEREF: case GP_OP_LOAD_CLASSDEREF:
    case GP_OP_LOAD_CLOSURE: case GP_OP_LOAD_NAME: case GP_OP_LOAD_METHOD:
    case GP_OP_FOR_ITER: case GP_OP_LOAD_BUILD_CLASS: case GP_OP_IMPORT_FROM:
    case GP_OP_LOAD_ASSERTION_ERROR: case GP_OP_PUSH_EXC_INFO:
    case GP_OP_BEFORE_WITH: case GP_OP_WITH_EXCEPT_START:
        return 1;
    /* The VM skips the POP_TOP after it on the first resume; counting it
    ** as a push keeps the POP_TOP balanced. */
    case GP_OP_RETURN_GENERATOR:
        return 1;
    case GP_OP_LOAD_GLOBAL:
        return 1 + (int)(arg & 1);
    case GP_OP_STORE_ATTR: case GP_OP_DELETE_SUBSCR: case GP_OP_MAP_ADD:
        return -2;
    case GP_OP_STORE_SUBSCR:
        return -3;
    case GP_OP_BUILD_SLICE:
        return 1 - (int)arg;
    case GP_OP_BUILD_TUPLE: case GP_OP_BUILD_LIST: case GP_OP_BUILD_SET:
    case GP_OP_BUILD_STRING:
        return 1 - (int)arg;
    case GP_OP_BUILD_MAP:
        return 1 - 2 * (int)arg;
    case GP_OP_BUILD_CONST_KEY_MAP:
        return -(int)arg;
    case GP_OP_UNPACK_SEQUENCE:
        return (int)arg - 1;
    case GP_OP_UNPACK_EX:
        return (int)(arg & 0xff) + (int)(arg >> 8);
    case GP_OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case GP_OP_CALL:
        return -(int)arg - 1;
    case GP_OP_CALL_FUNCTION_EX:
        return -1 - (int)(arg & 1);
    case GP_OP_MAKE_FUNCTION:
        return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0)
                 + ((arg & 8) != 0));
    case GP_OP_RAISE_VARARGS:
        return -(int)arg;
    default:
        return 0;
    }
}

static int jump_effect(int op)
{
    switch (op) {
    case GP_OP_JUMP_FORWARD: case GP_OP_JUMP_BACKWARD:
    case GP_OP_JUMP_IF_FALSE_OR_POP: case GP_OP_JUMP_IF_TRUE_OR_POP:
        return 0;
    case GP_OP_SETUP_FINALLY:
        return 1;           /* the exception is pushed */
    default:
        return -1;          /* POP_JUMP_*, FOR_ITER (exhausted), SEND */
    }
}

static int terminates(int op)
{
    return op == GP_OP_RETURN_VALUE || op == GP_OP_RERAISE
        || op == GP_OP_RAISE_VARARGS || op == GP_OP_JUMP_FORWARD
        || op == GP_OP_JUMP_BACKWARD;
}

typedef struct { int i, depth, blocks; } work_t;

/* Deepest value and block stacks over all paths; -1 when out of memory. */
static int stack_depths(gp_unit_t *u, const int *target, int *maxdepth,
                        int *maxblocks)
{
    int n = u->ninstrs;
    int *seen = malloc(((size_t)n + 1) * sizeof(int));
    work_t *stack = malloc(((size_t)n + 1) * sizeof(work_t));
    if (!seen || !stack) {
        free(seen);
        free(stack);
        return -1;
    }
    for (int i = 0; i <= n; i++)
        seen[i] = -1;
    int sp = 0, maxd = 0, maxb = 0;
    stack[sp++] = (work_t){0, 0, 0};
    while (sp > 0) {
        work_t w = stack[--sp];
        int i = w.i, d = w.depth, b = w.blocks;
        while (i < n && seen[i] < 0) {
            seen[i] = d;
            gp_cinstr_t *in = &u->instrs[i];
            if (gp_op_is_jump(in->op)) {
                int t = target[i];
                int jd = d + jump_effect(in->op);
                int jb = b;
                if (jd > maxd)
                    maxd = jd;
                if (t >= 0 && t <= n && seen[t] < 0 && sp <= n)
                    stack[sp++] = (work_t){t, jd, jb};
                if (in->op == GP_OP_SETUP_FINALLY) {
                    b++;
                    if (b > maxb)
                        maxb = b;
                }
            }
            if (terminates(in->op))
                break;
            d += stack_effect(in->op, in->arg);
            if (in->op == GP_OP_POP_BLOCK && b > 0)
                b--;
            if (d > maxd)
                maxd = d;
            i++;
        }
    }
    free(seen);
    free(stack);
    *maxdepth = maxd;
    *maxblocks = maxb;
    return 0;
}

static int ext_count(uint32_t arg)
{
    int k = 0;
    while (arg > GP_ARG_MAX) {
        arg >>= 24;
        k++;
    }
    return k;
}

static gp_obj_t *str_tuple(const char **names, int n)
{
    gp_obj_t *t = gp_tuple_new(n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++) {
        gp_obj_t *s = gp_str_from_utf8_sp(names[i], (gp_ssize_t)strlen(names[i]));
        if (!s) {
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, s);
    }
    return t;
}

gp_obj_t *gp_cg_assemble(gp_compiler_t *c, gp_unit_t *u)
{
    int n = u->ninstrs;
    int *target = malloc(((size_t)n + 1) * sizeof(int));
    int *off = malloc(((size_t)n + 1) * sizeof(int));
    int *size = malloc(((size_t)n + 1) * sizeof(int));
    uint32_t *code = NULL;
    gp_codepos_t *pos = NULL;
    gp_obj_t *res = NULL, *consts = NULL, *names = NULL, *varnames = NULL,
             *cellvars = NULL, *freevars = NULL, *name = NULL, *qualname = NULL;
    if (!target || !off || !size)
        goto nomem;
    for (int i = 0; i < n; i++) {
        gp_cinstr_t *in = &u->instrs[i];
        target[i] = -1;
        size[i] = 1;
        if (gp_op_is_jump(in->op)) {
            int t = u->labels[in->arg];
            if (t < 0) {
                gp_err_set_str(&gp_exc_SystemError,
                               "compiler: jump to an unplaced label");
                goto fail;
            }
            target[i] = t;
            if (in->op == GP_OP_JUMP_FORWARD && t <= i)
                in->op = GP_OP_JUMP_BACKWARD;
        }
    }
    int maxdepth, maxblocks;
    if (stack_depths(u, target, &maxdepth, &maxblocks) < 0)
        goto nomem;
    /* Sizes grow monotonically with EXTENDED_ARG prefixes: iterate. */
    for (int changed = 1; changed;) {
        changed = 0;
        int o = 0;
        for (int i = 0; i < n; i++) {
            off[i] = o;
            o += size[i];
        }
        off[n] = o;
        for (int i = 0; i < n; i++) {
            gp_cinstr_t *in = &u->instrs[i];
            uint32_t arg = target[i] >= 0 ? (uint32_t)off[target[i]] : in->arg;
            int s = 1 + ext_count(arg);
            if (s > size[i]) {
                size[i] = s;
                changed = 1;
            }
        }
    }
    int total = off[n];
    code = malloc(((size_t)total + 1) * sizeof(uint32_t));
    pos = malloc(((size_t)total + 1) * sizeof(gp_codepos_t));
    if (!code || !pos)
        goto nomem;
    for (int i = 0; i < n; i++) {
        gp_cinstr_t *in = &u->instrs[i];
        uint32_t arg = target[i] >= 0 ? (uint32_t)off[target[i]] : in->arg;
        int k = off[i];
        for (int e = size[i] - 1; e >= 1; e--) {
            code[k] = GP_INSTR(GP_OP_EXTENDED_ARG,
                               (arg >> (24 * e)) & GP_ARG_MAX);
            pos[k++] = in->pos;
        }
        code[k] = GP_INSTR(in->op, arg & GP_ARG_MAX);
        pos[k] = in->pos;
    }
    consts = gp_tuple_new(u->nconsts);
    if (!consts)
        goto fail;
    for (int i = 0; i < u->nconsts; i++)
        GP_TUPLE_SET(consts, i, gp_newref(u->consts[i]));
    names = str_tuple(u->names, u->nnames);
    varnames = names ? str_tuple(u->varnames, u->nvarnames) : NULL;
    cellvars = varnames ? str_tuple(u->cellvars, u->ncellvars) : NULL;
    freevars = cellvars ? str_tuple(u->freevars, u->nfreevars) : NULL;
    name = freevars ? gp_str_from_utf8_sp(u->name, (gp_ssize_t)strlen(u->name))
                    : NULL;
    qualname = name ? gp_str_from_utf8_sp(u->qualname,
                                          (gp_ssize_t)strlen(u->qualname))
                    : NULL;
    if (!qualname)
        goto fail;
    /* One spare slot: cheap insurance for the frame's value stack. */
    res = gp_code_new(code, total, pos, consts, names, varnames, cellvars,
                      freevars, u->argcount, u->posonlyargcount,
                      u->kwonlyargcount, u->flags, maxdepth + 1, maxblocks,
                      u->firstlineno, c->filename, name, qualname,
                      u->docstring);
    goto done;
nomem:
    gp_err_nomemory();
fail:
    res = NULL;
done:
    free(target);
    free(off);
    free(size);
    free(code);
    free(pos);
    GP_XDECREF(consts);
    GP_XDECREF(names);
    GP_XDECREF(varnames);
    GP_XDECREF(cellvars);
    GP_XDECREF(freevars);
    GP_XDECREF(name);
    GP_XDECREF(qualname);
    if (!res)
        c->failed = 1;
    return res;
}
