/*
** internal.h — the private layout of libgil's state structs, shared by the
** files of libgil/src and by nothing else.
**
** Every field names its guard:
**   [head]     the runtime's head lock (rt->head)
**   [gil.mu]   the internal mutex of that interpreter's GIL
**   [owner]    only the thread the state is bound to touches it
**   [atomic]   an atomic; the ordering is stated where it matters
**   [const]    written once before the object is shared
** Lock order: head lock, then a GIL's mu.  Neither is ever held while a
** hook or an embedder callback runs.
*/
#ifndef GIL_INTERNAL_H
#define GIL_INTERNAL_H

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "gil.h"

#define GIL_LIKELY(x) __builtin_expect(!!(x), 1)
#define GIL_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Relaxed atomic helpers: statistics counters are written by one thread and
** read by any, so a relaxed load + store (no lock prefix) suffices. */
#define RELAXED memory_order_relaxed
#define ALOAD(p) atomic_load_explicit((p), RELAXED)
#define ASTORE(p, v) atomic_store_explicit((p), (v), RELAXED)
#define ABUMP(p, n) ASTORE((p), ALOAD(p) + (n))

/* Statistics counters, one set per thread state (written by its owner
** under the GIL or gil.mu, read by anyone) and one per interpreter for the
** states already deleted [head]. */
typedef struct gil_counters {
    _Atomic uint64_t acquisitions, contended, wait_ns, max_wait_ns, hold_ns,
        voluntary, forced, drop_requests, handoffs;
} gil_counters_t;

/* ---- pending calls: a bounded lock-free MPMC ring (Vyukov) -----------
** Producers claim a slot by CAS on tail and publish it by storing its
** sequence number (release); a consumer claims by CAS on head.  No locks,
** so signal handlers may produce. */
typedef struct gil_pending_slot {
    _Atomic uint64_t seq;
    gil_pending_fn fn;         /* published by seq (release/acquire) */
    void *arg;
} gil_pending_slot_t;

typedef struct gil_pending {
    _Atomic uint64_t head;     /* [atomic] next slot to consume */
    _Atomic uint64_t tail;     /* [atomic] next slot to fill */
    _Atomic int running;       /* [atomic] a thread is draining (claim) */
    gil_pending_slot_t slot[GIL_PENDING_CAPACITY];
} gil_pending_t;

void gil_pending_init(gil_pending_t *q);
int gil_pending_nonempty(gil_pending_t *q);

/* ---- the GIL ------------------------------------------------------------
** See the essay at the top of gil.c. */
#define GIL_WAITERS ((uintptr_t)1)   /* word bit: the queue is non-empty */

typedef struct gil {
    /* [atomic] owner thread state | GIL_WAITERS.  0 = free, nobody waits.
    ** The fast paths CAS 0 <-> owner; everything else happens under mu. */
    _Atomic uintptr_t word;
    gil_lock_t mu;             /* guards the fields below */
    _Atomic int policy;        /* [gil.mu] to write, relaxed reads anywhere */
    _Atomic uint64_t interval_ns; /* [atomic] switch interval */
    _Atomic uint32_t ticks;    /* [atomic] legacy check interval */
    gil_tstate_t *q_head;      /* [gil.mu] waiters, sorted (see gil.c) */
    gil_tstate_t *q_tail;      /* [gil.mu] */
    _Atomic uint64_t nwaiters; /* [gil.mu] to write; relaxed reads (stats) */
    uint64_t next_ticket;      /* [gil.mu] arrival order of waiters */
    gil_tstate_t *last_holder; /* [gil.mu] identity only, never deref'd
                               ** unless it is a switch waiter (alive) */
    _Atomic uint64_t switches; /* [gil.mu] to write; CPython's switch_number */
    /* The holder's current "stint": the stretch of holding whose start is
    ** known, because it began on a slow path (see gil.c). */
    int64_t stint_start;       /* [gil.mu] when the stint began (ns) */
    gil_tstate_t *stint_owner; /* [gil.mu] whose stint (identity only) */
    uint64_t stint_gen;        /* [gil.mu] stint_owner's fast_gen then */
    uint64_t stint_id;         /* [gil.mu] bumped at every slow take */
    int64_t slice_start;       /* [gil.mu] fair: start of the holder's time
                               ** slice (a stint, or a resumed loan) */
    uint64_t dropreq_stint;    /* [gil.mu] fair: stint already asked to drop */
    gil_tstate_t *lender;      /* [gil.mu] fair: holder preempted by a
                               ** returning I/O thread, owed the GIL back */
    int64_t lender_used;       /* [gil.mu] slice time it had used by then */
    int64_t min_vruntime;      /* [gil.mu] fair: monotonic floor */
} gil_t;

/* ---- states ------------------------------------------------------------- */
struct gil_tstate {
    gil_tstate_head_t head;    /* breaker [atomic], data [owner]; first */
    gil_interp_t *interp;      /* [const] */
    gil_tstate_t *prev, *next; /* [head] the interpreter's list */
    uint64_t id;               /* [const] unique in the interpreter */
    _Atomic uint64_t ident;    /* [atomic] set once by bind */
    _Atomic uint64_t native_id;/* [atomic] set once by bind */
    int gilstate_counter;      /* [owner] ensure nesting; 0 = made by ensure */
    int cleared;               /* [owner or GIL] */
    _Atomic(void *) async_exc; /* [atomic] exchanged; GIL held to set */
    struct gil_thread *handle; /* [const] its handle if gil_thread_start'ed */

