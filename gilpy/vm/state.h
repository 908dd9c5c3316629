/*
** state.h — gilpy's interpreter and thread states.  They hang on libgil's
** states: gp_interp_t is the data of a gil_interp_t, gp_thread_t the data
** of a gil_tstate_t (gil_interp_set_data / gil_tstate_set_data), so libgil
** owns the life cycle and gilpy adds what an interpreter needs.  Every
** piece of mutable interpreter state is a field here: no hidden statics.
**
** Guards: gp_interp_t's fields are guarded by the interpreter's GIL
** (interp->gil), except those marked otherwise; a gp_thread_t is touched
** only by its own thread (while it holds the GIL), except by the GC
** (which also holds the GIL) walking frames.
*/
#ifndef GP_STATE_H
#define GP_STATE_H

#include "objects/freelist.h"
#include <gil.h>
#include "objects/object.h"
#include "objects/gc.h"

struct gp_frame;

/* Eval breaker bits of gilpy's own (GIL_BREAK_USER0 ... in gil/sched.h). */
#define GP_BREAK_GC GIL_BREAK_USER_FIRST     /* a collection is due */

typedef struct gp_interp {
    gil_interp_t *gil;
    gp_obj_t *modules;          /* sys.modules (dict) */
    gp_obj_t *builtins;         /* the builtins module's dict */
    gp_obj_t *sysdict;          /* the sys module's dict */
    gp_obj_t *interned;         /* dict str -> str */
    gp_obj_t *importlib;        /* reserved */
    gp_obj_t *main_module;
    gp_gcstate_t gc;
    struct gp_static_type_cache *static_type_cache;  /* obj_type.c's
                                   method cache for C types, or NULL */
    uint64_t dict_version;      /* the last version given to a dict
                                   (gp_dict_version) */
    int recursion_limit;        /* sys.getrecursionlimit() */
    double switch_interval;     /* as the user gave it to setswitchinterval */
    int64_t int_max_str_digits; /* sys.set_int_max_str_digits, 4300 */
    size_t thread_stack_size;   /* _thread.stack_size(): 0 = gilpy's default */
    /* Per-interpreter state of C modules: gp_module_t.state. */
    gp_obj_t *module_states;    /* reserved */
    gp_obj_t *before_forkers, *after_forkers_parent, *after_forkers_child;
    gp_obj_t *atexit;           /* list of (func, args, kwargs) */
    gp_obj_t *threading_shutdown; /* set by the threading module */
    int finalizing;
    int verbose_flags;          /* -v, -X options ... */
    uint64_t hash_key[2];       /* SipHash key (PYTHONHASHSEED) */
    int hash_seeded;            /* PYTHONHASHSEED given (even 0) */
} gp_interp_t;

/* One handled exception (sys.exc_info()) per active except block or
** generator: a stack through the frames (CPython's _PyErr_StackItem). */
typedef struct gp_excinfo {
    gp_obj_t *exc;              /* the handled exception, or NULL / None */
    struct gp_excinfo *prev;
} gp_excinfo_t;

typedef struct gp_thread {
    gil_tstate_t *ts;
    gp_interp_t *interp;
    gp_obj_t *exc;              /* the raised exception in flight, or NULL */
    gp_excinfo_t *exc_info;     /* top of the handled-exception stack */
    gp_excinfo_t exc_base;
    struct gp_frame *frame;     /* the innermost Python frame, or NULL */
    /* The frame stack (vm/frame.c): chunks of memory frames are carved
    ** from, so a call does not malloc. */
    void *stack_chunk;
    char *stack_top, *stack_limit;
    int depth;                  /* Python call depth, against the limit */
    int c_depth;                /* C recursion (repr, compare ...) */
    int recursion_headroom;     /* raising RecursionError gets some room */
    gp_obj_t *dict;             /* threading.local storage and the like */
    gp_obj_t *async_exc;        /* set by the async-exception hook */
    gp_obj_t *repr_active;      /* list: objects in a repr (reprlib) */
    uint64_t thread_id;
    int trash_depth;            /* nested container deallocs (obj_type.c) */
    gp_obj_t *trash;            /* containers waiting to be freed */
    gp_freelist_t floats;       /* freed floats for reuse (obj_float.c) */
    gp_freelist_t ints;         /* freed word-sized ints (obj_int.c) */
} gp_thread_t;

/* The current thread's state (the thread must be attached).  One TLS
** load plus one pointer hop; use it at the entry of a slow path and pass
** it down rather than calling it in a loop. */
static inline gp_thread_t *gp_tcur(void)
{
    return (gp_thread_t *)gil_tstate_data(gil_tstate_current());
}
static inline gp_interp_t *gp_icur(void) { return gp_tcur()->interp; }

/* Create the main interpreter of the process (runtime, GIL, gp state,
** builtins, sys) and attach the calling thread as its main thread. */
gp_interp_t *gp_interp_start(int argc, char **argv);
/* Run atexit, join non-daemon threads (threading._shutdown), final
** collection, free.  Returns the exit status to use. */
int gp_interp_finish(gp_interp_t *in, int status);
/* The gp_thread_t for a new thread state (libgil's tstate hook). */
gp_thread_t *gp_thread_new(gp_interp_t *in, gil_tstate_t *ts);
void gp_thread_clear(gp_thread_t *t);

/* C-level recursion (repr, compare, str of nested containers): -1 with
** RecursionError "maximum recursion depth exceeded" + where (e.g. " while
** getting the repr of an object") once c_depth passes the limit. */
int gp_enter_recursive_call(const char *where);
void gp_leave_recursive_call(void);

#endif
