/*
** codegen_expr.c — code generation for expressions: operators, calls,
** displays, comprehensions (nested functions as in CPython 3.11),
** f-strings, yield / yield from, assignment targets, conditional jumps.
** Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>
#include "compile/codegen.h"
#include "objects/strobj.h"
#include "objects/bytesobj.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/abstract.h"
#include "vm/errors.h"

#define EMIT(op, arg)  do { if (gp_cg_emit(c, (op), (uint32_t)(arg)) < 0) \
                                return -1; } while (0)
#define VISIT(e)       do { if (gp_cg_expr(c, (e)) < 0) return -1; } while (0)
#define NEWLABEL(l)    int l = gp_cg_new_label(c); if (l < 0) return -1
#define USE(l)         gp_cg_use_label(c, (l))

gp_obj_t *gp_cg_const_obj(gp_compiler_t *c, gp_const_t *k)
{
    switch (k->kind) {
    case GP_CONST_NONE: return gp_newref(GP_NONE);
    case GP_CONST_TRUE: return gp_newref(GP_TRUE);
    case GP_CONST_FALSE: return gp_newref(GP_FALSE);
    case GP_CONST_ELLIPSIS: return gp_newref(GP_ELLIPSIS);
    case GP_CONST_INT: return gp_int_from_literal(k->text, (gp_ssize_t)strlen(k->text));
    case GP_CONST_FLOAT: return gp_float_from_double(k->f);
    case GP_CONST_STR: return gp_str_from_utf8_sp(k->text, (gp_ssize_t)k->len);
    case GP_CONST_BYTES: return gp_bytes_from(k->text, (gp_ssize_t)k->len);
    case GP_CONST_IMAG: break;
    }
    gp_loc_t loc = {c->u->pos.line, c->u->pos.col, c->u->pos.end_line,
                    c->u->pos.end_col};
    gp_cg_error(c, loc, "complex numbers are not supported by gilpy");
    return NULL;
}

static int load_obj(gp_compiler_t *c, gp_obj_t *o)
{
    if (!o) {
        c->failed = 1;
        return -1;
    }
    int i = gp_cg_add_const(c, o);
    if (i < 0)
        return -1;
    return gp_cg_emit(c, GP_OP_LOAD_CONST, (uint32_t)i);
}

int gp_cg_const_expr(gp_compiler_t *c, gp_const_t *k)
{
    gp_obj_t *o = gp_cg_const_obj(c, k);
    if (!o)
        return c->failed = 1, -1;
    return load_obj(c, o);
}

static int load_str(gp_compiler_t *c, const char *s)
{
    return load_obj(c, gp_str_from_utf8_sp(s, (gp_ssize_t)strlen(s)));
}

static int has_starred(gp_ast_seq_t *elts)
{
    for (int i = 0; i < GP_SEQ_LEN(elts); i++) {
        gp_expr_t *e = GP_SEQ_GET(elts, i);
        if (e->kind == GP_E_STARRED)
            return 1;
    }
    return 0;
}

/* A tuple of plain constants folds into one constant. */
static int is_foldable(gp_expr_t *e)
{
    if (e->kind != GP_E_CONSTANT)
        return 0;
    return e->v.constant.kind != GP_CONST_IMAG;
}