    /* GIL wait record, [gil.mu] unless marked */
    _Atomic uint32_t park;     /* futex word: 1 = woken; waiter resets to 0 */
    gil_tstate_t *q_next, *q_prev;
    int queued;                /* in the waiter queue */
    int granted;               /* fair: the GIL was handed to this waiter */
    int switch_wait;           /* cpython: waiting for a switch after drop */
    int64_t park_deadline;     /* GIL_NO_DEADLINE while parked untimed */
    int64_t vruntime;          /* fair: contended hold time, ns */
    uint64_t ticket;           /* arrival order, FIFO tie-break */

    _Atomic uint64_t fast_gen; /* [owner] to write, relaxed reads under
                               ** gil.mu: bumped by every fast-path take */
    int64_t hold_t0;           /* [owner] when it took the GIL; 0 unknown */
    int ticker;                /* [owner] legacy countdown */
    gil_counters_t stats;      /* see gil_counters_t */
};

struct gil_interp {
    gil_runtime_t *rt;         /* [const] */
    gil_interp_t *next;        /* [head] */
    int64_t id;                /* [const] */
    gil_tstate_t *tstates;     /* [head] newest first */
    int ntstates;              /* [head] */
    uint64_t next_tstate_id;   /* [head] */
    _Atomic int nrunning;      /* [atomic] gil_thread_count */
    _Atomic size_t stack_size; /* [atomic] */
    gil_interp_hooks_t hooks;  /* [const] set before threads start */
    void *data;                /* [const] embedder's */
    _Atomic(gil_tstate_t *) finalizing; /* [atomic] the finalizing state */
    _Atomic int stats_timing;  /* [atomic] measure uncontended holds */
    gil_counters_t retired;    /* [head] stats of deleted states */
    gil_pending_t pending;     /* [atomic] calls any thread may run */
    gil_t gil;
};

typedef struct gil_hook_rec {
    unsigned mask;             /* [const] */
    gil_hook_fn fn;            /* [const] */
    void *data;                /* [const] */
    struct gil_hook_rec *dead; /* [head] removed records, freed with rt */
} gil_hook_rec_t;

struct gil_runtime {
    gil_lock_t head;           /* the head lock */
    gil_interp_t *interps;     /* [head] */
    gil_interp_t *main_interp; /* [head] to write; set once */
    int64_t next_interp_id;    /* [head] */
    _Atomic uint64_t main_thread;          /* [atomic] ident */
    _Atomic(gil_tstate_t *) main_tstate;   /* [atomic] signal target */
    _Atomic uint64_t signals;  /* [atomic] tripped mask, bit n = signal n */
    gil_pending_t pending_main;/* [atomic] main-thread-only calls */
    _Atomic unsigned hook_mask;/* [atomic] union of hooked events */
    _Atomic(gil_hook_rec_t *) hooks[GIL_MAX_HOOKS]; /* [atomic] acq/rel */
    gil_hook_rec_t *dead_hooks;/* [head] */
    struct gil_thread *handles;/* [head] every live thread handle (fork) */
};

/* ---- internal entry points ---------------------------------------------- */
/* gil.c */
void gil_init(gil_t *g);
void gil_after_fork(gil_t *g, gil_tstate_t *holder);
void gil_forget_state(gil_t *g, gil_tstate_t *ts);   /* tstate deletion */
void gil_drop_final(gil_tstate_t *ts);               /* thread end */
void gil_tick(gil_tstate_t *ts);                     /* legacy tick */
void gil_handle_drop_request(gil_tstate_t *ts);
void gil_interp_apply_policy_bits(gil_interp_t *interp);
/* stats.c */
void gil_hook_fire(gil_runtime_t *rt, gil_event_kind_t ev, gil_tstate_t *ts);
static inline int gil_hook_wanted(gil_runtime_t *rt, gil_event_kind_t ev)
{
    return (atomic_load_explicit(&rt->hook_mask, RELAXED) & ev) != 0;
}
#define GIL_HOOK(rt, ev, ts) \
    do { if (GIL_UNLIKELY(gil_hook_wanted(rt, ev))) gil_hook_fire(rt, ev, ts); } while (0)
void gil_counters_add(gil_counters_t *dst, const gil_counters_t *src);
void gil_counters_zero(gil_counters_t *c);
void gil_hooks_free(gil_runtime_t *rt);
/* tstate.c */
void gil_tstate_free_list_after_fork(gil_interp_t *interp, gil_tstate_t *keep);
void gil_tstate_set_current(gil_tstate_t *ts);
void gil_tstate_set_bound(gil_tstate_t *ts);
void gil_tstate_forget_bound(void);
/* thread.c */
void gil_thread_after_fork(gil_runtime_t *rt, uint64_t survivor);
/* pending.c */
int gil_pending_push(gil_pending_t *q, gil_pending_fn fn, void *arg);
void gil_pending_after_fork(gil_pending_t *q);
/* signal.c */
int gil_signals_run(gil_tstate_t *ts);

#endif /* GIL_INTERNAL_H */
