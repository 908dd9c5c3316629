/*
** ceval.c — the eval loop: runs a frame's instructions (vm/opcode.h).
** Guard: the GIL, held by the running thread; given up only at the poll
** points (function entry and JUMP_BACKWARD, GP_EVAL_POLL) and inside
** blocking built-ins.
**
** Calls of plain Python functions do not recurse in C: CALL pushes the
** callee's frame on the thread's frame stack and goes on in this same
** loop; RETURN_VALUE pops it and resumes the caller.  Only frames entered
** from C (gp_eval_frame: module code, class bodies, calls from C code,
** generator steps) return to C ("entry" frames).
**
** Decisions where opcode.h leaves room (see also the report):
** - There is no RESUME opcode: the entry poll runs when a frame starts.
** - RETURN_GENERATOR is a no-op when the generator first runs; a POP_TOP
**   right after it (CPython's shape, popping the first sent value) is
**   skipped as well, since the first resume pushes nothing.
** - MAKE_FUNCTION pops, after the code, defaults (1), kwdefaults (2),
**   annotations (4), closure (8): opcode.h draws the closure deepest.
** - A YIELD_VALUE right after a SEND is a `yield from` delegation point:
**   the receiver stays on the stack under the yielded value (obj_gen.c
**   relies on this to throw into / close the sub-iterator).
*/
#include <stdlib.h>
#include <string.h>

#include "vm/ceval.h"
#include "vm/ceval_int.h"
#include "vm/opcode.h"
#include "vm/funcobj.h"
#include "vm/errors.h"
#include "vm/traceback.h"
#include "objects/genobj.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/setobj.h"
#include "objects/strobj.h"
#include "objects/numobj.h"
#include "objects/rangeobj.h"
#include "objects/ids.h"

#if defined(__GNUC__) && !defined(GP_NO_COMPUTED_GOTO)
#define GP_USE_COMPUTED_GOTO 1
#else
#define GP_USE_COMPUTED_GOTO 0
#endif

#define PUSH(v)      (*sp++ = (v))
#define POP()        (*--sp)
#define TOP()        (sp[-1])
#define SECOND()     (sp[-2])
#define PEEK(n)      (sp[-(gp_ssize_t)(n)])
#define SET_TOP(v)   (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))

#define GETLOCAL(i)  (fast[i])
#define JUMPTO(x)    (next = instrs + (x))
#define INSTR_INDEX() ((int)(next - instrs) - 1)

/* Load the registers from f (after a frame switch). */
#define LOAD_FRAME() do { \
        co = f->code; \
        instrs = co->code; \
        next = instrs + f->next_i; \
        sp = f->sp; \
        fast = f->localsplus; \
        consts = GP_TUPLE_ITEMS(co->consts); \
        names = GP_TUPLE_ITEMS(co->names); \
    } while (0)
/* Store them back (before the frame is left or switched away from). */
#define SAVE_FRAME() do { \
        f->sp = sp; \
        f->next_i = (int)(next - instrs); \
        f->lasti = (int)(next - instrs) - 1; \
    } while (0)

#if GP_USE_COMPUTED_GOTO
#define TARGET(op)   TARGET_##op: case GP_OP_##op:
#define DISPATCH() do { \
        word = *next++; oparg = GP_INSTR_ARG(word); \
        goto *targets[GP_INSTR_OP(word)]; \
    } while (0)
#define DISPATCH_OP(op) goto *targets[op]
#else
#define TARGET(op)   case GP_OP_##op:
#define DISPATCH()   goto dispatch
#define DISPATCH_OP(op) do { opcode = (op); goto dispatch_op; } while (0)
#endif

#define ERROR_IF(c)  do { if (c) goto error; } while (0)

static int is_true_fast(gp_obj_t *v)
{
    if (v == GP_TRUE)
        return 1;
    if (v == GP_FALSE || v == GP_NONE)
        return 0;
    return gp_is_true(v);
}

/* int op int for word-sized ints; NULL (no error) when it does not apply. */
static inline gp_obj_t *small_int_binop(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!GP_INT_CHECK_EXACT(a) || !GP_INT_CHECK_EXACT(b)
        || !gp_int_is_small(a) || !gp_int_is_small(b))
        return NULL;
    int64_t x = gp_int_small(a), y = gp_int_small(b), r;
    switch (op) {
    case GP_NB_ADD: case GP_NB_ADD + GP_NB_INPLACE:
        if (__builtin_add_overflow(x, y, &r))
            return NULL;
        break;
    case GP_NB_SUBTRACT: case GP_NB_SUBTRACT + GP_NB_INPLACE:
        if (__builtin_sub_overflow(x, y, &r))
            return NULL;
        break;
    case GP_NB_MULTIPLY: case GP_NB_MULTIPLY + GP_NB_INPLACE:
        if (__builtin_mul_overflow(x, y, &r))
            return NULL;
        break;
    case GP_NB_AND: case GP_NB_AND + GP_NB_INPLACE: r = x & y; break;
    case GP_NB_OR: case GP_NB_OR + GP_NB_INPLACE: r = x | y; break;
    case GP_NB_XOR: case GP_NB_XOR + GP_NB_INPLACE: r = x ^ y; break;
    case GP_NB_FLOOR_DIVIDE: case GP_NB_FLOOR_DIVIDE + GP_NB_INPLACE:
        if (y == 0 || (x == INT64_MIN && y == -1))
            return NULL;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            r--;
        break;
    case GP_NB_REMAINDER: case GP_NB_REMAINDER + GP_NB_INPLACE:
        if (y == 0 || (x == INT64_MIN && y == -1))
            return NULL;
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        break;
    default:
        return NULL;
    }
    return gp_int_from_i64(r);
}

