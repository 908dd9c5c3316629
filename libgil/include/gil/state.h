/*
** gil/state.h — the runtime, interpreter and thread states.
**
** Three levels, as in CPython (and Lua's global_State / lua_State):
**   gil_runtime_t   one per process (by convention): the list of
**                   interpreters, the main thread, signals, event hooks.
**   gil_interp_t    an interpreter: its GIL, its thread states, its pending
**                   calls, its embedder callbacks.  Several may coexist;
**                   each has its own GIL.  libgil keeps no hidden globals:
**                   everything mutable lives in these structs (the only
**                   thread-locals are "current" and "bound" below).
**   gil_tstate_t    one per OS thread per interpreter it runs in: the
**                   eval breaker, the GIL wait record, statistics.
**
** Guards: the runtime's `head` lock protects the list of interpreters and
** every interpreter's list of thread states (CPython's HEAD_LOCK); lock
** order is head lock, then a GIL's internal mutex.  A thread state's fields
** are private to its thread except where gil/sched.h says otherwise.
**
** Current and bound: `current` is the thread state attached on this OS
** thread (holding its GIL), NULL while detached; `bound` is the thread state
** that gil_gilstate_ensure() would use on this thread, and survives
** detaching.  Both are C11 _Thread_local.
*/
#ifndef GIL_STATE_H
#define GIL_STATE_H

#include <stdatomic.h>
#include <stdint.h>

#include "gil/os.h"

typedef struct gil_runtime gil_runtime_t;
typedef struct gil_interp gil_interp_t;
typedef struct gil_tstate gil_tstate_t;

/* The public head of every thread state: what inline code may touch. */
typedef struct gil_tstate_head {
    _Atomic uintptr_t breaker;  /* eval breaker bits (gil/sched.h); any
                                ** thread may set bits (atomic or), the owner
                                ** polls with one relaxed load */
    void *data;                 /* the embedder's per-thread data; owner only */
} gil_tstate_head_t;

/* Callbacks through which libgil reaches the embedding interpreter.  All
** are optional (NULL) unless a feature needs them; all run on the named
** thread *holding the GIL*. */
typedef struct gil_interp_hooks {
    /* Deliver an async exception to `ts` (its own thread, at a poll):
    ** set the interpreter's error indicator from exc and return -1.  Needed
    ** by gil_async_exc_set. */
    int (*async_exc)(gil_tstate_t *ts, void *exc);
    /* Drop libgil's reference to an async exception that is replaced or
    ** discarded.  Any thread, GIL held. */
    void (*exc_release)(void *exc);
    /* Run the handler of the signal in `mask` (one bit: bit n = signal n);
    ** main thread of the main interpreter only.  0, or -1 with an error
    ** set (the remaining signals are then kept for a later poll). */
    int (*signals)(gil_tstate_t *ts, uint64_t mask);
    /* A thread state is being cleared (thread end, fork child, finalize):
    ** release the embedder's per-thread objects.  Runs with the GIL held on
    ** the clearing thread, which is not always ts's own thread. */
    void (*tstate_clear)(gil_tstate_t *ts);
} gil_interp_hooks_t;

/* ---- runtime --------------------------------------------------------- */

/* Create a runtime; the calling thread becomes its main thread.  NULL if
** out of memory. */
gil_runtime_t *gil_runtime_new(void);
/* Free a runtime and every interpreter left in it.  No thread of it may be
** running; GIL_EBUSY (and nothing is freed) if some thread state is still
** attached by another thread. */
int gil_runtime_free(gil_runtime_t *rt);
gil_interp_t *gil_runtime_main_interp(gil_runtime_t *rt); /* NULL if none */
uint64_t gil_runtime_main_thread(gil_runtime_t *rt);  /* its ident */
int gil_runtime_is_main_thread(gil_runtime_t *rt);    /* caller is main */

/* ---- interpreters ---------------------------------------------------- */

/* Create an interpreter with its own GIL (policy and interval from
** gil/config.h).  The first interpreter of a runtime is its main one.
** NULL if out of memory. */
gil_interp_t *gil_interp_new(gil_runtime_t *rt);
/* Delete an interpreter.  Every thread state must have been deleted
** (GIL_EBUSY otherwise; daemon threads hung at finalization count, so
** their interpreter is kept until the runtime is freed). */
int gil_interp_delete(gil_interp_t *interp);
gil_runtime_t *gil_interp_runtime(const gil_interp_t *interp);
int64_t gil_interp_id(const gil_interp_t *interp);    /* 0 = main */
void gil_interp_set_hooks(gil_interp_t *interp, const gil_interp_hooks_t *h);
void *gil_interp_data(const gil_interp_t *interp);    /* embedder data */
void gil_interp_set_data(gil_interp_t *interp, void *data);

/* Call fn(ts, arg) for each thread state of interp, newest first, under the
** head lock (fn must not create or delete thread states).  Stops early and
** returns fn's value when it is non-zero; 0 otherwise. */
int gil_interp_foreach(gil_interp_t *interp,
                       int (*fn)(gil_tstate_t *ts, void *arg), void *arg);
/* Number of thread states in interp. */
int gil_interp_nthreads(gil_interp_t *interp);

