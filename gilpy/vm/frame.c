/*
** frame.c — frames and the per-thread frame stack they are carved from
** (frame.h).  Guard: the GIL; the frame stack belongs to its thread.
**
** The frame stack is a list of chunks.  A frame never straddles two
** chunks: when the current one is too full a new chunk (or the spare kept
** from the last time) becomes current, and popping the first frame of a
** chunk goes back to the previous one, keeping the emptied chunk as the
** spare so a call loop at a chunk boundary does not malloc each time.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/frame.h"
#include "vm/funcobj.h"
#include "vm/errors.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/ids.h"

typedef struct gp_chunk {
    struct gp_chunk *prev, *next;
    size_t size;                    /* bytes of data */
    _Alignas(16) char data[];
} gp_chunk_t;

#define GP_CHUNK_MIN ((size_t)256 * 1024)

size_t gp_frame_size(gp_code_t *co)
{
    size_t n = sizeof(gp_frame_t)
             + (size_t)(co->nlocals + co->ncells + co->nfrees + co->stacksize)
               * sizeof(gp_obj_t *)
             + (size_t)co->blocksize * sizeof(gp_block_t);
    return (n + 15) & ~(size_t)15;
}

static void frame_setup(gp_frame_t *f, gp_code_t *co, gp_obj_t *globals,
                        gp_obj_t *builtins, gp_obj_t *locals, gp_obj_t *func)
{
    int n = co->nlocals + co->ncells + co->nfrees;
    f->code = (gp_code_t *)gp_newref((gp_obj_t *)co);
    f->globals = gp_newref(globals);
    f->builtins = gp_newref(builtins);
    f->locals = gp_xnewref(locals);
    f->func = gp_xnewref(func);
    f->back = NULL;
    f->gen = NULL;
    f->nlocalsplus = n;
    memset(f->localsplus, 0, (size_t)n * sizeof(gp_obj_t *));
    f->stack = f->localsplus + n;
    f->sp = f->stack;
    f->blocks = (gp_block_t *)(f->stack + co->stacksize);
    f->nblocks = 0;
    f->lasti = -1;
    f->next_i = 0;
    f->entry = 0;
    f->state = GP_FRAME_CREATED;
    f->yielded = 0;
}

gp_frame_t *gp_frame_push(gp_thread_t *t, gp_code_t *co, gp_obj_t *globals,
                          gp_obj_t *builtins, gp_obj_t *locals,
                          gp_obj_t *func)
{
    size_t size = gp_frame_size(co);
    char *prev_top = t->stack_top;
    if (!t->stack_chunk || (size_t)(t->stack_limit - t->stack_top) < size) {
        gp_chunk_t *cur = t->stack_chunk, *c = cur ? cur->next : NULL;
        if (!c || c->size < size) {
            size_t want = size > GP_CHUNK_MIN ? size : GP_CHUNK_MIN;
            gp_chunk_t *nc = malloc(sizeof(gp_chunk_t) + want);
            if (!nc) {
                gp_err_nomemory();
                return NULL;
            }
            nc->size = want;
            nc->prev = cur;
            nc->next = NULL;
            if (c) {                /* the spare is too small: replace it */
                gp_chunk_t *rest = c->next;
                free(c);
                nc->next = rest;
                if (rest)
                    rest->prev = nc;
            }
            if (cur)
                cur->next = nc;
            c = nc;
        }
        t->stack_chunk = c;
        t->stack_top = c->data;
        t->stack_limit = c->data + c->size;
    }
    gp_frame_t *f = (gp_frame_t *)t->stack_top;
    t->stack_top += size;
    frame_setup(f, co, globals, builtins, locals, func);
    /* A frame at the start of a chunk records the top of the chunk before
    ** (NULL for the very first); pop goes back there. */
    f->prev_top = prev_top;
    return f;
}

void gp_frame_clear_slots(gp_frame_t *f)
{
    while (f->sp > f->stack) {
        gp_obj_t *v = *--f->sp;
        GP_XDECREF(v);
    }
    for (int i = 0; i < f->nlocalsplus; i++)
        GP_CLEAR(f->localsplus[i]);
    f->nblocks = 0;
    GP_CLEAR(f->locals);
}

void gp_frame_pop(gp_thread_t *t, gp_frame_t *f)
{
    gp_frame_clear_slots(f);
    GP_CLEAR(f->func);
    GP_DECREF(f->builtins);
    GP_DECREF(f->globals);
    GP_DECREF(f->code);
    gp_chunk_t *c = t->stack_chunk;
    if ((char *)f == c->data && c->prev) {
        t->stack_chunk = c->prev;
        t->stack_top = f->prev_top;
        t->stack_limit = c->prev->data + c->prev->size;
    } else {
        t->stack_top = (char *)f;
    }
}

