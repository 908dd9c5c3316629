/*
** pending.c — pending calls: functions queued by any thread (or a signal
** handler) to run on a GIL-holding thread at its next poll.
**
** Each queue is a bounded multi-producer multi-consumer ring after Dmitry
** Vyukov: slot i carries a sequence number; a producer claims the slot at
** `tail` when its sequence equals the position (CAS on tail), fills it and
** publishes by storing position+1 (release).  A consumer claims the slot at
** `head` when its sequence is position+1 and frees it by storing
** position+capacity.  No locks: a signal handler that interrupts a
** producer on its own thread claims the next slot and finishes; the
** interrupted slot is consumed when its producer resumes.  A consumer that
** meets a claimed-but-unpublished slot stops and leaves the breaker bit set
** so the queue is looked at again.
**
** `running` keeps a queue drained by one thread at a time (CPython's
** handling_thread), so calls run in the order they were added.
*/
#include "internal.h"

#define CAP GIL_PENDING_CAPACITY
#define MASK (CAP - 1)
_Static_assert((CAP & MASK) == 0, "GIL_PENDING_CAPACITY must be a power of two");

void gil_pending_init(gil_pending_t *q)
{
    atomic_init(&q->head, 0);
    atomic_init(&q->tail, 0);
    atomic_init(&q->running, 0);
    for (uint64_t i = 0; i < CAP; i++)
        atomic_init(&q->slot[i].seq, i);
}

int gil_pending_nonempty(gil_pending_t *q)
{
    return atomic_load_explicit(&q->head, memory_order_acquire) !=
           atomic_load_explicit(&q->tail, memory_order_acquire);
}

int gil_pending_push(gil_pending_t *q, gil_pending_fn fn, void *arg)
{
    uint64_t pos = atomic_load_explicit(&q->tail, RELAXED);
    for (;;) {
        gil_pending_slot_t *s = &q->slot[pos & MASK];
        uint64_t seq = atomic_load_explicit(&s->seq, memory_order_acquire);
        int64_t diff = (int64_t)(seq - pos);
        if (diff == 0) {
            if (atomic_compare_exchange_weak_explicit(&q->tail, &pos, pos + 1,
                                                      RELAXED, RELAXED)) {
                s->fn = fn;
                s->arg = arg;
                atomic_store_explicit(&s->seq, pos + 1, memory_order_release);
                return GIL_OK;
            }
        } else if (diff < 0) {
            return GIL_EFULL;
        } else {
            pos = atomic_load_explicit(&q->tail, RELAXED);
        }
    }
}

/* Take the oldest published call; 0 if none is ready. */
static int pop(gil_pending_t *q, gil_pending_fn *fn, void **arg)
{
    uint64_t pos = atomic_load_explicit(&q->head, RELAXED);
    for (;;) {
        gil_pending_slot_t *s = &q->slot[pos & MASK];
        uint64_t seq = atomic_load_explicit(&s->seq, memory_order_acquire);
        int64_t diff = (int64_t)(seq - (pos + 1));
        if (diff == 0) {
            if (atomic_compare_exchange_weak_explicit(&q->head, &pos, pos + 1,
                                                      RELAXED, RELAXED)) {
                *fn = s->fn;
                *arg = s->arg;
                atomic_store_explicit(&s->seq, pos + CAP, memory_order_release);
                return 1;
            }
        } else if (diff < 0) {
            return 0;
        } else {
            pos = atomic_load_explicit(&q->head, RELAXED);
        }
    }
}

/* Run up to `max` calls (0 = no limit).  -1 if a call failed. */
static int drain(gil_tstate_t *ts, gil_pending_t *q, int max)
{
    int zero = 0;
    if (!atomic_compare_exchange_strong(&q->running, &zero, 1))
        return 0;   /* another thread is at it */
    int rc = 0;
    gil_pending_fn fn;
    void *arg;
    for (int n = 0; (max == 0 || n < max) && pop(q, &fn, &arg); n++)
        if (fn(arg) != 0) {
            rc = -1;
            break;
        }
    atomic_store(&q->running, 0);
    /* Calls left over (the limit, an error, an unpublished slot) are
    ** looked at again at the next poll. */
    if (gil_pending_nonempty(q))
        gil_breaker_set(ts, GIL_BREAK_CALLS);
    return rc;
}

int gil_pending_run(gil_tstate_t *ts)
{
    gil_runtime_t *rt = ts->interp->rt;
    /* Like Py_MakePendingCalls: signal handlers first (a no-op except on
    ** the main thread of the main interpreter). */
    if (gil_signals_run(ts) < 0)
        return -1;
    /* The main thread drains the main-only queue with no limit, so that
    ** signal-driven work is prompt (CPython's MAXPENDINGCALLSLOOP_MAIN). */
    if (ts == atomic_load(&rt->main_tstate) && drain(ts, &rt->pending_main, 0) < 0)
        return -1;
    return drain(ts, &ts->interp->pending, GIL_PENDING_MAXLOOP);
}

static int noop_call(void *arg)
{
    (void)arg;
    return 0;
}

/* Fork child: a thread that was between claiming and publishing a slot is
** gone, and the ring would stop at its slot forever.  Publish such slots
** as no-ops; everything else stays queued (as in CPython). */
void gil_pending_after_fork(gil_pending_t *q)
{
    atomic_store(&q->running, 0);
    uint64_t head = atomic_load(&q->head), tail = atomic_load(&q->tail);
    for (uint64_t pos = head; pos != tail; pos++) {
        gil_pending_slot_t *s = &q->slot[pos & MASK];
        if (atomic_load(&s->seq) == pos) {
            s->fn = noop_call;
            s->arg = NULL;
            atomic_store(&s->seq, pos + 1);
        }
    }
}

static int notify_one(gil_tstate_t *ts, void *arg)
{
    (void)arg;
    gil_breaker_set(ts, GIL_BREAK_CALLS);
    return 0;
}

int gil_pending_add(gil_interp_t *interp, gil_pending_fn fn, void *arg,
                    int flags)
{
    if (!fn)
        return GIL_EINVAL;
    gil_runtime_t *rt = interp->rt;
    if (flags & GIL_PENDING_MAIN_ONLY) {
        /* Async-signal-safe: a lock-free push and two atomics. */
        int rc = gil_pending_push(&rt->pending_main, fn, arg);
        gil_tstate_t *main = atomic_load(&rt->main_tstate);
        if (rc == GIL_OK && main)
            gil_breaker_set(main, GIL_BREAK_CALLS);
        return rc;
    }
    int rc = gil_pending_push(&interp->pending, fn, arg);
    /* Whichever of its threads polls first runs it; the others find the
    ** queue empty and clear their bit. */
    if (rc == GIL_OK)
        gil_interp_foreach(interp, notify_one, NULL);
    return rc;
}
