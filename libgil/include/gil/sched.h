/*
** gil/sched.h — the GIL: taking, dropping, scheduling policies, the eval
** breaker, pending calls, async exceptions and signals.
**
** Each interpreter has one GIL.  A thread runs interpreter code only while
** its thread state holds that GIL ("attached").  The eval loop calls
** GIL_POLL(ts) at function entry and loop back-edges; when it is non-zero,
** gil_breaker_handle(ts) runs whatever is due: signal handlers, pending
** calls, a GIL switch, an async exception.
**
** Policies (per interpreter, switchable at any time):
**   GIL_POLICY_FAIR     ours (default): FIFO hand-off ordered by virtual
**                       run time, time slices only under contention, an
**                       uncontended drop + re-take of two atomics, and no
**                       convoy: a thread coming back from a blocking call
**                       with less than its share preempts a CPU-bound
**                       holder at once.
**   GIL_POLICY_CPYTHON  CPython 3.2+: waiters wait one switch interval,
**                       then ask the holder to drop; forced switching.
**   GIL_POLICY_LEGACY   CPython 2: the holder releases and re-takes every
**                       N ticks (polls); no fairness at all.
** src/gil.c opens with the essay that explains them.
*/
#ifndef GIL_SCHED_H
#define GIL_SCHED_H

#include <stdatomic.h>
#include <stdint.h>

#include "gil/state.h"

typedef enum gil_policy {
    GIL_POLICY_FAIR = 0,
    GIL_POLICY_CPYTHON = 1,
    GIL_POLICY_LEGACY = 2
} gil_policy_t;

/* "fair", "cpython", "legacy"; NULL for an invalid value. */
const char *gil_policy_name(gil_policy_t p);
/* Parse a policy name; GIL_EINVAL for an unknown one. */
int gil_policy_parse(const char *name, gil_policy_t *out);

/* Any thread, GIL held or not.  GIL_EINVAL for a bad policy. */
int gil_set_policy(gil_interp_t *interp, gil_policy_t p);
gil_policy_t gil_get_policy(const gil_interp_t *interp);
/* Switch interval in microseconds: 1 .. GIL_MAX_INTERVAL_US, else
** GIL_EINVAL and the old value stays. */
int gil_set_interval_us(gil_interp_t *interp, uint64_t us);
uint64_t gil_get_interval_us(const gil_interp_t *interp);
/* Legacy policy check interval in ticks: >= 1, else GIL_EINVAL. */
int gil_set_ticks(gil_interp_t *interp, uint32_t ticks);
uint32_t gil_get_ticks(const gil_interp_t *interp);

/* ---- taking and dropping ----------------------------------------------
** gil_take(ts) blocks until ts holds its interpreter's GIL (if the
** interpreter is finalizing and ts is not the finalizing thread, it never
** returns: the thread hangs).  gil_drop(ts) releases it; fatal if ts does
** not hold it.  Neither touches the current-thread pointer: gil_attach /
** gil_detach do both.  errno is preserved by all four. */
void gil_take(gil_tstate_t *ts);
void gil_drop(gil_tstate_t *ts);
/* 1 if ts holds its interpreter's GIL right now. */
int gil_holds(const gil_tstate_t *ts);
/* take + make ts current (fatal if this thread already has a current
** state).  CPython's PyEval_AcquireThread / RestoreThread. */
void gil_attach(gil_tstate_t *ts);
/* Clear current + drop; returns the state.  Fatal if none is current.
** CPython's PyEval_SaveThread. */
gil_tstate_t *gil_detach(void);

/* Release the GIL around a blocking call; never nest. */
#define GIL_BEGIN_ALLOW_THREADS { gil_tstate_t *gil_save_ = gil_detach();
#define GIL_BLOCK_THREADS gil_attach(gil_save_);
#define GIL_UNBLOCK_THREADS gil_save_ = gil_detach();
#define GIL_END_ALLOW_THREADS gil_attach(gil_save_); }

/* Give the GIL to a waiting thread, if any, and take it back (a voluntary
** switch point; sleep(0)).  Caller holds the GIL with ts. */
void gil_yield(gil_tstate_t *ts);

