/*
** obj_gen.c — generators (genobj.h): stepping the owned frame through the
** eval loop, send / throw / close, `yield from` delegation.  Guard: the
** GIL.
**
** A generator's frame is suspended at a YIELD_VALUE; when that
** instruction directly follows a SEND it is a `yield from` and the
** sub-iterator is the top of the frame's value stack (ceval.c documents
** the shape).  The frame is freed as soon as the generator finishes.
*/
#include <stdlib.h>
#include <string.h>

#include "objects/genobj.h"
#include "vm/frame.h"
#include "vm/funcobj.h"
#include "vm/opcode.h"
#include "vm/errors.h"
#include "vm/traceback.h"
#include "objects/abstract.h"
#include "objects/numobj.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "objects/gc.h"
#include "objects/ids.h"

gp_obj_t *gp_gen_new(gp_frame_t *f)
{
    gp_gen_t *g = (gp_gen_t *)gp_type_alloc(&gp_gen_type, 0);
    if (!g) {
        gp_frame_free(f);
        return NULL;
    }
    g->frame = f;
    f->gen = g;
    g->code = gp_newref((gp_obj_t *)f->code);
    g->name = gp_newref(f->code->name);
    g->qualname = gp_newref(f->func ? ((gp_function_t *)f->func)->qualname
                                    : f->code->qualname);
    gp_gc_track((gp_obj_t *)g);
    return (gp_obj_t *)g;
}

static void gen_finish(gp_gen_t *g)
{
    gp_frame_t *f = g->frame;
    if (f) {
        g->frame = NULL;
        gp_frame_free(f);
    }
    GP_CLEAR(g->exc_state.exc);
}

/* Raise StopIteration(value) (value may be a tuple or an exception, so
** the instance is made here). */
static void set_stopiteration(gp_obj_t *value)
{
    if (value == GP_NONE) {
        gp_err_set_none(&gp_exc_StopIteration);
        return;
    }
    gp_obj_t *e = gp_call_one((gp_obj_t *)&gp_exc_StopIteration, value);
    if (!e)
        return;
    gp_err_set(&gp_exc_StopIteration, e);
    GP_DECREF(e);
}

/* One step: arg pushed as the value of the yield (NULL: None), or with
** throwflag the current exception raised at the yield. */
static int gen_step(gp_gen_t *g, gp_obj_t *arg, gp_obj_t **result,
                    int throwflag)
{
    gp_thread_t *t = gp_tcur();
    gp_frame_t *f = g->frame;
    *result = NULL;
    if (g->running) {
        if (throwflag)
            gp_err_clear();
        gp_err_set_str(&gp_exc_ValueError, "generator already executing");
        return GP_SEND_ERROR;
    }
    if (!f || f->state == GP_FRAME_DONE) {
        if (throwflag)
            return GP_SEND_ERROR;
        *result = gp_newref(GP_NONE);
        return GP_SEND_RETURN;
    }
    if (!throwflag) {
        if (f->state == GP_FRAME_CREATED) {
            if (arg && arg != GP_NONE) {
                gp_err_set_str(&gp_exc_TypeError,
                    "can't send non-None value to a just-started generator");
                return GP_SEND_ERROR;
            }
        } else {
            *f->sp++ = gp_newref(arg ? arg : GP_NONE);
        }
    }
    g->exc_state.prev = t->exc_info;
    t->exc_info = &g->exc_state;
    g->running = 1;
    GP_INCREF(g);               /* the step may drop the last reference */
    gp_obj_t *r = gp_eval_frame(t, f, throwflag);
    g->running = 0;
    t->exc_info = g->exc_state.prev;
    g->exc_state.prev = NULL;
    int st;
    if (r && f->yielded) {
        *result = r;
        st = GP_SEND_NEXT;
    } else if (r) {
        *result = r;
        gen_finish(g);
        st = GP_SEND_RETURN;
    } else {
        if (gp_err_matches(&gp_exc_StopIteration)) {
            gp_obj_t *si = gp_err_fetch();
            gp_err_set_str(&gp_exc_RuntimeError,
                           "generator raised StopIteration");
            gp_obj_t *ne = gp_err_occurred();
            if (ne) {
                gp_exc_set_context(ne, gp_newref(si));
                gp_exc_set_cause(ne, si);
            } else {
                GP_DECREF(si);
            }
        }
        gen_finish(g);
        st = GP_SEND_ERROR;
    }
    GP_DECREF(g);
    return st;
}

int gp_gen_send_ex(gp_obj_t *gen, gp_obj_t *arg, gp_obj_t **result)
{
    return gen_step((gp_gen_t *)gen, arg, result, arg == NULL);
}