static int compile_sequence(gp_compiler_t *c, gp_expr_t *e)
{
    gp_ast_seq_t *elts = e->kind == GP_E_SET ? e->v.set.elts : e->v.seq.elts;
    int n = GP_SEQ_LEN(elts);
    int build = e->kind == GP_E_LIST ? GP_OP_BUILD_LIST
              : e->kind == GP_E_SET ? GP_OP_BUILD_SET : GP_OP_BUILD_TUPLE;
    if (e->kind == GP_E_TUPLE && n > 0) {
        int all = 1;
        for (int i = 0; i < n && all; i++)
            all = is_foldable(GP_SEQ_GET(elts, i));
        if (all) {
            gp_obj_t *t = gp_tuple_new(n);
            if (!t)
                return c->failed = 1, -1;
            for (int i = 0; i < n; i++) {
                gp_expr_t *x = GP_SEQ_GET(elts, i);
                gp_obj_t *o = gp_cg_const_obj(c, &x->v.constant);
                if (!o) {
                    GP_DECREF(t);
                    return c->failed = 1, -1;
                }
                GP_TUPLE_SET(t, i, o);
            }
            return load_obj(c, t);
        }
    }
    if (!has_starred(elts)) {
        for (int i = 0; i < n; i++)
            VISIT(GP_SEQ_GET(elts, i));
        EMIT(build, n);
        return 0;
    }
    int set = e->kind == GP_E_SET;
    EMIT(set ? GP_OP_BUILD_SET : GP_OP_BUILD_LIST, 0);
    for (int i = 0; i < n; i++) {
        gp_expr_t *x = GP_SEQ_GET(elts, i);
        if (x->kind == GP_E_STARRED) {
            VISIT(x->v.starred.value);
            EMIT(set ? GP_OP_SET_UPDATE : GP_OP_LIST_EXTEND, 1);
        } else {
            VISIT(x);
            EMIT(set ? GP_OP_SET_ADD : GP_OP_LIST_APPEND, 1);
        }
    }
    if (e->kind == GP_E_TUPLE)
        EMIT(GP_OP_LIST_TO_TUPLE, 0);
    return 0;
}

static int compile_dict(gp_compiler_t *c, gp_expr_t *e)
{
    int n = GP_SEQ_LEN(e->v.dict.values), have = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        gp_expr_t *k = GP_SEQ_GET(e->v.dict.keys, i);
        gp_expr_t *v = GP_SEQ_GET(e->v.dict.values, i);
        if (!k) {
            if (elements) {
                EMIT(GP_OP_BUILD_MAP, elements);
                if (have)
                    EMIT(GP_OP_DICT_UPDATE, 1);
                have = 1;
                elements = 0;
            }
            if (!have) {
                EMIT(GP_OP_BUILD_MAP, 0);
                have = 1;
            }
            VISIT(v);
            EMIT(GP_OP_DICT_UPDATE, 1);
        } else {
            VISIT(k);
            VISIT(v);
            elements++;
            if (elements == 16 && have) {
                EMIT(GP_OP_BUILD_MAP, elements);
                EMIT(GP_OP_DICT_UPDATE, 1);
                elements = 0;
            }
        }
    }
    if (elements || !have) {
        EMIT(GP_OP_BUILD_MAP, elements);
        if (have)
            EMIT(GP_OP_DICT_UPDATE, 1);
    }
    return 0;
}

static int cmp_emit(gp_compiler_t *c, gp_cmpop_t op)
{
    switch (op) {
    case GP_CMP_EQ: EMIT(GP_OP_COMPARE_OP, GP_EQ); break;
    case GP_CMP_NOTEQ: EMIT(GP_OP_COMPARE_OP, GP_NE); break;
    case GP_CMP_LT: EMIT(GP_OP_COMPARE_OP, GP_LT); break;
    case GP_CMP_LTE: EMIT(GP_OP_COMPARE_OP, GP_LE); break;
    case GP_CMP_GT: EMIT(GP_OP_COMPARE_OP, GP_GT); break;
    case GP_CMP_GTE: EMIT(GP_OP_COMPARE_OP, GP_GE); break;
    case GP_CMP_IS: EMIT(GP_OP_IS_OP, 0); break;
    case GP_CMP_ISNOT: EMIT(GP_OP_IS_OP, 1); break;
    case GP_CMP_IN: EMIT(GP_OP_CONTAINS_OP, 0); break;
    case GP_CMP_NOTIN: EMIT(GP_OP_CONTAINS_OP, 1); break;
    }
    return 0;
}

