/*
** gil/stats.h — GIL statistics and event hooks.
**
** Statistics are always collected.  Counters cost a relaxed increment on
** paths that already run; times (wait, hold) need the clock, so the hold
** time of *uncontended* take/drop pairs is measured only while timing is
** on (gil_stats_set_timing), keeping the uncontended path at two atomics.
** Wait times are measured whenever a thread actually waits.
**
** Snapshots may be taken from any thread at any time; each field is read
** atomically, the set of fields is not a consistent cut.
*/
#ifndef GIL_STATS_H
#define GIL_STATS_H

#include <stdint.h>

#include "gil/state.h"

typedef struct gil_stats {
    uint64_t acquisitions;   /* times the GIL was taken */
    uint64_t contended;      /* ...of which the taker had to wait */
    uint64_t wait_ns;        /* total time spent waiting for the GIL */
    uint64_t max_wait_ns;    /* longest single wait */
    uint64_t hold_ns;        /* total time holding it (see timing) */
    uint64_t voluntary;      /* releases not asked for (blocking calls) */
    uint64_t forced;         /* releases because of a drop request */
    uint64_t drop_requests;  /* drop requests this thread made as a waiter */
    uint64_t handoffs;       /* releases that handed the GIL to a waiter */
} gil_stats_t;

/* Statistics of one thread state.  Any thread; ts must be alive. */
void gil_stats_thread(const gil_tstate_t *ts, gil_stats_t *out);

typedef struct gil_interp_stats {
    gil_stats_t total;       /* all threads, the ended ones included */
    uint64_t switches;       /* GIL taken by a state other than the last,
                             ** seen at slow-path takes only: a fast take
                             ** just after another thread's fast drop
                             ** (nobody waiting) is not counted, which keeps
                             ** the uncontended path free of bookkeeping */
    uint64_t waiters;        /* threads waiting right now */
    uint64_t threads;        /* thread states alive right now */
} gil_interp_stats_t;

/* Totals of an interpreter.  Any thread; takes the head lock. */
void gil_stats_interp(gil_interp_t *interp, gil_interp_stats_t *out);
/* Zero the counters of interp and of all its thread states. */
void gil_stats_reset(gil_interp_t *interp);
/* Measure hold times of uncontended pairs too (1) or not (0, default). */
void gil_stats_set_timing(gil_interp_t *interp, int on);

/* ---- event hooks -------------------------------------------------------
** A hook is called as fn(event, ts, data).  Where each fires:
**   THREAD_STARTED  on the new thread, state bound, before it first takes
**                   the GIL.  No libgil lock held.
**   THREAD_EXITED   on the ending thread, after its state was deleted and
**                   the GIL released; ts is only an identity (freed).
**                   No libgil lock held.
**   WANTS_GIL       on the thread about to wait for the GIL (the
**                   uncontended path does not fire it).  No lock held.
**   TOOK_GIL        on the thread that just took it.  GIL held.
**   RELEASED_GIL    on the thread that just released it.  No lock held.
**   PREEMPTED       on the holder about to honour a drop request (then
**                   RELEASED_GIL follows).  GIL held.
** Hooks must be thread-safe, must not take or drop a GIL and must not
** add or remove hooks.  While no hook wants an event, its cost is one
** relaxed load. */
typedef enum gil_event_kind {
    GIL_EV_THREAD_STARTED = 1u << 0,
    GIL_EV_THREAD_EXITED = 1u << 1,
    GIL_EV_WANTS_GIL = 1u << 2,
    GIL_EV_TOOK_GIL = 1u << 3,
    GIL_EV_RELEASED_GIL = 1u << 4,
    GIL_EV_PREEMPTED = 1u << 5,
    GIL_EV_ALL = (1u << 6) - 1
} gil_event_kind_t;

typedef void (*gil_hook_fn)(gil_event_kind_t ev, gil_tstate_t *ts,
                            void *data);

/* Register fn for the events in mask.  Returns a hook id >= 0, or
** GIL_EINVAL (empty mask, NULL fn) or GIL_EFULL (GIL_MAX_HOOKS in use). */
int gil_hook_add(gil_runtime_t *rt, unsigned mask, gil_hook_fn fn,
                 void *data);
/* Remove a hook; GIL_EINVAL for an unknown id.  A call already running
** may still finish after this returns. */
int gil_hook_remove(gil_runtime_t *rt, int id);

#endif /* GIL_STATS_H */