/* ---- the eval breaker -------------------------------------------------
** One atomic word per thread state.  Bits below 16 belong to libgil; the
** embedder may use bits 16..(GIL_BREAKER_USER_LAST) for its own events
** (and must clear them itself: gil_breaker_handle leaves them alone). */
#define GIL_BREAK_DROP      (1u << 0)  /* a waiter asks the holder to drop */
#define GIL_BREAK_SIGNALS   (1u << 1)  /* signals tripped (main thread) */
#define GIL_BREAK_CALLS     (1u << 2)  /* pending calls to run */
#define GIL_BREAK_ASYNC_EXC (1u << 3)  /* an async exception was set */
#define GIL_BREAK_TICK      (1u << 4)  /* legacy policy: count ticks */
#define GIL_BREAK_LIBGIL_MASK 0xffffu
#define GIL_BREAK_USER_FIRST  (1u << 16)

/* The poll: one relaxed load.  Non-zero means "call gil_breaker_handle". */
#define GIL_POLL(ts) \
    (atomic_load_explicit(&((gil_tstate_head_t *)(ts))->breaker, \
                          memory_order_relaxed) != 0)

static inline void gil_breaker_set(gil_tstate_t *ts, uintptr_t bits)
{
    atomic_fetch_or_explicit(&((gil_tstate_head_t *)ts)->breaker, bits,
                             memory_order_release);
}
static inline void gil_breaker_clear(gil_tstate_t *ts, uintptr_t bits)
{
    atomic_fetch_and_explicit(&((gil_tstate_head_t *)ts)->breaker, ~bits,
                              memory_order_relaxed);
}
static inline uintptr_t gil_breaker_get(gil_tstate_t *ts)
{
    return atomic_load_explicit(&((gil_tstate_head_t *)ts)->breaker,
                                memory_order_acquire);
}

/* Handle every libgil event pending on ts, in CPython's order: signals
** (main thread of the main interpreter only), pending calls, legacy tick,
** GIL drop request (the GIL may pass to other threads and come back),
** async exception.  Caller is ts's thread and holds the GIL.  Returns 0,
** or -1 when a callback (signal handler, pending call, async exception)
** set an error in the embedder. */
int gil_breaker_handle(gil_tstate_t *ts);

/* ---- pending calls -----------------------------------------------------
** fn(arg) runs later, on a thread holding the GIL, at its next poll.
** Bounded, lock-free queues.  With GIL_PENDING_MAIN_ONLY the call goes to
** the runtime's queue that only the main thread of the main interpreter
** runs (CPython's Py_AddPendingCall); adding never blocks and is
** async-signal-safe (a signal handler may add).  Otherwise any thread of
** interp may run it; that variant takes the head lock briefly to notify
** the interpreter's threads, so it is not for signal handlers.  fn returns
** 0, or -1 with an error set in the embedder (it then surfaces in the
** interrupted code).  Returns GIL_OK or GIL_EFULL. */
#define GIL_PENDING_MAIN_ONLY 1
typedef int (*gil_pending_fn)(void *arg);
int gil_pending_add(gil_interp_t *interp, gil_pending_fn fn, void *arg,
                    int flags);
/* Run due signal handlers (main thread) and pending calls now (CPython's
** Py_MakePendingCalls, e.g. after an interrupted lock wait); caller holds
** the GIL.  0 or -1 as above. */
int gil_pending_run(gil_tstate_t *ts);

/* ---- async exceptions --------------------------------------------------
** Set (exc != NULL) or clear (exc == NULL) the async exception of the
** thread of interp whose ident is `ident`; it is raised there at its next
** poll, through the interpreter's async_exc hook.  Caller holds the GIL and
** passes a reference it gives up.  Returns the number of thread states
** changed (0 or 1), or GIL_EINVAL if the interpreter has no async_exc hook.
** CPython's PyThreadState_SetAsyncExc. */
int gil_async_exc_set(gil_interp_t *interp, uint64_t ident, void *exc);

/* ---- signals -----------------------------------------------------------
** gil_signal_trip is what a C signal handler calls: it records the signal
** and sets GIL_BREAK_SIGNALS on the main thread's state.  Async-signal-safe;
** signum 1..63 (else GIL_EINVAL).  The main thread runs the interpreter's
** `signals` hook at its next poll, once per tripped signal (mask with one
** bit), in ascending order; if it fails, the signals not yet handled stay
** tripped for a later poll.  gil_signal_take atomically takes the mask of
** tripped signals (for embedders that poll themselves). */
int gil_signal_trip(gil_runtime_t *rt, int signum);
uint64_t gil_signal_take(gil_runtime_t *rt);

#endif /* GIL_SCHED_H */