int gp_iter_send(gp_obj_t *recv, gp_obj_t *v, gp_obj_t **result)
{
    *result = NULL;
    if (GP_GEN_CHECK(recv))
        return gen_step((gp_gen_t *)recv, v, result, 0);
    gp_obj_t *r;
    if (v == GP_NONE && GP_TYPE(recv)->iternext)
        r = GP_TYPE(recv)->iternext(recv);
    else
        r = gp_call_method(recv, GP_ID(send), 1, v);
    if (r) {
        *result = r;
        return GP_SEND_NEXT;
    }
    if (!gp_err_occurred()) {
        *result = gp_newref(GP_NONE);
        return GP_SEND_RETURN;
    }
    if (gp_err_matches(&gp_exc_StopIteration)) {
        gp_obj_t *e = gp_err_fetch();
        *result = gp_exc_stopiteration_value(e);
        GP_DECREF(e);
        return *result ? GP_SEND_RETURN : GP_SEND_ERROR;
    }
    return GP_SEND_ERROR;
}

/* The sub-iterator of a `yield from` the generator is suspended in. */
static gp_obj_t *gen_yieldfrom(gp_gen_t *g)
{
    gp_frame_t *f = g->frame;
    if (!f || f->state != GP_FRAME_SUSPENDED || f->lasti < 1)
        return NULL;
    if (GP_INSTR_OP(f->code->code[f->lasti - 1]) != GP_OP_SEND)
        return NULL;
    return f->sp > f->stack ? f->sp[-1] : NULL;
}

/* The SEND before the current yield: its full jump target. */
static int send_target(gp_frame_t *f)
{
    int i = f->lasti - 1;
    uint32_t arg = GP_INSTR_ARG(f->code->code[i]);
    int shift = 24;
    for (int j = i - 1; j >= 0
         && GP_INSTR_OP(f->code->code[j]) == GP_OP_EXTENDED_ARG; j--) {
        arg |= GP_INSTR_ARG(f->code->code[j]) << shift;
        shift += 24;
    }
    return (int)arg;
}

static gp_obj_t *result_of(int st, gp_obj_t *r)
{
    if (st == GP_SEND_NEXT)
        return r;
    if (st == GP_SEND_RETURN) {
        set_stopiteration(r);
        GP_DECREF(r);
    }
    return NULL;
}

static gp_obj_t *gen_close_impl(gp_gen_t *g);