gp_frame_t *gp_frame_new_heap(gp_code_t *co, gp_obj_t *globals,
                              gp_obj_t *builtins, gp_obj_t *locals,
                              gp_obj_t *func)
{
    gp_frame_t *f = malloc(gp_frame_size(co));
    if (!f) {
        gp_err_nomemory();
        return NULL;
    }
    frame_setup(f, co, globals, builtins, locals, func);
    f->prev_top = NULL;
    return f;
}

void gp_frame_free(gp_frame_t *f)
{
    gp_frame_clear_slots(f);
    GP_CLEAR(f->func);
    GP_CLEAR(f->builtins);
    GP_CLEAR(f->globals);
    GP_CLEAR(f->code);
    free(f);
}

void gp_frame_stack_free(gp_thread_t *t)
{
    gp_chunk_t *c = t->stack_chunk;
    if (!c)
        return;
    gp_chunk_t *n = c->next;
    while (n) {
        gp_chunk_t *nn = n->next;
        free(n);
        n = nn;
    }
    while (c) {
        gp_chunk_t *p = c->prev;
        free(c);
        c = p;
    }
    t->stack_chunk = NULL;
    t->stack_top = t->stack_limit = NULL;
}

int gp_frame_traverse(gp_frame_t *f, gp_visit_fn visit, void *arg)
{
    GP_VISIT(f->code);
    GP_VISIT(f->globals);
    GP_VISIT(f->builtins);
    GP_VISIT(f->locals);
    GP_VISIT(f->func);
    for (int i = 0; i < f->nlocalsplus; i++)
        GP_VISIT(f->localsplus[i]);
    for (gp_obj_t **p = f->stack; p < f->sp; p++)
        GP_VISIT(*p);
    return 0;
}

int gp_frame_lineno(gp_frame_t *f)
{
    return gp_code_line(f->code, f->lasti < 0 ? 0 : f->lasti);
}

gp_obj_t *gp_frame_builtins_for(gp_obj_t *globals)
{
    gp_obj_t *b = GP_DICT_CHECK(globals)
        ? gp_dict_getitem(globals, GP_ID(__builtins__)) : NULL;
    if (b) {
        if (GP_MODULE_CHECK(b))
            return gp_module_dict(b);
        if (GP_DICT_CHECK(b))
            return b;
    }
    if (gp_err_occurred())
        gp_err_clear();
    return gp_icur()->builtins;
}

int gp_frame_init_cells(gp_frame_t *f, gp_obj_t *closure)
{
    gp_code_t *co = f->code;
    gp_obj_t **cells = f->localsplus + co->nlocals;
    for (int i = 0; i < co->ncells; i++) {
        gp_obj_t *init = NULL;
        int a = co->cell2arg ? co->cell2arg[i] : -1;
        if (a >= 0) {
            /* The argument lives in its cell from now on; the plain slot
            ** is emptied so locals() does not see it twice. */
            init = f->localsplus[a];
            f->localsplus[a] = NULL;
        }
        gp_obj_t *c = gp_cell_new(init);
        GP_XDECREF(init);
        if (!c)
            return -1;
        GP_XDECREF(cells[i]);
        cells[i] = c;
    }
    if (co->nfrees) {
        gp_obj_t **frees = cells + co->ncells;
        if (!closure || GP_SIZE(closure) < co->nfrees) {
            gp_err_set_str(&gp_exc_SystemError, "code needs a closure");
            return -1;
        }
        for (int i = 0; i < co->nfrees; i++) {
            GP_XDECREF(frees[i]);
            frees[i] = gp_newref(GP_TUPLE_GET(closure, i));
        }
    }
    return 0;
}

gp_obj_t *gp_frame_locals_dict(gp_frame_t *f)
{
    if (f->locals)
        return gp_newref(f->locals);
    gp_code_t *co = f->code;
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return NULL;
    for (int i = 0; i < f->nlocalsplus; i++) {
        gp_obj_t *name, *v = f->localsplus[i];
        if (i < co->nlocals) {
            name = GP_TUPLE_GET(co->varnames, i);
        } else {
            int j = i - co->nlocals;
            name = j < co->ncells ? GP_TUPLE_GET(co->cellvars, j)
                                  : GP_TUPLE_GET(co->freevars, j - co->ncells);
            v = v ? ((gp_cell_t *)v)->ref : NULL;
        }
        if (v && gp_dict_setitem(d, name, v) < 0) {
            GP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

int gp_frame_enter_depth(gp_thread_t *t)
{
    if (++t->depth > t->interp->recursion_limit + t->recursion_headroom) {
        if (t->recursion_headroom)
            return 0;
        t->depth--;
        /* Let the handlers that are about to run make a few calls. */
        t->recursion_headroom = 50;
        gp_err_set_str(&gp_exc_RecursionError,
                       "maximum recursion depth exceeded");
        t->recursion_headroom = 0;
        return -1;
    }
    return 0;
}