/* An exact float, or an exact small int that a double holds exactly, as
** a double: 1, else 0 (leave it to the generic path). */
static inline int fast_double(gp_obj_t *o, double *d)
{
    if (GP_FLOAT_CHECK_EXACT(o)) {
        *d = gp_float_value(o);
        return 1;
    }
    if (GP_INT_CHECK_EXACT(o) && gp_int_is_small(o)) {
        int64_t v = gp_int_small(o);
        if (v > -(1LL << 53) && v < (1LL << 53)) {
            *d = (double)v;
            return 1;
        }
    }
    return 0;
}

/* a op b for two floats (or a float and a small int): 1 with *z set, or
** 0 to leave it to the generic path (other types, division by zero). */
static inline int float_binop(gp_obj_t *a, gp_obj_t *b, int op, double *z)
{
    double x, y;
    if (!(GP_FLOAT_CHECK_EXACT(a) || GP_FLOAT_CHECK_EXACT(b)) ||
        !fast_double(a, &x) || !fast_double(b, &y))
        return 0;
    switch (op % GP_NB_INPLACE) {
    case GP_NB_ADD: *z = x + y; return 1;
    case GP_NB_SUBTRACT: *z = x - y; return 1;
    case GP_NB_MULTIPLY: *z = x * y; return 1;
    case GP_NB_TRUE_DIVIDE:
        if (y == 0.0)
            return 0;
        *z = x / y;
        return 1;
    default: return 0;
    }
}

/* The float result z of a op b, consuming both operands.  An operand
** only the stack holds (a temporary of `x * x + y * y`) is an exact float
** nobody else can see: it takes the result in place, which saves an
** allocation and a deallocation.  (Sound under the GIL; a free-threaded
** build must not trust refcnt == 1 this way.) */
static inline gp_obj_t *float_result(gp_obj_t *a, gp_obj_t *b, double z)
{
    if (GP_FLOAT_CHECK_EXACT(a) && a->refcnt == 1) {
        ((gp_float_t *)a)->v = z;
        GP_DECREF(b);
        return a;
    }
    if (GP_FLOAT_CHECK_EXACT(b) && b->refcnt == 1) {
        ((gp_float_t *)b)->v = z;
        GP_DECREF(a);
        return b;
    }
    GP_DECREF(a);
    GP_DECREF(b);
    return gp_float_from_double(z);
}

static inline int small_int_compare(gp_obj_t *a, gp_obj_t *b, int op)
{
    int64_t x = gp_int_small(a), y = gp_int_small(b);
    switch (op) {
    case GP_LT: return x < y;
    case GP_LE: return x <= y;
    case GP_EQ: return x == y;
    case GP_NE: return x != y;
    case GP_GT: return x > y;
    default: return x >= y;
    }
}

/* C's comparisons are IEEE's: NaN compares unequal to everything. */
static inline int float_compare(double x, double y, int op)
{
    switch (op) {
    case GP_LT: return x < y;
    case GP_LE: return x <= y;
    case GP_EQ: return x == y;
    case GP_NE: return x != y;
    case GP_GT: return x > y;
    default: return x >= y;
    }
}

/* The value of a StopIteration being handled by FOR_ITER / SEND: clears
** it.  Returns 1 when the current exception was a StopIteration. */
static int take_stopiteration(gp_obj_t **value)
{
    if (!gp_err_matches(&gp_exc_StopIteration))
        return 0;
    gp_obj_t *e = gp_err_fetch();
    if (value)
        *value = gp_exc_stopiteration_value(e);
    GP_DECREF(e);
    return 1;
}