static int close_iter(gp_obj_t *yf)
{
    gp_obj_t *r;
    if (GP_GEN_CHECK(yf)) {
        r = gen_close_impl((gp_gen_t *)yf);
    } else {
        gp_obj_t *meth = NULL;
        if (gp_getattr_opt(yf, GP_ID(close), &meth) < 0) {
            gp_err_write_unraisable(yf);
            return 0;
        }
        if (!meth)
            return 0;
        r = gp_call_noargs(meth);
        GP_DECREF(meth);
    }
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Raise exc (stolen) at the generator's yield, delegating to the
** sub-iterator of a yield from first. */
static gp_obj_t *gen_throw_exc(gp_gen_t *g, gp_obj_t *exc)
{
    gp_obj_t *r = NULL;
    gp_obj_t *yf = gen_yieldfrom(g);
    if (yf && !g->running) {
        GP_INCREF(yf);
        if (GP_ISINSTANCE_OF(exc, &gp_exc_GeneratorExit)) {
            g->running = 1;
            int err = close_iter(yf);
            g->running = 0;
            GP_DECREF(yf);
            if (err < 0) {
                GP_DECREF(exc);
                int st = gen_step(g, NULL, &r, 1);
                return result_of(st, r);
            }
            goto throw_here;
        }
        gp_obj_t *ret;
        if (GP_GEN_CHECK(yf)) {
            g->running = 1;
            ret = gen_throw_exc((gp_gen_t *)yf, exc);
            g->running = 0;
        } else {
            gp_obj_t *meth = NULL;
            if (gp_getattr_opt(yf, GP_ID(throw), &meth) < 0) {
                GP_DECREF(yf);
                GP_DECREF(exc);
                return NULL;
            }
            if (!meth) {
                GP_DECREF(yf);
                goto throw_here;
            }
            g->running = 1;
            ret = gp_call_one(meth, exc);
            g->running = 0;
            GP_DECREF(meth);
            GP_DECREF(exc);
        }
        GP_DECREF(yf);
        if (ret)
            return ret;
        /* The sub-iterator ended: leave the yield-from loop as SEND would,
        ** with its return value or its exception. */
        gp_frame_t *f = g->frame;
        if (!f)
            return NULL;
        gp_obj_t *recv = *--f->sp;
        GP_DECREF(recv);
        f->next_i = send_target(f);
        int st;
        if (gp_err_matches(&gp_exc_StopIteration)) {
            gp_obj_t *e = gp_err_fetch();
            gp_obj_t *val = gp_exc_stopiteration_value(e);
            GP_DECREF(e);
            if (!val)
                return NULL;
            st = gen_step(g, val, &r, 0);
            GP_DECREF(val);
        } else {
            st = gen_step(g, NULL, &r, 1);
        }
        return result_of(st, r);
    }
throw_here:
    gp_err_restore(exc);
    int st = gen_step(g, NULL, &r, 1);
    return result_of(st, r);
}

static gp_obj_t *gen_close_impl(gp_gen_t *g)
{
    gp_frame_t *f = g->frame;
    if (!f || f->state == GP_FRAME_DONE)
        GP_RETURN_NONE;
    if (f->state == GP_FRAME_CREATED) {
        gen_finish(g);
        GP_RETURN_NONE;
    }
    int err = 0;
    gp_obj_t *yf = gen_yieldfrom(g);
    if (yf) {
        GP_INCREF(yf);
        g->running = 1;
        err = close_iter(yf);
        g->running = 0;
        GP_DECREF(yf);
    }
    if (err == 0)
        gp_err_set_none(&gp_exc_GeneratorExit);
    gp_obj_t *r = NULL;
    int st = gen_step(g, NULL, &r, 1);
    if (st == GP_SEND_NEXT) {
        GP_DECREF(r);
        gp_err_set_str(&gp_exc_RuntimeError, "generator ignored GeneratorExit");
        return NULL;
    }
    if (st == GP_SEND_RETURN) {
        GP_DECREF(r);
        GP_RETURN_NONE;
    }
    if (gp_err_matches(&gp_exc_StopIteration)
        || gp_err_matches(&gp_exc_GeneratorExit)) {
        gp_err_clear();
        GP_RETURN_NONE;
    }
    return NULL;
}

/* ---- the type ------------------------------------------------------------ */

static gp_obj_t *gen_iternext(gp_obj_t *o)
{
    gp_obj_t *r = NULL;
    int st = gen_step((gp_gen_t *)o, NULL, &r, 0);
    if (st == GP_SEND_NEXT)
        return r;
    if (st == GP_SEND_RETURN) {
        if (r != GP_NONE)
            set_stopiteration(r);
        GP_DECREF(r);
    }
    return NULL;
}

static gp_obj_t *gen_send(gp_obj_t *o, gp_obj_t *arg)
{
    gp_obj_t *r = NULL;
    int st = gen_step((gp_gen_t *)o, arg, &r, 0);
    return result_of(st, r);
}

static gp_obj_t *gen_throw(gp_obj_t *o, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        gp_err_format(&gp_exc_TypeError,
                      nargs < 1 ? "throw expected at least 1 argument, got %zd"
                                : "throw expected at most 3 arguments, got %zd",
                      nargs);
        return NULL;
    }
    gp_obj_t *typ = args[0];
    gp_obj_t *val = nargs > 1 && args[1] != GP_NONE ? args[1] : NULL;
    gp_obj_t *tb = nargs > 2 && args[2] != GP_NONE ? args[2] : NULL;
    if (tb && !GP_TB_CHECK(tb)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "throw() third argument must be a traceback object");
        return NULL;
    }
    gp_obj_t *exc;
    if (GP_TYPE_CHECK_FAST(typ, GP_TPFLAGS_TYPE_SUBCLASS) && GP_IS_EXC_TYPE(typ)) {
        if (val && GP_ISINSTANCE_OF(val, (gp_type_t *)typ))
            exc = gp_newref(val);
        else if (!val)
            exc = gp_call_noargs(typ);
        else if (GP_TUPLE_CHECK(val))
            exc = gp_call(typ, val, NULL);
        else
            exc = gp_call_one(typ, val);
        if (!exc)
            return NULL;
        if (!GP_IS_EXC_INSTANCE(exc)) {
            gp_err_format(&gp_exc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %s", typ,
                          gp_type_name_cstr(GP_TYPE(exc)));
            GP_DECREF(exc);
            return NULL;
        }
    } else if (GP_IS_EXC_INSTANCE(typ)) {
        if (val) {
            gp_err_set_str(&gp_exc_TypeError,
                           "instance exception may not have a separate value");
            return NULL;
        }
        exc = gp_newref(typ);
    } else {
        gp_err_format(&gp_exc_TypeError,
                      "exceptions must be classes or instances deriving from "
                      "BaseException, not %s",
                      gp_type_name_cstr(GP_TYPE(typ)));
        return NULL;
    }
    if (tb)
        gp_exc_set_traceback(exc, tb);
    return gen_throw_exc((gp_gen_t *)o, exc);
}

