/*
** gil/thread.h — starting and joining interpreter threads: CPython's
** start_new_thread / bootstate / t_bootstrap and _ThreadHandle.
**
** gil_thread_start(interp, fn, arg, ...) creates the new thread's state in
** the caller (so a failed start leaves nothing half-registered), starts an
** OS thread and returns a handle.  The new thread binds its state, fires
** GIL_EV_THREAD_STARTED, takes the GIL, runs fn(ts, arg), then — like
** t_bootstrap — clears its state, deletes it and releases the GIL, fires
** GIL_EV_THREAD_EXITED, and marks its handle done.
**
** A handle goes STARTING -> RUNNING -> DONE (NOT_STARTED is reserved for
** handles of threads not started here, which the Python layer adds) and is
** reference-counted: the starter holds one reference (released with
** gil_thread_handle_release) and the running thread another.  If the last
** reference goes while the OS thread was never joined, it is detached.
** Join may be called any number of times, from any threads; the OS-level
** join happens exactly once.  No function here touches the GIL: callers
** that hold it wrap blocking joins in GIL_BEGIN/END_ALLOW_THREADS.
*/
#ifndef GIL_THREAD_H
#define GIL_THREAD_H

#include <stdint.h>

#include "gil/state.h"

typedef struct gil_thread gil_thread_t;

typedef enum gil_thread_state {
    GIL_THREAD_NOT_STARTED = 1,
    GIL_THREAD_STARTING = 2,
    GIL_THREAD_RUNNING = 3,
    GIL_THREAD_DONE = 4
} gil_thread_state_t;

/* The body of an interpreter thread; runs holding the GIL with `ts`. */
typedef void (*gil_thread_fn)(gil_tstate_t *ts, void *arg);

/* Start fn(ts, arg) on a new thread of interp.  On success *out (if not
** NULL) receives a handle reference the caller must release.  Errors:
** GIL_EINVAL (fn is NULL, or the OS refused the interpreter's stack size),
** GIL_EFINALIZING (interpreter shutting down), GIL_ENOMEM, GIL_EAGAIN (the
** OS could not create the thread: CPython's "can't start new thread").
** Any thread, GIL held or not. */
int gil_thread_start(gil_interp_t *interp, gil_thread_fn fn, void *arg,
                     gil_thread_t **out);

/* Wait for the thread to finish (timeout_ns < 0: forever; flags may hold
** GIL_LOCK_INTERRUPTIBLE).  Returns GIL_OK once it is done (and joined at
** the OS level), GIL_ETIMEDOUT, GIL_EINTR_STATUS (interrupted by a signal
** handler), GIL_ESTATE (never started) or GIL_EDEADLK (the calling thread
** is that thread). */
int gil_thread_join(gil_thread_t *h, int64_t timeout_ns, int flags);
/* 1 once the thread's body has returned and its state is deleted. */
int gil_thread_is_done(gil_thread_t *h);
gil_thread_state_t gil_thread_get_state(gil_thread_t *h);
uint64_t gil_thread_ident(gil_thread_t *h);      /* 0 before RUNNING */
uint64_t gil_thread_native_id(gil_thread_t *h);  /* 0 before RUNNING */
void gil_thread_handle_retain(gil_thread_t *h);
void gil_thread_handle_release(gil_thread_t *h);

/* Number of threads started with gil_thread_start in interp that are
** running their body now (CPython's _thread._count()). */
int gil_thread_count(gil_interp_t *interp);

#endif /* GIL_THREAD_H */