gp_obj_t *gp_eval_frame(gp_thread_t *t, gp_frame_t *f, int throwflag)
{
#if GP_USE_COMPUTED_GOTO
    static void *const targets[256] = {
#define GP_OP_TARGET(name) &&TARGET_##name,
        GP_OP_LIST(GP_OP_TARGET)
#undef GP_OP_TARGET
        [GP_OP_COUNT ... 255] = &&unknown_opcode,
    };
#endif
    gp_code_t *co;
    uint32_t *instrs, *next;
    gp_obj_t **sp, **fast, **consts, **names;
    uint32_t word, oparg;
    int opcode;
    gp_obj_t *kwnames = NULL;       /* set by KW_NAMES for the next CALL */
    gp_obj_t *retval = NULL;
    /* This thread's eval-breaker word: the poll's one load. */
    _Atomic uintptr_t *breaker = &((gil_tstate_head_t *)t->ts)->breaker;
    (void)breaker;

    if (gp_frame_enter_depth(t) < 0)
        return NULL;
    f->entry = 1;
    f->back = t->frame;
    t->frame = f;
    f->yielded = 0;
    LOAD_FRAME();
    if (throwflag) {
        f->state = GP_FRAME_EXECUTING;
        if (next == instrs)
            next++;             /* the error is at instruction 0 */
        goto error;
    }
    if (f->state == GP_FRAME_CREATED) {
    start_frame:
        /* RESUME: the function-entry poll. */
        f->state = GP_FRAME_EXECUTING;
        if (GP_EVAL_POLL(t)) {
            next++;
            goto error;
        }
    }
    f->state = GP_FRAME_EXECUTING;

#if GP_USE_COMPUTED_GOTO
    DISPATCH();
#endif
    for (;;) {
#if !GP_USE_COMPUTED_GOTO
    dispatch:
        word = *next++;
        oparg = GP_INSTR_ARG(word);
        opcode = (int)GP_INSTR_OP(word);
    dispatch_op:
#else
        opcode = (int)GP_INSTR_OP(word);
#endif
        switch (opcode) {

        /* ---- stack ---- */
        TARGET(NOP) {
            DISPATCH();
        }
        TARGET(POP_TOP) {
            gp_obj_t *v = POP();
            GP_DECREF(v);
            DISPATCH();
        }
        TARGET(PUSH_NULL) {
            PUSH(NULL);
            DISPATCH();
        }
        TARGET(COPY) {
            gp_obj_t *v = PEEK(oparg);
            PUSH(gp_xnewref(v));
            DISPATCH();
        }
        TARGET(SWAP) {
            gp_obj_t *v = TOP();
            SET_TOP(PEEK(oparg));
            PEEK(oparg) = v;
            DISPATCH();
        }
        TARGET(LOAD_CONST) {
            gp_obj_t *v = consts[oparg];
            PUSH(gp_newref(v));
            DISPATCH();
        }
        TARGET(RETURN_VALUE) {
            retval = POP();
            goto return_value;
        }

        /* ---- names ---- */
        TARGET(LOAD_FAST) {
            gp_obj_t *v = GETLOCAL(oparg);
            if (__builtin_expect(v == NULL, 0)) {
                gp_ceval_unbound_local(GP_TUPLE_GET(co->varnames, oparg));
                goto error;
            }
            PUSH(gp_newref(v));
            DISPATCH();
        }
        TARGET(STORE_FAST) {
            gp_obj_t *v = POP(), *old = GETLOCAL(oparg);
            GETLOCAL(oparg) = v;
            GP_XDECREF(old);
            DISPATCH();
        }
        TARGET(DELETE_FAST) {
            gp_obj_t *old = GETLOCAL(oparg);
            if (!old) {
                gp_ceval_unbound_local(GP_TUPLE_GET(co->varnames, oparg));
                goto error;
            }
            GETLOCAL(oparg) = NULL;
            GP_DECREF(old);
            DISPATCH();
        }
        TARGET(LOAD_DEREF) {
            gp_obj_t *cell = GETLOCAL(oparg);
            gp_obj_t *v = cell ? ((gp_cell_t *)cell)->ref : NULL;
            if (!v) {
                gp_ceval_deref_error(co, (int)oparg);
                goto error;
            }
            PUSH(gp_newref(v));
            DISPATCH();
        }
        TARGET(STORE_DEREF) {
            gp_obj_t *v = POP();
            gp_cell_t *cell = (gp_cell_t *)GETLOCAL(oparg);
            gp_obj_t *old = cell->ref;
            cell->ref = v;
            GP_XDECREF(old);
            DISPATCH();
        }
        TARGET(DELETE_DEREF) {
            gp_cell_t *cell = (gp_cell_t *)GETLOCAL(oparg);
            gp_obj_t *old = cell->ref;
            if (!old) {
                gp_ceval_deref_error(co, (int)oparg);
                goto error;
            }
            cell->ref = NULL;
            GP_DECREF(old);
            DISPATCH();
        }
        TARGET(LOAD_CLASSDEREF) {
            gp_obj_t *name = gp_ceval_slot_name(co, (int)oparg), *v = NULL;
            if (f->locals) {
                if (GP_DICT_CHECK_EXACT(f->locals)) {
                    v = gp_dict_getitem(f->locals, name);
                    if (v)
                        GP_INCREF(v);
                    else
                        ERROR_IF(gp_err_occurred());
                } else {
                    v = gp_getitem(f->locals, name);
                    if (!v) {
                        ERROR_IF(!gp_err_matches(&gp_exc_KeyError));
                        gp_err_clear();
                    }
                }
            }
            if (!v) {
                gp_obj_t *cell = GETLOCAL(oparg);
                v = cell ? ((gp_cell_t *)cell)->ref : NULL;
                if (!v) {
                    gp_ceval_deref_error(co, (int)oparg);
                    goto error;
                }
                GP_INCREF(v);
            }
            PUSH(v);
            DISPATCH();
        }
        TARGET(LOAD_CLOSURE) {
            gp_obj_t *cell = GETLOCAL(oparg);
            PUSH(gp_newref(cell));
            DISPATCH();
        }
        TARGET(LOAD_NAME) {
            gp_obj_t *name = names[oparg], *v;
            gp_obj_t *loc = f->locals;
            if (!loc) {
                gp_err_format(&gp_exc_SystemError,
                              "no locals when loading %R", name);
                goto error;
            }
            if (GP_DICT_CHECK_EXACT(loc)) {
                v = gp_dict_getitem(loc, name);
                if (v) {
                    PUSH(gp_newref(v));
                    DISPATCH();
                }
                ERROR_IF(gp_err_occurred());
            } else {
                v = gp_getitem(loc, name);
                if (v) {
                    PUSH(v);
                    DISPATCH();
                }
                ERROR_IF(!gp_err_matches(&gp_exc_KeyError));
                gp_err_clear();
            }
            v = gp_dict_getitem(f->globals, name);
            if (!v) {
                ERROR_IF(gp_err_occurred());
                v = gp_dict_getitem(f->builtins, name);
                if (!v) {
                    if (!gp_err_occurred())
                        gp_ceval_name_error(name);
                    goto error;
                }
            }
            PUSH(gp_newref(v));
            DISPATCH();
        }
        TARGET(STORE_NAME) {
            gp_obj_t *name = names[oparg], *v = POP();
            gp_obj_t *loc = f->locals;
            int err;
            if (!loc) {
                gp_err_format(&gp_exc_SystemError,
                              "no locals found when storing %R", name);
                GP_DECREF(v);
                goto error;
            }
            if (GP_DICT_CHECK_EXACT(loc))
                err = gp_dict_setitem(loc, name, v);
            else
                err = gp_setitem(loc, name, v);
            GP_DECREF(v);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(DELETE_NAME) {
            gp_obj_t *name = names[oparg];
            gp_obj_t *loc = f->locals;
            if (!loc) {
                gp_err_format(&gp_exc_SystemError,
                              "no locals when deleting %R", name);
                goto error;
            }
            if (gp_delitem(loc, name) < 0) {
                if (gp_err_matches(&gp_exc_KeyError)) {
                    gp_err_clear();
                    gp_ceval_name_error(name);
                }
                goto error;
            }
            DISPATCH();
        }
        TARGET(LOAD_GLOBAL) {
            gp_global_cache_t *c = co->global_cache
                                   ? &co->global_cache[oparg >> 1] : NULL;
            gp_obj_t *v;
            if (c && c->globals_version == gp_dict_version(f->globals) &&
                c->builtins_version == gp_dict_version(f->builtins)) {
                v = c->value;
            } else {
                v = gp_ceval_load_global(co, f->globals, f->builtins,
                                         oparg >> 1);
                ERROR_IF(!v);
            }
            if (oparg & 1)
                PUSH(NULL);
            PUSH(gp_newref(v));
            DISPATCH();
        }
        TARGET(STORE_GLOBAL) {
            gp_obj_t *v = POP();
            int err = gp_dict_setitem(f->globals, names[oparg], v);
            GP_DECREF(v);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(DELETE_GLOBAL) {
            if (gp_dict_delitem(f->globals, names[oparg]) < 0) {
                if (gp_err_matches(&gp_exc_KeyError)) {
                    gp_err_clear();
                    gp_ceval_name_error(names[oparg]);
                }
                goto error;
            }
            DISPATCH();
        }
        TARGET(LOAD_ATTR) {
            gp_obj_t *o = TOP();
            gp_obj_t *v = gp_getattr(o, names[oparg]);
            GP_DECREF(o);
            SET_TOP(v);
            if (!v) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(STORE_ATTR) {
            gp_obj_t *o = POP(), *v = POP();
            int err = gp_setattr(o, names[oparg], v);
            GP_DECREF(v);
            GP_DECREF(o);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(DELETE_ATTR) {
            gp_obj_t *o = POP();
            int err = gp_setattr(o, names[oparg], NULL);
            GP_DECREF(o);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(LOAD_METHOD) {
            gp_obj_t *o = TOP(), *meth = NULL;
            int r = gp_get_method(o, names[oparg], &meth);
            if (r < 0) {
                sp--;
                GP_DECREF(o);
                goto error;
            }
            if (r == 1) {
                SET_TOP(meth);
                PUSH(o);
            } else {
                SET_TOP(NULL);
                GP_DECREF(o);
                PUSH(meth);
            }
            DISPATCH();
        }

        /* ---- operators ---- */
        TARGET(BINARY_OP) {
            gp_obj_t *b = POP(), *a = TOP();
            gp_obj_t *r = small_int_binop(a, b, (int)oparg);
            double z;
            if (r) {
                GP_DECREF(a);
                GP_DECREF(b);
            } else if (float_binop(a, b, (int)oparg, &z)) {
                r = float_result(a, b, z);
            } else {
                r = gp_binary_op(a, b, (int)oparg);
                GP_DECREF(a);
                GP_DECREF(b);
            }
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(UNARY_POSITIVE) {
            gp_obj_t *v = TOP(), *r = gp_number_pos(v);
            GP_DECREF(v);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(UNARY_NEGATIVE) {
            gp_obj_t *v = TOP(), *r;
            if (GP_INT_CHECK_EXACT(v) && gp_int_is_small(v)
                && gp_int_small(v) != INT64_MIN)
                r = gp_int_from_i64(-gp_int_small(v));
            else
                r = gp_number_neg(v);
            GP_DECREF(v);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(UNARY_NOT) {
            gp_obj_t *v = TOP();
            int b = is_true_fast(v);
            GP_DECREF(v);
            if (b < 0) {
                sp--;
                goto error;
            }
            SET_TOP(gp_bool_from(!b));
            DISPATCH();
        }
        TARGET(UNARY_INVERT) {
            gp_obj_t *v = TOP(), *r = gp_number_invert(v);
            GP_DECREF(v);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(COMPARE_OP) {
            gp_obj_t *b = POP(), *a = TOP(), *r;
            if (GP_INT_CHECK_EXACT(a) && GP_INT_CHECK_EXACT(b)
                && gp_int_is_small(a) && gp_int_is_small(b))
                r = gp_bool_from(small_int_compare(a, b, (int)oparg));
            else if (GP_FLOAT_CHECK_EXACT(a) && GP_FLOAT_CHECK_EXACT(b))
                r = gp_bool_from(float_compare(gp_float_value(a),
                                               gp_float_value(b),
                                               (int)oparg));
            else
                r = gp_richcompare(a, b, (int)oparg);
            GP_DECREF(a);
            GP_DECREF(b);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(IS_OP) {
            gp_obj_t *b = POP(), *a = TOP();
            int r = (a == b) ^ (int)oparg;
            GP_DECREF(a);
            GP_DECREF(b);
            SET_TOP(gp_bool_from(r));
            DISPATCH();
        }
        TARGET(CONTAINS_OP) {
            gp_obj_t *b = POP(), *a = TOP();
            int r = gp_contains(b, a);
            GP_DECREF(a);
            GP_DECREF(b);
            if (r < 0) {
                sp--;
                goto error;
            }
            SET_TOP(gp_bool_from(r ^ (int)oparg));
            DISPATCH();
        }
        TARGET(BINARY_SUBSCR) {
            gp_obj_t *k = POP(), *o = TOP(), *r = NULL;
            if (GP_INT_CHECK_EXACT(k) && gp_int_is_small(k)) {
                int64_t i = gp_int_small(k);
                if (GP_LIST_CHECK_EXACT(o)) {
                    if (i < 0)
                        i += GP_SIZE(o);
                    if (i >= 0 && i < GP_SIZE(o))
                        r = gp_newref(GP_LIST_GET(o, i));
                } else if (GP_TUPLE_CHECK_EXACT(o)) {
                    if (i < 0)
                        i += GP_SIZE(o);
                    if (i >= 0 && i < GP_SIZE(o))
                        r = gp_newref(GP_TUPLE_GET(o, i));
                }
            }
            if (!r)
                r = gp_getitem(o, k);
            GP_DECREF(o);
            GP_DECREF(k);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(STORE_SUBSCR) {
            gp_obj_t *k = POP(), *o = POP(), *v = POP();
            int err;
            if (GP_LIST_CHECK_EXACT(o) && GP_INT_CHECK_EXACT(k)
                && gp_int_is_small(k) && gp_int_small(k) >= 0
                && gp_int_small(k) < GP_SIZE(o)) {
                gp_obj_t *old = GP_LIST_GET(o, gp_int_small(k));
                GP_LIST_SET(o, gp_int_small(k), v);
                GP_DECREF(old);
                err = 0;
            } else {
                err = gp_setitem(o, k, v);
                GP_DECREF(v);
            }
            GP_DECREF(o);
            GP_DECREF(k);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(DELETE_SUBSCR) {
            gp_obj_t *k = POP(), *o = POP();
            int err = gp_delitem(o, k);
            GP_DECREF(o);
            GP_DECREF(k);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(BUILD_SLICE) {
            gp_obj_t *step = oparg == 3 ? POP() : NULL;
            gp_obj_t *stop = POP(), *start = TOP();
            gp_obj_t *s = gp_slice_new(start, stop, step);
            GP_DECREF(start);
            GP_DECREF(stop);
            GP_XDECREF(step);
            SET_TOP(s);
            if (!s) {
                sp--;
                goto error;
            }
            DISPATCH();
        }

        /* ---- building ---- */
        TARGET(BUILD_TUPLE) {
            gp_obj_t *tup = gp_tuple_new(oparg);
            if (!tup)
                goto error;
            while (oparg--)
                GP_TUPLE_SET(tup, oparg, POP());
            PUSH(tup);
            DISPATCH();
        }
        TARGET(BUILD_LIST) {
            gp_obj_t *list = gp_list_new(oparg);
            if (!list)
                goto error;
            while (oparg--)
                GP_LIST_SET(list, oparg, POP());
            PUSH(list);
            DISPATCH();
        }
        TARGET(BUILD_SET) {
            gp_obj_t *set = gp_set_new(NULL);
            int err = set ? 0 : -1;
            for (uint32_t i = oparg; i > 0; i--) {
                gp_obj_t *v = PEEK(i);
                if (err == 0)
                    err = gp_set_add(set, v);
                GP_DECREF(v);
            }
            sp -= oparg;
            if (err < 0) {
                GP_XDECREF(set);
                goto error;
            }
            PUSH(set);
            DISPATCH();
        }
        TARGET(BUILD_MAP) {
            gp_obj_t *d = gp_dict_new();
            int err = d ? 0 : -1;
            for (uint32_t i = oparg; i > 0; i--) {
                gp_obj_t *k = PEEK(2 * i), *v = PEEK(2 * i - 1);
                if (err == 0)
                    err = gp_dict_setitem(d, k, v);
                GP_DECREF(k);
                GP_DECREF(v);
            }
            sp -= 2 * oparg;
            if (err < 0) {
                GP_XDECREF(d);
                goto error;
            }
            PUSH(d);
            DISPATCH();
        }
        TARGET(BUILD_CONST_KEY_MAP) {
            gp_obj_t *keys = POP();
            gp_obj_t *d = gp_dict_new();
            int err = d ? 0 : -1;
            for (uint32_t i = 0; i < oparg; i++) {
                gp_obj_t *v = PEEK(oparg - i);
                if (err == 0)
                    err = gp_dict_setitem(d, GP_TUPLE_GET(keys, i), v);
                GP_DECREF(v);
            }
            sp -= oparg;
            GP_DECREF(keys);
            if (err < 0) {
                GP_XDECREF(d);
                goto error;
            }
            PUSH(d);
            DISPATCH();
        }
        TARGET(BUILD_STRING) {
            gp_obj_t *s = gp_str_concat_array(sp - oparg, oparg);
            for (uint32_t i = oparg; i > 0; i--) {
                gp_obj_t *v = POP();
                GP_DECREF(v);
            }
            ERROR_IF(!s);
            PUSH(s);
            DISPATCH();
        }
        TARGET(LIST_APPEND) {
            gp_obj_t *v = POP();
            int err = gp_list_append(PEEK(oparg), v);
            GP_DECREF(v);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(SET_ADD) {
            gp_obj_t *v = POP();
            int err = gp_set_add(PEEK(oparg), v);
            GP_DECREF(v);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(MAP_ADD) {
            gp_obj_t *v = POP(), *k = POP();
            int err = gp_dict_setitem(PEEK(oparg), k, v);
            GP_DECREF(k);
            GP_DECREF(v);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(LIST_EXTEND) {
            gp_obj_t *it = POP();
            int err = gp_ceval_list_extend(PEEK(oparg), it);
            GP_DECREF(it);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(SET_UPDATE) {
            gp_obj_t *it = POP();
            int err = gp_set_update(PEEK(oparg), it);
            GP_DECREF(it);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(DICT_UPDATE) {
            gp_obj_t *u = POP();
            int err = gp_ceval_dict_update(PEEK(oparg), u);
            GP_DECREF(u);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(DICT_MERGE) {
            gp_obj_t *u = POP();
            int err = gp_ceval_dict_merge(PEEK(oparg + 2), PEEK(oparg), u);
            GP_DECREF(u);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(LIST_TO_TUPLE) {
            gp_obj_t *list = TOP(), *tup = gp_list_as_tuple(list);
            GP_DECREF(list);
            SET_TOP(tup);
            if (!tup) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(UNPACK_SEQUENCE) {
            gp_obj_t *seq = POP();
            gp_obj_t *const *items = NULL;
            if (GP_TUPLE_CHECK_EXACT(seq) && GP_SIZE(seq) == (gp_ssize_t)oparg)
                items = GP_TUPLE_ITEMS(seq);
            else if (GP_LIST_CHECK_EXACT(seq)
                     && GP_SIZE(seq) == (gp_ssize_t)oparg)
                items = GP_LIST_ITEMS(seq);
            if (items) {
                for (uint32_t i = oparg; i > 0; i--)
                    PUSH(gp_newref(items[i - 1]));
            } else {
                if (gp_unpack_iterable(seq, oparg, 0, 0, sp) < 0) {
                    GP_DECREF(seq);
                    goto error;
                }
                /* out[] came in order; the first item goes on top. */
                for (uint32_t i = 0; i < oparg / 2; i++) {
                    gp_obj_t *x = sp[i];
                    sp[i] = sp[oparg - 1 - i];
                    sp[oparg - 1 - i] = x;
                }
                sp += oparg;
            }
            GP_DECREF(seq);
            DISPATCH();
        }
        TARGET(UNPACK_EX) {
            gp_obj_t *seq = POP();
            uint32_t before = oparg & 0xff, after = oparg >> 8;
            uint32_t n = before + 1 + after;
            if (gp_unpack_iterable(seq, before, after, 1, sp) < 0) {
                GP_DECREF(seq);
                goto error;
            }
            for (uint32_t i = 0; i < n / 2; i++) {
                gp_obj_t *x = sp[i];
                sp[i] = sp[n - 1 - i];
                sp[n - 1 - i] = x;
            }
            sp += n;
            GP_DECREF(seq);
            DISPATCH();
        }
        TARGET(FORMAT_VALUE) {
            gp_obj_t *spec = (oparg & 4) ? POP() : NULL;
            gp_obj_t *v = TOP();
            gp_obj_t *r = gp_ceval_format_value(v, (int)(oparg & 3), spec);
            GP_DECREF(v);
            GP_XDECREF(spec);
            SET_TOP(r);
            if (!r) {
                sp--;
                goto error;
            }
            DISPATCH();
        }

        /* ---- control ---- */
        TARGET(JUMP_FORWARD) {
            JUMPTO(oparg);
            DISPATCH();
        }
        TARGET(JUMP_BACKWARD) {
            JUMPTO(oparg);
            if (GP_EVAL_POLL(t))
                goto error;
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_FALSE) {
            gp_obj_t *v = POP();
            int b = is_true_fast(v);
            GP_DECREF(v);
            ERROR_IF(b < 0);
            if (!b)
                JUMPTO(oparg);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_TRUE) {
            gp_obj_t *v = POP();
            int b = is_true_fast(v);
            GP_DECREF(v);
            ERROR_IF(b < 0);
            if (b)
                JUMPTO(oparg);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_NONE) {
            gp_obj_t *v = POP();
            if (v == GP_NONE)
                JUMPTO(oparg);
            GP_DECREF(v);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_NOT_NONE) {
            gp_obj_t *v = POP();
            if (v != GP_NONE)
                JUMPTO(oparg);
            GP_DECREF(v);
            DISPATCH();
        }
        TARGET(JUMP_IF_FALSE_OR_POP) {
            gp_obj_t *v = TOP();
            int b = is_true_fast(v);
            ERROR_IF(b < 0);
            if (!b) {
                JUMPTO(oparg);
            } else {
                sp--;
                GP_DECREF(v);
            }
            DISPATCH();
        }
        TARGET(JUMP_IF_TRUE_OR_POP) {
            gp_obj_t *v = TOP();
            int b = is_true_fast(v);
            ERROR_IF(b < 0);
            if (b) {
                JUMPTO(oparg);
            } else {
                sp--;
                GP_DECREF(v);
            }
            DISPATCH();
        }
        TARGET(GET_ITER) {
            gp_obj_t *o = TOP(), *it = gp_iter(o);
            GP_DECREF(o);
            SET_TOP(it);
            if (!it) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(FOR_ITER) {
            gp_obj_t *it = TOP();
            gp_obj_t *v = GP_TYPE(it)->iternext(it);
            if (v) {
                PUSH(v);
                DISPATCH();
            }
            if (gp_err_occurred()) {
                if (!take_stopiteration(NULL))
                    goto error;
            }
            sp--;
            GP_DECREF(it);
            JUMPTO(oparg);
            DISPATCH();
        }

        /* ---- calls and definitions ---- */
        TARGET(KW_NAMES) {
            kwnames = consts[oparg];
            DISPATCH();
        }
        TARGET(CALL) {
            gp_obj_t **base = sp - oparg - 2;   /* [X Y args...] */
            gp_obj_t *kw = kwnames;
            gp_ssize_t nkw = kw ? GP_SIZE(kw) : 0;
            kwnames = NULL;
            int is_meth = base[0] != NULL;
            if (!is_meth && GP_METHOD_CHECK(base[1])) {
                /* A bound method: call its function with self in front,
                ** which also lets a Python method run inline. */
                gp_method_t *m = (gp_method_t *)base[1];
                base[0] = gp_newref(m->func);
                base[1] = gp_newref(m->self);
                GP_DECREF(m);
                is_meth = 1;
            }
            gp_obj_t *callable = is_meth ? base[0] : base[1];
            gp_obj_t **args = is_meth ? base + 1 : base + 2;
            gp_ssize_t nargs = (gp_ssize_t)oparg + is_meth - nkw;
            if (GP_FUNCTION_CHECK(callable)
                && !(((gp_code_t *)((gp_function_t *)callable)->code)->flags
                     & GP_CO_GENERATOR)) {
                gp_function_t *fn = (gp_function_t *)callable;
                gp_frame_t *nf = gp_frame_push(t, (gp_code_t *)fn->code,
                                               fn->globals, fn->builtins,
                                               NULL, callable);
                if (!nf || gp_bind_args(nf, callable, args, nargs, kw) < 0) {
                    if (nf)
                        gp_frame_pop(t, nf);
                    while (sp > base) {
                        gp_obj_t *v = POP();
                        GP_XDECREF(v);
                    }
                    goto error;
                }
                while (sp > base) {
                    gp_obj_t *v = POP();
                    GP_XDECREF(v);
                }
                SAVE_FRAME();
                if (gp_frame_enter_depth(t) < 0) {
                    gp_frame_pop(t, nf);
                    goto error;
                }
                nf->back = f;
                nf->entry = 0;
                t->frame = nf;
                f = nf;
                LOAD_FRAME();
                goto start_frame;
            }
            gp_obj_t *res = gp_vectorcall(callable, args, nargs, kw);
            while (sp > base) {
                gp_obj_t *v = POP();
                GP_XDECREF(v);
            }
            ERROR_IF(!res);
            PUSH(res);
            /* After a call into C, as CPython 3.11: a signal that arrived
            ** while it blocked (lock.acquire) raises here, at the call,
            ** not inside whatever Python code runs next (which could be
            ** a `finally` that must not be cut short). */
            if (GP_EVAL_POLL(t))
                goto error;
            DISPATCH();
        }
        TARGET(CALL_FUNCTION_EX) {
            gp_obj_t *kwargs = (oparg & 1) ? POP() : NULL;
            gp_obj_t *cargs = POP(), *func = TOP();
            gp_obj_t *res = gp_ceval_call_ex(func, cargs, kwargs);
            GP_XDECREF(kwargs);
            GP_DECREF(cargs);
            GP_DECREF(func);
            SET_TOP(res);
            if (!res) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(MAKE_FUNCTION) {
            gp_obj_t *code = POP();
            gp_obj_t *defaults = (oparg & 1) ? POP() : NULL;
            gp_obj_t *kwdefaults = (oparg & 2) ? POP() : NULL;
            gp_obj_t *annotations = (oparg & 4) ? POP() : NULL;
            gp_obj_t *closure = (oparg & 8) ? POP() : NULL;
            gp_obj_t *fn = gp_ceval_make_function(code, f->globals, defaults,
                                                  kwdefaults, annotations,
                                                  closure);
            GP_DECREF(code);
            GP_XDECREF(defaults);
            GP_XDECREF(kwdefaults);
            GP_XDECREF(annotations);
            GP_XDECREF(closure);
            ERROR_IF(!fn);
            PUSH(fn);
            DISPATCH();
        }
        TARGET(LOAD_BUILD_CLASS) {
            gp_obj_t *bc = gp_dict_getitem(f->builtins, GP_ID(__build_class__));
            if (!bc) {
                if (!gp_err_occurred())
                    gp_err_set_str(&gp_exc_NameError,
                                   "__build_class__ not found");
                goto error;
            }
            PUSH(gp_newref(bc));
            DISPATCH();
        }
        TARGET(RETURN_GENERATOR) {
            /* The generator already exists (the call made it); the first
            ** resume pushes nothing, so a POP_TOP of the first sent value
            ** is skipped too. */
            if (next < instrs + co->ncode && GP_INSTR_OP(*next) == GP_OP_POP_TOP)
                next++;
            DISPATCH();
        }
        TARGET(YIELD_VALUE) {
            retval = POP();
            f->yielded = 1;
            goto exit_entry;
        }
        TARGET(SEND) {
            gp_obj_t *v = POP(), *recv = TOP(), *r = NULL;
            int st = gp_iter_send(recv, v, &r);
            GP_DECREF(v);
            ERROR_IF(st == GP_SEND_ERROR);
            if (st == GP_SEND_RETURN) {
                SET_TOP(r);
                GP_DECREF(recv);
                JUMPTO(oparg);
                DISPATCH();
            }
            PUSH(r);
            DISPATCH();
        }
        TARGET(GET_YIELD_FROM_ITER) {
            gp_obj_t *o = TOP();
            if (!GP_GEN_CHECK(o)) {
                gp_obj_t *it = gp_iter(o);
                GP_DECREF(o);
                SET_TOP(it);
                if (!it) {
                    sp--;
                    goto error;
                }
            }
            DISPATCH();
        }
        TARGET(IMPORT_NAME) {
            gp_obj_t *fromlist = POP(), *level = TOP();
            int64_t lv = gp_int_as_i64(level);
            gp_obj_t *m = NULL;
            if (!(lv == -1 && gp_err_occurred()))
                m = gp_import_name(names[oparg], f->globals, fromlist, (int)lv);
            GP_DECREF(fromlist);
            GP_DECREF(level);
            SET_TOP(m);
            if (!m) {
                sp--;
                goto error;
            }
            DISPATCH();
        }
        TARGET(IMPORT_FROM) {
            gp_obj_t *x = gp_ceval_import_from(TOP(), names[oparg]);
            ERROR_IF(!x);
            PUSH(x);
            DISPATCH();
        }
        TARGET(IMPORT_STAR) {
            gp_obj_t *m = POP();
            int err = gp_ceval_import_star(f, m);
            GP_DECREF(m);
            ERROR_IF(err < 0);
            DISPATCH();
        }
        TARGET(SETUP_ANNOTATIONS) {
            ERROR_IF(gp_ceval_setup_annotations(f) < 0);
            DISPATCH();
        }
        TARGET(LOAD_ASSERTION_ERROR) {
            PUSH(gp_newref((gp_obj_t *)&gp_exc_AssertionError));
            DISPATCH();
        }
        TARGET(PRINT_EXPR) {
            gp_obj_t *v = POP();
            int err = gp_ceval_print_expr(v);
            GP_DECREF(v);
            ERROR_IF(err < 0);
            DISPATCH();
        }

        /* ---- exceptions and with ---- */
        TARGET(SETUP_FINALLY) {
            if (f->nblocks >= co->blocksize) {
                gp_err_set_str(&gp_exc_SystemError, "block stack overflow");
                goto error;
            }
            gp_block_t *b = &f->blocks[f->nblocks++];
            b->handler = (int32_t)oparg;
            b->level = (int32_t)(sp - f->stack);
            DISPATCH();
        }
        TARGET(POP_BLOCK) {
            if (f->nblocks > 0)
                f->nblocks--;
            DISPATCH();
        }
        TARGET(PUSH_EXC_INFO) {
            gp_obj_t *exc = TOP();
            gp_excinfo_t *ei = t->exc_info;
            gp_obj_t *prev = ei->exc ? ei->exc : gp_newref(GP_NONE);
            ei->exc = gp_newref(exc);
            SET_TOP(prev);
            PUSH(exc);
            DISPATCH();
        }
        TARGET(POP_EXCEPT) {
            gp_obj_t *prev = POP();
            gp_excinfo_t *ei = t->exc_info;
            gp_obj_t *old = ei->exc;
            ei->exc = prev;
            GP_XDECREF(old);
            DISPATCH();
        }
        TARGET(CHECK_EXC_MATCH) {
            gp_obj_t *type = POP(), *exc = TOP();
            if (gp_ceval_check_except_type(type) < 0) {
                GP_DECREF(type);
                goto error;
            }
            int r = gp_err_given_matches(exc, type);
            GP_DECREF(type);
            PUSH(gp_bool_from(r > 0));
            DISPATCH();
        }
        TARGET(RERAISE) {
            gp_obj_t *exc = POP();
            gp_err_restore(exc);
            f->lasti = INSTR_INDEX();
            goto exception_unwind;
        }
        TARGET(RAISE_VARARGS) {
            gp_obj_t *cause = oparg >= 2 ? POP() : NULL;
            gp_obj_t *exc = oparg >= 1 ? POP() : NULL;
            if (gp_ceval_do_raise(exc, cause)) {
                f->lasti = INSTR_INDEX();
                goto exception_unwind;
            }
            goto error;
        }
        TARGET(BEFORE_WITH) {
            gp_obj_t *mgr = TOP(), *exitf = NULL;
            gp_obj_t *res = gp_ceval_before_with(mgr, &exitf);
            GP_DECREF(mgr);
            if (!res) {
                sp--;
                goto error;
            }
            SET_TOP(exitf);
            PUSH(res);
            DISPATCH();
        }
        TARGET(WITH_EXCEPT_START) {
            gp_obj_t *res = gp_ceval_with_exit(PEEK(3), PEEK(1));
            ERROR_IF(!res);
            PUSH(res);
            DISPATCH();
        }
        TARGET(LOAD_EXC) {
            goto unknown_opcode;
        }
        TARGET(GEN_START) {
            goto unknown_opcode;
        }
        TARGET(EXTENDED_ARG) {
            uint32_t hi = oparg;
            word = *next++;
            oparg = (hi << 24) | GP_INSTR_ARG(word);
            DISPATCH_OP(GP_INSTR_OP(word));
        }
        default:
            goto unknown_opcode;
        }
    }

unknown_opcode:
    gp_err_format(&gp_exc_SystemError, "unknown opcode %d",
                  (int)GP_INSTR_OP(word));
    goto error;

return_value:
    if (f->entry)
        goto exit_entry;
    {
        /* Back to the caller in this same loop. */
        gp_frame_t *caller = f->back;
        f->sp = sp;
        f->state = GP_FRAME_DONE;
        t->frame = caller;
        t->depth--;
        gp_frame_pop(t, f);
        f = caller;
        LOAD_FRAME();
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }

error:
    f->lasti = INSTR_INDEX();
    if (!gp_err_occurred())
        gp_err_set_str(&gp_exc_SystemError,
                       "error return without exception set");
    gp_tb_here((gp_obj_t *)co, f->globals, f->lasti);
exception_unwind:
    kwnames = NULL;
    if (f->nblocks > 0) {
        gp_block_t b = f->blocks[--f->nblocks];
        gp_obj_t **level = f->stack + b.level;
        while (sp > level) {
            gp_obj_t *v = POP();
            GP_XDECREF(v);
        }
        PUSH(gp_err_fetch());
        JUMPTO(b.handler);
        DISPATCH();
    }
    while (sp > f->stack) {
        gp_obj_t *v = POP();
        GP_XDECREF(v);
    }
    retval = NULL;
    if (!f->entry) {
        gp_frame_t *caller = f->back;
        f->sp = sp;
        f->state = GP_FRAME_DONE;
        t->frame = caller;
        t->depth--;
        gp_frame_pop(t, f);
        f = caller;
        LOAD_FRAME();
        goto error;
    }

exit_entry:
    SAVE_FRAME();
    f->state = f->yielded ? GP_FRAME_SUSPENDED : GP_FRAME_DONE;
    t->frame = f->back;
    t->depth--;
    return retval;
}