static gp_obj_t *gen_close(gp_obj_t *o, gp_obj_t *unused)
{
    return gen_close_impl((gp_gen_t *)o);
}

static gp_obj_t *gen_iter(gp_obj_t *o)
{
    return gp_newref(o);
}

static gp_obj_t *gen_repr(gp_obj_t *o)
{
    return gp_str_fromformat("<generator object %U at %p>",
                             ((gp_gen_t *)o)->qualname, o);
}

static int gen_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_gen_t *g = (gp_gen_t *)o;
    if (g->frame) {
        int r = gp_frame_traverse(g->frame, visit, arg);
        if (r)
            return r;
    }
    GP_VISIT(g->code);
    GP_VISIT(g->name);
    GP_VISIT(g->qualname);
    GP_VISIT(g->exc_state.exc);
    return 0;
}

static int gen_clear(gp_obj_t *o)
{
    gp_gen_t *g = (gp_gen_t *)o;
    if (g->running)
        return 0;
    gen_finish(g);
    return 0;
}

/* PEP 442 finaliser: close a suspended generator (its finally blocks run). */
static void gen_finalize(gp_obj_t *o)
{
    gp_gen_t *g = (gp_gen_t *)o;
    if (!g->frame || g->frame->state != GP_FRAME_SUSPENDED || g->running)
        return;
    gp_obj_t *saved = gp_err_fetch();
    gp_obj_t *r = gen_close_impl(g);
    if (!r)
        gp_err_write_unraisable(o);
    else
        GP_DECREF(r);
    gp_err_restore(saved);
}

static void gen_dealloc(gp_obj_t *o)
{
    gp_gen_t *g = (gp_gen_t *)o;
    gp_gc_untrack(o);
    if (g->frame && g->frame->state == GP_FRAME_SUSPENDED) {
        /* Resurrect for the finaliser; it may keep the generator alive. */
        o->refcnt = 1;
        gen_finalize(o);
        if (--o->refcnt != 0) {
            gp_gc_track(o);
            return;
        }
    }
    gen_finish(g);
    GP_CLEAR(g->code);
    GP_CLEAR(g->name);
    GP_CLEAR(g->qualname);
    gp_object_free(o);
}

static gp_obj_t *gen_get_running(gp_obj_t *o, void *c)
{
    return gp_bool_from(((gp_gen_t *)o)->running);
}
static gp_obj_t *gen_get_suspended(gp_obj_t *o, void *c)
{
    gp_frame_t *f = ((gp_gen_t *)o)->frame;
    return gp_bool_from(f && f->state == GP_FRAME_SUSPENDED);
}
static gp_obj_t *gen_get_code(gp_obj_t *o, void *c)
{
    return gp_newref(((gp_gen_t *)o)->code);
}
/* gilpy has no frame objects: gi_frame is None once the generator is
** done, else the generator's line as an int stand-in would mislead, so it
** is True (truthy while alive, as CPython's frame is). */
static gp_obj_t *gen_get_frame(gp_obj_t *o, void *c)
{
    return gp_newref(((gp_gen_t *)o)->frame ? GP_TRUE : GP_NONE);
}
static gp_obj_t *gen_get_yieldfrom(gp_obj_t *o, void *c)
{
    gp_obj_t *yf = gen_yieldfrom((gp_gen_t *)o);
    return gp_newref(yf ? yf : GP_NONE);
}
static gp_obj_t *gen_get_name(gp_obj_t *o, void *c)
{
    return gp_newref(((gp_gen_t *)o)->name);
}
static int gen_set_name(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v || !GP_STR_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__name__ must be set to a string object");
        return -1;
    }
    GP_SETREF(((gp_gen_t *)o)->name, gp_newref(v));
    return 0;
}
static gp_obj_t *gen_get_qualname(gp_obj_t *o, void *c)
{
    return gp_newref(((gp_gen_t *)o)->qualname);
}
static int gen_set_qualname(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v || !GP_STR_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__qualname__ must be set to a string object");
        return -1;
    }
    GP_SETREF(((gp_gen_t *)o)->qualname, gp_newref(v));
    return 0;
}

static gp_methoddef_t gen_methods[] = {
    {"send", gen_send, GP_METH_O, NULL},
    {"throw", GP_METH_FN(gen_throw), GP_METH_FASTCALL, NULL},
    {"close", gen_close, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_getsetdef_t gen_getset[] = {
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_gen_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "generator",
    .basicsize = sizeof(gp_gen_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize,
    .methods = gen_methods,
    .getset = gen_getset,
};

int gp_obj_gen_init(void)
{
    return gp_type_ready(&gp_gen_type);
}