static int compile_compare(gp_compiler_t *c, gp_expr_t *e)
{
    int n = e->v.compare.nops;
    VISIT(e->v.compare.left);
    if (n == 1) {
        VISIT(GP_SEQ_GET(e->v.compare.comparators, 0));
        return cmp_emit(c, e->v.compare.ops[0]);
    }
    NEWLABEL(cleanup);
    NEWLABEL(end);
    for (int i = 0; i < n - 1; i++) {
        VISIT(GP_SEQ_GET(e->v.compare.comparators, i));
        EMIT(GP_OP_SWAP, 2);
        EMIT(GP_OP_COPY, 2);
        if (cmp_emit(c, e->v.compare.ops[i]) < 0)
            return -1;
        EMIT(GP_OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    VISIT(GP_SEQ_GET(e->v.compare.comparators, n - 1));
    if (cmp_emit(c, e->v.compare.ops[n - 1]) < 0)
        return -1;
    EMIT(GP_OP_JUMP_FORWARD, end);
    USE(cleanup);
    EMIT(GP_OP_SWAP, 2);
    EMIT(GP_OP_POP_TOP, 0);
    USE(end);
    return 0;
}

static int call_needs_ex(gp_ast_seq_t *args, gp_ast_seq_t *keywords)
{
    if (has_starred(args))
        return 1;
    for (int i = 0; i < GP_SEQ_LEN(keywords); i++) {
        gp_keyword_t *k = GP_SEQ_GET(keywords, i);
        if (!k->arg)
            return 1;
    }
    return 0;
}

int gp_cg_call_needs_ex(gp_ast_seq_t *args, gp_ast_seq_t *keywords)
{
    return call_needs_ex(args, keywords);
}

/* After [X Y] and n arguments already pushed: the rest of a call.  The
** *args / **kwargs form needs [f] below instead of [X Y]: the caller
** pushes no NULL then (n arguments are packed into the tuple). */
int gp_cg_call_helper(gp_compiler_t *c, int n, gp_ast_seq_t *args,
                      gp_ast_seq_t *keywords)
{
    int nargs = GP_SEQ_LEN(args), nkw = GP_SEQ_LEN(keywords);
    if (!call_needs_ex(args, keywords)) {
        for (int i = 0; i < nargs; i++)
            VISIT(GP_SEQ_GET(args, i));
        if (nkw) {
            gp_obj_t *names = gp_tuple_new(nkw);
            if (!names)
                return c->failed = 1, -1;
            for (int i = 0; i < nkw; i++) {
                gp_keyword_t *k = GP_SEQ_GET(keywords, i);
                gp_obj_t *s = gp_str_from_utf8_sp(k->arg, (gp_ssize_t)strlen(k->arg));
                if (!s) {
                    GP_DECREF(names);
                    return c->failed = 1, -1;
                }
                GP_TUPLE_SET(names, i, s);
                VISIT(k->value);
            }
            int ci = gp_cg_add_const(c, names);
            if (ci < 0)
                return -1;
            EMIT(GP_OP_KW_NAMES, ci);
        }
        EMIT(GP_OP_CALL, n + nargs + nkw);
        return 0;
    }
    /* Positional arguments as one tuple. */
    if (n == 0 && nargs == 1 &&
        ((gp_expr_t *)GP_SEQ_GET(args, 0))->kind == GP_E_STARRED) {
        gp_expr_t *a = GP_SEQ_GET(args, 0);
        VISIT(a->v.starred.value);
    } else {
        EMIT(GP_OP_BUILD_LIST, n);
        for (int i = 0; i < nargs; i++) {
            gp_expr_t *a = GP_SEQ_GET(args, i);
            if (a->kind == GP_E_STARRED) {
                VISIT(a->v.starred.value);
                EMIT(GP_OP_LIST_EXTEND, 1);
            } else {
                VISIT(a);
                EMIT(GP_OP_LIST_APPEND, 1);
            }
        }
        EMIT(GP_OP_LIST_TO_TUPLE, 0);
    }
    if (nkw) {
        int have = 0, seen = 0;
        for (int i = 0; i < nkw; i++) {
            gp_keyword_t *k = GP_SEQ_GET(keywords, i);
            if (!k->arg) {
                if (seen) {
                    EMIT(GP_OP_BUILD_MAP, seen);
                    if (have)
                        EMIT(GP_OP_DICT_MERGE, 1);
                    have = 1;
                    seen = 0;
                }
                if (!have) {
                    EMIT(GP_OP_BUILD_MAP, 0);
                    have = 1;
                }
                VISIT(k->value);
                EMIT(GP_OP_DICT_MERGE, 1);
            } else {
                if (load_str(c, k->arg) < 0)
                    return -1;
                VISIT(k->value);
                seen++;
            }
        }
        if (seen) {
            EMIT(GP_OP_BUILD_MAP, seen);
            if (have)
                EMIT(GP_OP_DICT_MERGE, 1);
        }
    }
    EMIT(GP_OP_CALL_FUNCTION_EX, nkw ? 1 : 0);
    return 0;
}

static int compile_call(gp_compiler_t *c, gp_expr_t *e)
{
    gp_expr_t *f = e->v.call.func;
    gp_ast_seq_t *args = e->v.call.args, *kws = e->v.call.keywords;
    if (call_needs_ex(args, kws)) {
        VISIT(f);
        return gp_cg_call_helper(c, 0, args, kws);
    }
    if (f->kind == GP_E_ATTRIBUTE && f->v.attribute.ctx == GP_LOAD) {
        VISIT(f->v.attribute.value);
        const char *m = gp_cg_mangle(c, f->v.attribute.attr);
        int ni = m ? gp_cg_add_name(c, m) : -1;
        if (ni < 0)
            return -1;
        gp_codepos_t old = gp_cg_set_pos(c, f->loc);
        EMIT(GP_OP_LOAD_METHOD, ni);
        c->u->pos = old;
        return gp_cg_call_helper(c, 0, args, kws);
    }
    int at = c->u->ninstrs;
    EMIT(GP_OP_PUSH_NULL, 0);
    VISIT(f);
    if (c->u->ninstrs == at + 2 && c->u->instrs[at + 1].op == GP_OP_LOAD_GLOBAL) {
        /* LOAD_GLOBAL pushes the NULL itself. */
        c->u->instrs[at] = c->u->instrs[at + 1];
        c->u->instrs[at].arg |= 1;
        c->u->ninstrs--;
    }
    return gp_cg_call_helper(c, 0, args, kws);
}

static int comp_generator(gp_compiler_t *c, gp_expr_t *e, int gen_index,
                          int depth)
{
    gp_ast_seq_t *gens = e->v.comp.generators;
    gp_comprehension_t *g = GP_SEQ_GET(gens, gen_index);
    NEWLABEL(start);
    NEWLABEL(anchor);
    if (gen_index == 0)
        EMIT(GP_OP_LOAD_FAST, 0);               /* ".0" */
    else {
        VISIT(g->iter);
        EMIT(GP_OP_GET_ITER, 0);
    }
    USE(start);
    EMIT(GP_OP_FOR_ITER, anchor);
    if (gp_cg_store(c, g->target) < 0)
        return -1;
    for (int i = 0; i < GP_SEQ_LEN(g->ifs); i++)
        if (gp_cg_jump_if(c, GP_SEQ_GET(g->ifs, i), start, 0) < 0)
            return -1;
    if (gen_index + 1 < GP_SEQ_LEN(gens)) {
        if (comp_generator(c, e, gen_index + 1, depth + 1) < 0)
            return -1;
    } else {
        switch (e->kind) {
        case GP_E_GENERATOREXP:
            VISIT(e->v.comp.elt);
            EMIT(GP_OP_YIELD_VALUE, 0);
            EMIT(GP_OP_POP_TOP, 0);
            break;
        case GP_E_LISTCOMP:
            VISIT(e->v.comp.elt);
            EMIT(GP_OP_LIST_APPEND, depth + 1);
            break;
        case GP_E_SETCOMP:
            VISIT(e->v.comp.elt);
            EMIT(GP_OP_SET_ADD, depth + 1);
            break;
        default:
            VISIT(e->v.comp.key);
            VISIT(e->v.comp.value);
            EMIT(GP_OP_MAP_ADD, depth + 1);
            break;
        }
    }
    EMIT(GP_OP_JUMP_FORWARD, start);
    USE(anchor);
    return 0;
}

static int compile_comprehension(gp_compiler_t *c, gp_expr_t *e)
{
    gp_ste_t *ste = gp_ste_child(c->u->ste, e);
    if (!ste)
        return gp_cg_error(c, e->loc, "internal compiler error: no scope");
    if (gp_cg_enter_scope(c, ste, ste->name, e->loc.lineno) < 0) {
        gp_cg_exit_scope(c);
        return -1;
    }
    c->u->argcount = 1;
    c->u->pos = (gp_codepos_t){e->loc.lineno, e->loc.end_lineno,
                               e->loc.col_offset, e->loc.end_col_offset};
    int r = 0;
    if (ste->is_generator) {
        if (gp_cg_emit(c, GP_OP_RETURN_GENERATOR, 0) < 0
            || gp_cg_emit(c, GP_OP_POP_TOP, 0) < 0)
            r = -1;
    } else {
        int op = e->kind == GP_E_LISTCOMP ? GP_OP_BUILD_LIST
               : e->kind == GP_E_SETCOMP ? GP_OP_BUILD_SET : GP_OP_BUILD_MAP;
        r = gp_cg_emit(c, op, 0);
    }
    if (r == 0)
        r = comp_generator(c, e, 0, 1);
    if (r == 0 && ste->is_generator) {
        int ni = gp_cg_const_none(c);
        r = ni < 0 ? -1 : gp_cg_emit(c, GP_OP_LOAD_CONST, (uint32_t)ni);
    }
    if (r == 0)
        r = gp_cg_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_obj_t *code = r == 0 ? gp_cg_assemble(c, c->u) : NULL;
    gp_cg_exit_scope(c);
    if (!code)
        return c->failed = 1, -1;
    int flags = gp_cg_make_closure(c, code, 0);
    if (flags < 0) {
        GP_DECREF(code);
        return -1;
    }
    if (load_obj(c, code) < 0)
        return -1;
    EMIT(GP_OP_MAKE_FUNCTION, flags);
    gp_comprehension_t *g0 = GP_SEQ_GET(e->v.comp.generators, 0);
    VISIT(g0->iter);
    EMIT(GP_OP_GET_ITER, 0);
    /* [func iter]: CALL 0 with a non-NULL first slot is func(iter). */
    EMIT(GP_OP_CALL, 0);
    return 0;
}

static int check_in_function(gp_compiler_t *c, gp_expr_t *e)
{
    if (c->u->ste->type != GP_BLOCK_FUNCTION)
        return gp_cg_error(c, e->loc, "'yield' outside function");
    return 0;
}

static int compile_fstring_part(gp_compiler_t *c, gp_expr_t *e)
{
    VISIT(e->v.formatted.value);
    int conv = 0;
    switch (e->v.formatted.conversion) {
    case 's': conv = 1; break;
    case 'r': conv = 2; break;
    case 'a': conv = 3; break;
    default: break;
    }
    if (e->v.formatted.format_spec) {
        VISIT(e->v.formatted.format_spec);
        conv |= 4;
    }
    EMIT(GP_OP_FORMAT_VALUE, conv);
    return 0;
}

static int unary_fold(gp_compiler_t *c, gp_expr_t *e)
{
    /* -<number literal> is a constant, as CPython folds it. */
    gp_expr_t *o = e->v.unaryop.operand;
    if (e->v.unaryop.op != GP_USUB || o->kind != GP_E_CONSTANT
        || (o->v.constant.kind != GP_CONST_INT
            && o->v.constant.kind != GP_CONST_FLOAT))
        return 0;
    gp_obj_t *v = gp_cg_const_obj(c, &o->v.constant);
    if (!v)
        return c->failed = 1, -1;
    gp_obj_t *n = gp_number_neg(v);
    GP_DECREF(v);
    if (!n)
        return c->failed = 1, -1;
    return load_obj(c, n) < 0 ? -1 : 1;
}

static int expr_inner(gp_compiler_t *c, gp_expr_t *e)
{
    switch (e->kind) {
    case GP_E_BOOLOP: {
        NEWLABEL(end);
        int n = GP_SEQ_LEN(e->v.boolop.values);
        int op = e->v.boolop.op == GP_AND ? GP_OP_JUMP_IF_FALSE_OR_POP
                                          : GP_OP_JUMP_IF_TRUE_OR_POP;
        for (int i = 0; i < n - 1; i++) {
            VISIT(GP_SEQ_GET(e->v.boolop.values, i));
            EMIT(op, end);
        }
        VISIT(GP_SEQ_GET(e->v.boolop.values, n - 1));
        USE(end);
        return 0;
    }
    case GP_E_NAMEDEXPR:
        VISIT(e->v.namedexpr.value);
        EMIT(GP_OP_COPY, 1);
        return gp_cg_store(c, e->v.namedexpr.target);
    case GP_E_BINOP:
        VISIT(e->v.binop.left);
        VISIT(e->v.binop.right);
        EMIT(GP_OP_BINARY_OP, gp_cg_binop_arg(e->v.binop.op));
        return 0;
    case GP_E_UNARYOP: {
        int r = unary_fold(c, e);
        if (r != 0)
            return r < 0 ? -1 : 0;
        VISIT(e->v.unaryop.operand);
        switch (e->v.unaryop.op) {
        case GP_INVERT: EMIT(GP_OP_UNARY_INVERT, 0); break;
        case GP_NOT: EMIT(GP_OP_UNARY_NOT, 0); break;
        case GP_UADD: EMIT(GP_OP_UNARY_POSITIVE, 0); break;
        case GP_USUB: EMIT(GP_OP_UNARY_NEGATIVE, 0); break;
        }
        return 0;
    }
    case GP_E_LAMBDA:
        return gp_cg_lambda(c, e);
    case GP_E_IFEXP: {
        NEWLABEL(orelse);
        NEWLABEL(end);
        if (gp_cg_jump_if(c, e->v.ifexp.test, orelse, 0) < 0)
            return -1;
        VISIT(e->v.ifexp.body);
        EMIT(GP_OP_JUMP_FORWARD, end);
        USE(orelse);
        VISIT(e->v.ifexp.orelse);
        USE(end);
        return 0;
    }
    case GP_E_DICT:
        return compile_dict(c, e);
    case GP_E_SET: case GP_E_LIST: case GP_E_TUPLE:
        if (e->kind != GP_E_SET && e->v.seq.ctx == GP_STORE)
            return gp_cg_store(c, e);
        return compile_sequence(c, e);
    case GP_E_LISTCOMP: case GP_E_SETCOMP: case GP_E_DICTCOMP:
    case GP_E_GENERATOREXP:
        return compile_comprehension(c, e);
    case GP_E_YIELD:
        if (check_in_function(c, e) < 0)
            return -1;
        if (e->v.yield.value)
            VISIT(e->v.yield.value);
        else {
            int ni = gp_cg_const_none(c);
            if (ni < 0)
                return -1;
            EMIT(GP_OP_LOAD_CONST, ni);
        }
        EMIT(GP_OP_YIELD_VALUE, 0);
        return 0;
    case GP_E_YIELDFROM: {
        if (check_in_function(c, e) < 0)
            return -1;
        NEWLABEL(loop);
        NEWLABEL(end);
        VISIT(e->v.yield.value);
        EMIT(GP_OP_GET_YIELD_FROM_ITER, 0);
        int ni = gp_cg_const_none(c);
        if (ni < 0)
            return -1;
        EMIT(GP_OP_LOAD_CONST, ni);
        USE(loop);
        /* obj_gen.c finds the delegate by YIELD_VALUE right after SEND. */
        EMIT(GP_OP_SEND, end);
        EMIT(GP_OP_YIELD_VALUE, 0);
        EMIT(GP_OP_JUMP_FORWARD, loop);
        USE(end);
        return 0;
    }
    case GP_E_COMPARE:
        return compile_compare(c, e);
    case GP_E_CALL:
        return compile_call(c, e);
    case GP_E_FORMATTEDVALUE:
        return compile_fstring_part(c, e);
    case GP_E_JOINEDSTR: {
        int n = GP_SEQ_LEN(e->v.joinedstr.values);
        if (n == 0)
            return load_str(c, "");
        for (int i = 0; i < n; i++)
            VISIT(GP_SEQ_GET(e->v.joinedstr.values, i));
        if (n > 1)
            EMIT(GP_OP_BUILD_STRING, n);
        else {
            gp_expr_t *only = GP_SEQ_GET(e->v.joinedstr.values, 0);
            if (only->kind != GP_E_FORMATTEDVALUE)
                EMIT(GP_OP_BUILD_STRING, 1);
        }
        return 0;
    }
    case GP_E_CONSTANT:
        return gp_cg_const_expr(c, &e->v.constant);
    case GP_E_ATTRIBUTE: {
        if (e->v.attribute.ctx != GP_LOAD)
            return gp_cg_store(c, e);
        VISIT(e->v.attribute.value);
        const char *m = gp_cg_mangle(c, e->v.attribute.attr);
        int ni = m ? gp_cg_add_name(c, m) : -1;
        if (ni < 0)
            return -1;
        EMIT(GP_OP_LOAD_ATTR, ni);
        return 0;
    }
    case GP_E_SUBSCRIPT:
        if (e->v.subscript.ctx != GP_LOAD)
            return gp_cg_store(c, e);
        VISIT(e->v.subscript.value);
        VISIT(e->v.subscript.slice);
        EMIT(GP_OP_BINARY_SUBSCR, 0);
        return 0;
    case GP_E_STARRED:
        if (e->v.starred.ctx == GP_STORE)
            return gp_cg_error(c, e->loc, "starred assignment target must "
                               "be in a list or tuple");
        return gp_cg_error(c, e->loc, "can't use starred expression here");
    case GP_E_NAME:
        return gp_cg_nameop(c, e->v.name.id, e->v.name.ctx);
    case GP_E_SLICE: {
        int n = 2;
        gp_expr_t *parts[3] = {e->v.slice.lower, e->v.slice.upper,
                               e->v.slice.step};
        for (int i = 0; i < 3; i++) {
            if (i == 2 && !parts[2])
                break;
            if (i == 2)
                n = 3;
            if (parts[i])
                VISIT(parts[i]);
            else {
                int ni = gp_cg_const_none(c);
                if (ni < 0)
                    return -1;
                EMIT(GP_OP_LOAD_CONST, ni);
            }
        }
        EMIT(GP_OP_BUILD_SLICE, n);
        return 0;
    }
    }
    return 0;
}

int gp_cg_expr(gp_compiler_t *c, gp_expr_t *e)
{
    gp_codepos_t old = gp_cg_set_pos(c, e->loc);
    int r = expr_inner(c, e);
    c->u->pos = old;
    return r;
}

static int store_inner(gp_compiler_t *c, gp_expr_t *t)
{
    switch (t->kind) {
    case GP_E_NAME:
        return gp_cg_nameop(c, t->v.name.id, GP_STORE);
    case GP_E_ATTRIBUTE: {
        VISIT(t->v.attribute.value);
        const char *m = gp_cg_mangle(c, t->v.attribute.attr);
        int ni = m ? gp_cg_add_name(c, m) : -1;
        if (ni < 0)
            return -1;
        gp_codepos_t old = gp_cg_set_pos(c, t->loc);
        EMIT(GP_OP_STORE_ATTR, ni);
        c->u->pos = old;
        return 0;
    }
    case GP_E_SUBSCRIPT: {
        VISIT(t->v.subscript.value);
        VISIT(t->v.subscript.slice);
        gp_codepos_t old = gp_cg_set_pos(c, t->loc);
        EMIT(GP_OP_STORE_SUBSCR, 0);
        c->u->pos = old;
        return 0;
    }
    case GP_E_TUPLE: case GP_E_LIST: {
        gp_ast_seq_t *elts = t->v.seq.elts;
        int n = GP_SEQ_LEN(elts), star = -1;
        for (int i = 0; i < n; i++) {
            gp_expr_t *x = GP_SEQ_GET(elts, i);
            if (x->kind == GP_E_STARRED) {
                if (star >= 0)
                    return gp_cg_error(c, x->loc, "multiple starred "
                                       "expressions in assignment");
                star = i;
            }
        }
        gp_codepos_t old = gp_cg_set_pos(c, t->loc);
        if (star < 0)
            EMIT(GP_OP_UNPACK_SEQUENCE, n);
        else {
            int after = n - star - 1;
            if (star >= 256 || after >= (1 << 16))
                return gp_cg_error(c, t->loc, "too many expressions in "
                                   "star-unpacking assignment");
            EMIT(GP_OP_UNPACK_EX, star | (after << 8));
        }
        c->u->pos = old;
        for (int i = 0; i < n; i++) {
            gp_expr_t *x = GP_SEQ_GET(elts, i);
            if (gp_cg_store(c, x->kind == GP_E_STARRED ? x->v.starred.value
                                                       : x) < 0)
                return -1;
        }
        return 0;
    }
    case GP_E_STARRED:
        return gp_cg_error(c, t->loc, "starred assignment target must be in "
                           "a list or tuple");
    default:
        return gp_cg_error(c, t->loc, "cannot assign to expression");
    }
}

int gp_cg_store(gp_compiler_t *c, gp_expr_t *t)
{
    gp_codepos_t old = gp_cg_set_pos(c, t->loc);
    int r = store_inner(c, t);
    c->u->pos = old;
    return r;
}

int gp_cg_delete(gp_compiler_t *c, gp_expr_t *t)
{
    gp_codepos_t old = gp_cg_set_pos(c, t->loc);
    int r = 0;
    switch (t->kind) {
    case GP_E_NAME:
        r = gp_cg_nameop(c, t->v.name.id, GP_DEL);
        break;
    case GP_E_ATTRIBUTE: {
        r = gp_cg_expr(c, t->v.attribute.value);
        const char *m = r == 0 ? gp_cg_mangle(c, t->v.attribute.attr) : NULL;
        int ni = m ? gp_cg_add_name(c, m) : -1;
        r = ni < 0 ? -1 : gp_cg_emit(c, GP_OP_DELETE_ATTR, (uint32_t)ni);
        break;
    }
    case GP_E_SUBSCRIPT:
        r = gp_cg_expr(c, t->v.subscript.value);
        if (r == 0)
            r = gp_cg_expr(c, t->v.subscript.slice);
        if (r == 0)
            r = gp_cg_emit(c, GP_OP_DELETE_SUBSCR, 0);
        break;
    case GP_E_TUPLE: case GP_E_LIST:
        for (int i = 0; r == 0 && i < GP_SEQ_LEN(t->v.seq.elts); i++)
            r = gp_cg_delete(c, GP_SEQ_GET(t->v.seq.elts, i));
        break;
    default:
        r = gp_cg_error(c, t->loc, "cannot delete expression");
        break;
    }
    c->u->pos = old;
    return r;
}

/* Jumps to label when bool(e) == cond; falls through otherwise. */
int gp_cg_jump_if(gp_compiler_t *c, gp_expr_t *e, int label, int cond)
{
    switch (e->kind) {
    case GP_E_UNARYOP:
        if (e->v.unaryop.op == GP_NOT)
            return gp_cg_jump_if(c, e->v.unaryop.operand, label, !cond);
        break;
    case GP_E_BOOLOP: {
        gp_ast_seq_t *vals = e->v.boolop.values;
        int n = GP_SEQ_LEN(vals);
        int is_or = e->v.boolop.op == GP_OR;
        if (is_or == cond) {
            /* or/true, and/false: any one decides */
            for (int i = 0; i < n; i++)
                if (gp_cg_jump_if(c, GP_SEQ_GET(vals, i), label, cond) < 0)
                    return -1;
            return 0;
        }
        NEWLABEL(next);
        for (int i = 0; i < n - 1; i++)
            if (gp_cg_jump_if(c, GP_SEQ_GET(vals, i), next, !cond) < 0)
                return -1;
        if (gp_cg_jump_if(c, GP_SEQ_GET(vals, n - 1), label, cond) < 0)
            return -1;
        USE(next);
        return 0;
    }
    case GP_E_COMPARE:
        if (e->v.compare.nops == 1
            && (e->v.compare.ops[0] == GP_CMP_IS
                || e->v.compare.ops[0] == GP_CMP_ISNOT)) {
            gp_expr_t *r = GP_SEQ_GET(e->v.compare.comparators, 0);
            if (r->kind == GP_E_CONSTANT && r->v.constant.kind == GP_CONST_NONE) {
                int is = e->v.compare.ops[0] == GP_CMP_IS;
                VISIT(e->v.compare.left);
                gp_codepos_t old = gp_cg_set_pos(c, e->loc);
                EMIT(is == cond ? GP_OP_POP_JUMP_IF_NONE
                                : GP_OP_POP_JUMP_IF_NOT_NONE, label);
                c->u->pos = old;
                return 0;
            }
        }
        break;
    default:
        break;
    }
    VISIT(e);
    EMIT(cond ? GP_OP_POP_JUMP_IF_TRUE : GP_OP_POP_JUMP_IF_FALSE, label);
    return 0;
}
