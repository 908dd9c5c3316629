/*
** frame.h — execution frames.  A frame is one activation of a code
** object: its code, globals, builtins, optional locals mapping (module
** level and class bodies), the fast slots ("localsplus", laid out
** [locals][cells][frees] as code.h says), the value stack, the block stack
** of SETUP_FINALLY handlers, and where it is in the code.  One block of
** memory holds all of it:
**
**     gp_frame_t | localsplus[nlocalsplus] | stack[stacksize] | blocks[]
**
** Ordinary frames are carved from the running thread's chunked frame
** stack (gp_thread_t.stack_chunk / stack_top / stack_limit), so a call
** does not malloc; they die when their call returns.  A generator's frame
** is malloc'd and owned by the generator object, which is also the only
** way the cycle collector reaches a frame (gp_frame_traverse).
**
** Guard: the GIL; a frame is touched only by the thread that runs it (and
** by the collector, through its generator, while that thread holds the
** GIL).
*/
#ifndef GP_FRAME_H
#define GP_FRAME_H

#include "objects/object.h"
#include "vm/code.h"
#include "vm/state.h"

/* One SETUP_FINALLY block: where to go and how deep the value stack was. */
typedef struct {
    int32_t handler;            /* instruction index */
    int32_t level;              /* value stack depth to cut back to */
} gp_block_t;

enum {
    GP_FRAME_CREATED = 0,       /* not started (a fresh generator) */
    GP_FRAME_EXECUTING,
    GP_FRAME_SUSPENDED,         /* a generator at a yield */
    GP_FRAME_DONE,              /* returned or raised: slots cleared */
};

struct gp_gen;

typedef struct gp_frame {
    gp_code_t *code;            /* owned */
    gp_obj_t *globals;          /* owned (a dict) */
    gp_obj_t *builtins;         /* owned (a dict) */
    gp_obj_t *locals;           /* owned mapping, or NULL (function) */
    gp_obj_t *func;             /* owned function, or NULL */
    struct gp_frame *back;      /* the caller, while this one runs */
    struct gp_gen *gen;         /* the owning generator, or NULL */
    gp_obj_t **stack;           /* value stack base */
    gp_obj_t **sp;              /* top (one past) while not executing */
    gp_block_t *blocks;
    int nblocks;
    int lasti;                  /* index of the current / last instruction */
    int next_i;                 /* where a suspended frame goes on */
    int nlocalsplus;
    char *prev_top;             /* frame stack top before this frame, or
                                   NULL for a heap (generator) frame */
    uint8_t entry;              /* RETURN goes back to C (not inlined) */
    uint8_t state;              /* GP_FRAME_* */
    uint8_t yielded;            /* the last exit was a yield */
    gp_obj_t *localsplus[];
} gp_frame_t;

/* Bytes of a frame for co. */
size_t gp_frame_size(gp_code_t *co);

/* A new frame on t's frame stack: new references to code, globals,
** builtins, locals (may be NULL) and func (may be NULL); slots and stack
** empty.  NULL with MemoryError. */
gp_frame_t *gp_frame_push(gp_thread_t *t, gp_code_t *co, gp_obj_t *globals,
                          gp_obj_t *builtins, gp_obj_t *locals,
                          gp_obj_t *func);
/* Clear f's references and give its memory back to t's frame stack;
** f must be the most recently pushed frame still alive. */
void gp_frame_pop(gp_thread_t *t, gp_frame_t *f);
/* The same for a generator's frame, malloc'd; gp_frame_free frees it
** (after clearing). */
gp_frame_t *gp_frame_new_heap(gp_code_t *co, gp_obj_t *globals,
                              gp_obj_t *builtins, gp_obj_t *locals,
                              gp_obj_t *func);
void gp_frame_free(gp_frame_t *f);
/* Drop every reference the frame holds except code/globals/builtins/func
** (slots, value stack, locals); idempotent. */
void gp_frame_clear_slots(gp_frame_t *f);
/* Visit every reference of a (heap) frame. */
int gp_frame_traverse(gp_frame_t *f, gp_visit_fn visit, void *arg);
/* The line the frame is at (0 if unknown). */
int gp_frame_lineno(gp_frame_t *f);
/* The builtins dict for a globals dict: globals['__builtins__'] (a
** module's dict or a dict), else the interpreter's.  Borrowed. */
gp_obj_t *gp_frame_builtins_for(gp_obj_t *globals);
/* A dict of the frame's variables (locals(): fast slots and cells by
** name); for frames with a locals mapping, that mapping.  New ref. */
gp_obj_t *gp_frame_locals_dict(gp_frame_t *f);

/* ---- the eval loop (ceval.c) and calls (call.c) ---------------------- */

/* Run f (already set up) until it returns or, for a generator frame,
** yields: the returned/yielded value, or NULL with an exception.  With
** throwflag the exception already set is raised at f's resume point.
** f->yielded tells a yield from a return. */
gp_obj_t *gp_eval_frame(gp_thread_t *t, gp_frame_t *f, int throwflag);

/* Bind a call's arguments into f's slots (f made for func's code),
** make the cells and copy the closure.  0, or -1 with CPython 3.11's
** TypeError ("f() missing 1 required positional argument: 'x'" ...). */
int gp_bind_args(gp_frame_t *f, gp_obj_t *func, gp_obj_t *const *args,
                 gp_ssize_t nargs, gp_obj_t *kwnames);
/* Make the cells and copy the closure of a frame with no arguments
** (module, class body): 0 / -1. */
int gp_frame_init_cells(gp_frame_t *f, gp_obj_t *closure);
/* The function type's vectorcall. */
gp_obj_t *gp_function_vectorcall(gp_obj_t *func, gp_obj_t *const *args,
                                 gp_ssize_t nargs, gp_obj_t *kwnames);

/* Depth bookkeeping of Python frames: -1 with RecursionError "maximum
** recursion depth exceeded" past the limit. */
int gp_frame_enter_depth(gp_thread_t *t);

/* The runtime's import (vm/import.c; runtime.h declares it too). */
gp_obj_t *gp_import_name(gp_obj_t *name, gp_obj_t *globals,
                         gp_obj_t *fromlist, int level);

#endif