/* Stack size for threads started afterwards in this interpreter (0 =
** platform default).  set returns GIL_OK or GIL_EINVAL (too small or not a
** multiple of the page size; the old value stays). */
size_t gil_interp_stack_size(const gil_interp_t *interp);
int gil_interp_set_stack_size(gil_interp_t *interp, size_t size);

/* Finalization.  gil_interp_finalize_begin (caller attached with `ts`)
** marks the interpreter as finalizing: from then on any other thread that
** reaches for its GIL hangs forever instead of running (daemon threads),
** and gil_thread_start fails with GIL_EFINALIZING. */
void gil_interp_finalize_begin(gil_interp_t *interp, gil_tstate_t *ts);
int gil_interp_finalizing(const gil_interp_t *interp);

/* ---- thread states --------------------------------------------------- */

/* Create a thread state in interp, not yet bound to any OS thread (the
** thread bootstrap creates it in the parent and binds it in the child).
** NULL if out of memory.  Any thread; takes the head lock. */
gil_tstate_t *gil_tstate_new(gil_interp_t *interp);
/* Bind ts to the calling OS thread (ident, native id; becomes the thread's
** bound state if it has none).  GIL_ESTATE if ts is already bound. */
int gil_tstate_bind(gil_tstate_t *ts);
/* new + bind: CPython's PyThreadState_New. */
gil_tstate_t *gil_tstate_new_bound(gil_interp_t *interp);
/* Clear: run the interpreter's tstate_clear hook, drop a pending async
** exception.  Caller holds the GIL; ts need not be current. */
void gil_tstate_clear(gil_tstate_t *ts);
/* Delete a thread state that is not current anywhere (fatal if it is
** current on the caller).  Unlinks it under the head lock and frees it.
** As in CPython, a state that was ever attached must be cleared first
** (gil_tstate_clear, with the GIL held); delete runs no embedder hook. */
void gil_tstate_delete(gil_tstate_t *ts);
/* Clear the current thread state, delete it and release the GIL: how a
** thread ends (CPython's PyThreadState_DeleteCurrent).  Fatal if none. */
void gil_tstate_delete_current(void);

/* The attached state, or NULL: the thread-local itself, read inline,
** because an interpreter asks for it on every allocation from a
** per-thread free list.  Only tstate.c writes it (gil_tstate_swap and
** friends); initial-exec TLS makes the read one instruction, from the
** shared library too. */
extern _Thread_local __attribute__((tls_model("initial-exec")))
    gil_tstate_t *gil_tls_current_;
static inline gil_tstate_t *gil_tstate_current(void)
{
    return gil_tls_current_;
}
gil_tstate_t *gil_tstate_bound(void);     /* gilstate binding, or NULL */
/* Detach the current state (if any) and attach `ts` (if not NULL), taking
** its GIL; returns the old one.  CPython's PyThreadState_Swap. */
gil_tstate_t *gil_tstate_swap(gil_tstate_t *ts);

gil_interp_t *gil_tstate_interp(const gil_tstate_t *ts);
uint64_t gil_tstate_ident(const gil_tstate_t *ts);     /* 0 until bound */
uint64_t gil_tstate_native_id(const gil_tstate_t *ts); /* 0 until bound */
uint64_t gil_tstate_id(const gil_tstate_t *ts);   /* unique in its interp */
static inline void *gil_tstate_data(gil_tstate_t *ts)
{
    return ((gil_tstate_head_t *)ts)->data;
}
static inline void gil_tstate_set_data(gil_tstate_t *ts, void *data)
{
    ((gil_tstate_head_t *)ts)->data = data;
}

/* ---- foreign threads: CPython's PyGILState_Ensure / Release ----------
** A thread libgil did not create calls gil_gilstate_ensure(interp) to run
** code that needs the GIL: it gets (creating on first use) a thread state
** bound to it, attaches it if needed and returns what release needs.  Calls
** nest.  The outermost release of a state ensure created deletes it.
** Returns GIL_GILSTATE_LOCKED (the GIL was already held by this thread),
** GIL_GILSTATE_UNLOCKED, or a negative error: GIL_ENOMEM, GIL_EINVAL (the
** thread is bound to another interpreter). */
enum { GIL_GILSTATE_UNLOCKED = 0, GIL_GILSTATE_LOCKED = 1 };
int gil_gilstate_ensure(gil_interp_t *interp);
/* Undo the matching ensure (pass its return value).  Fatal if this thread
** has no bound state or it is not current. */
void gil_gilstate_release(int state);
/* 1 if the calling thread holds the GIL through its bound state. */
int gil_gilstate_check(void);

/* ---- fork ------------------------------------------------------------
** Call around fork() from a thread holding the GIL of the main interpreter
** (as os.fork does).  before takes every internal lock so that the child
** inherits none held mid-update; after_parent releases them; after_child
** re-creates them, makes the caller the main thread, re-creates every GIL
** (held by the caller's state for its interpreter, free for others), and
** clears and frees every other thread state (their threads do not exist in
** the child), marking their thread handles done. */
void gil_fork_before(gil_runtime_t *rt);
void gil_fork_after_parent(gil_runtime_t *rt);
void gil_fork_after_child(gil_runtime_t *rt);

#endif /* GIL_STATE_H */
