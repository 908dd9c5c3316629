/*
** gil.c — the GIL: take, drop, hand-off, drop requests, three policies.
**
** Notes about the implementation
** ==============================
**
** The lock word.  A GIL is one atomic word holding the owner's thread-state
** pointer, with bit 0 (GIL_WAITERS) set while the waiter queue is not
** empty.  0 means free and nobody waiting.  The uncontended paths are one
** CAS each: take is 0 -> ts, drop is ts -> 0.  Because the drop CAS expects
** exactly `ts` (no WAITERS bit), a holder can leave through the fast path
** only when nobody waits; once a waiter has set the bit, the holder's next
** drop must come through `mu`, where the waiter is.  So a thread that drops
** the GIL around a short system call and takes it back before anyone
** wanted it pays two atomics and never enters the kernel — PyPy's "fast
** GIL" idea — while any thread that does wait is seen by the next release.
**
** Everything else (the queue, hand-off, statistics of waits, the policies)
** happens under `mu`, an internal futex lock held only for a few dozen
** instructions.  A waiter never sleeps on `mu`: it sleeps on its own futex
** word `ts->park`, set to 1 by whoever wakes it (under mu).  The wake-up
** system call is made after mu is released, which keeps mu's hold times
** short; it may then hit a thread state that has already woken, run and
** been freed, which is harmless: FUTEX_WAKE only hashes the address, and
** every waiter re-checks its condition after waking.
**
** Invariants, all under mu:
**   - word's owner is the holder; WAITERS is set iff the queue is non-empty
**     (outside a critical section of mu).  Only two things change the word
**     without mu: the fast take (from exactly 0) and the fast drop (from
**     exactly the owner, no WAITERS).  Hence while WAITERS is set nobody
**     but a holder of mu can change the word, and the owner cannot leave or
**     be freed while a waiter inspects it under mu.
**   - a queued thread is asleep in take() or about to be; it leaves the
**     queue only by getting the GIL (granted, or claiming a free one).
**
** Policies differ only in what a release does and when a waiter asks:
**
**   legacy (CPython 2).  Release clears the owner and wakes one waiter,
**     who must then compete: the releaser, if it asks again at once (the
**     tick loop does), usually wins on a multi-core machine.  The holder
**     releases and re-takes every `ticks` polls: GIL_BREAK_TICK stays set on
**     every thread state so each poll reaches gil_tick().  No drop
**     requests, no timing, no fairness — kept for comparison.
**
**   cpython (3.2+).  Release is as in legacy.  A waiter sleeps one switch
**     interval; if it times out, the GIL is still held and no switch
**     happened meanwhile (`switches` unchanged), it sets GIL_BREAK_DROP on
**     the holder.  A holder that honours a request (a "forced" drop) then
**     waits until someone else has taken the GIL (FORCE_SWITCHING), so it
**     cannot re-take it at once.  A voluntary release (a blocking call)
**     never waits and may be re-taken by the releaser: this is why an I/O
**     thread coming back finds a CPU-bound thread holding the GIL and must
**     wait a full interval before it may even ask — the convoy effect
**     (bpo-7946).
**
**   fair (ours).  Release hands the GIL directly to the first waiter (the
**     word changes from releaser to successor under mu), so a thread asked
**     to yield can never barge back, and order is decided here, never by
**     the OS's wake-up order.  The queue is ordered by *virtual run time*
**     (time spent holding the GIL while others wanted it), ties by arrival:
**     CPU-bound threads preempted after a full slice re-enter behind each
**     other, i.e. FIFO round robin.  Time slicing costs nothing while nobody
**     waits: only the head of the queue sleeps with a timeout, until the
**     holder's stint has lasted one interval, and then asks it to drop.
**     No convoy: a thread returning from a blocking call enters the queue
**     with its own virtual run time, but never less than min_vruntime minus
**     one interval (a sleeper banks at most one slice of credit, as in
**     Linux CFS).  If that is less than the holder's, it asks the holder to
**     drop at once instead of waiting out an interval, and spins briefly
**     (GIL_FAIR_SPIN_NS) for the hand-off that follows within a few polls.
**     Such a thread gets ahead only while it has used less GIL time than
**     the holder: a "fake I/O thread" that holds the GIL long between short
**     blocking calls accumulates run time and falls back to slices, so
**     CPU-bound threads keep their share and nobody starves.
**     Such a preemption is a *loan*: the preempted thread re-enters the
**     queue at its front, spins briefly, and gets the GIL back — with the
**     rest of its slice — as soon as the I/O thread blocks again.  Without
**     this, each I/O burst would pass the GIL on to a thread asleep in the
**     kernel, and the GIL would sit idle for the tens of microseconds a
**     wake-up takes on a busy machine: CPU threads would lose most of
**     their throughput to the I/O thread's hand-offs.  For the same reason a
**     returning thread that finds the GIL granted to a thread that has not
**     yet woken up to claim it takes it over ("steals the grant"); the
**     grantee, which has not run a single instruction, becomes the lender
**     at the queue's front.  A wake-up on an oversubscribed machine can
**     take milliseconds: no GIL should be held by a sleeping thread.
**
** Stints.  Virtual run time needs hold durations, but the fast paths must
** not read the clock.  So only *stints* are timed: a stint begins when the
** GIL is taken on a slow path (we have the time there) or, for a holder
** that took it on the fast path, when the first waiter arrives (the holder's
** uncontended time took nothing from anybody).  `fast_gen`, bumped by every
** fast take, tells a waiter whether the recorded stint is still the
** holder's current one.  A stint ends at the holder's slow drop, the only
** kind it can do once a waiter is queued, and is added to its vruntime.
**
** Policy switches may happen at any time: the policy is re-read at every
** step, the queue and the word are shared by all three, and set_policy
** wakes every waiter to re-evaluate.  A fair waiter finding the GIL free
** (left so by a cpython release) hands it to the queue head.
**
** Finalization: a thread that gets the GIL while its interpreter is
** finalizing (and is not the finalizing thread) releases it and hangs
** forever — CPython 3.14's answer to daemon threads (gh-87135).
*/
#include <errno.h>

#include "internal.h"

#define OWNER(w) ((gil_tstate_t *)((w) & ~GIL_WAITERS))
#define MAXWAKE 4

#if defined(__x86_64__) || defined(__i386__)
#define CPU_RELAX() __builtin_ia32_pause()
#elif defined(__aarch64__)
#define CPU_RELAX() __asm__ __volatile__("yield")
#else
#define CPU_RELAX() ((void)0)
#endif

/* Threads to wake once mu is released. */
typedef struct wakelist {
    int n;
    gil_tstate_t *ts[MAXWAKE];
} wakelist_t;

static void mu_lock(gil_t *g) { gil_lock_acquire(&g->mu, GIL_FOREVER, 0); }
static void mu_unlock(gil_t *g) { gil_lock_release(&g->mu); }

static int policy_of(gil_t *g) { return atomic_load_explicit(&g->policy, RELAXED); }

static void wake_later(wakelist_t *wl, gil_tstate_t *ts)
{
    atomic_store_explicit(&ts->park, 1, memory_order_release);
    for (int i = 0; i < wl->n; i++)
        if (wl->ts[i] == ts)
            return;
    if (wl->n < MAXWAKE)
        wl->ts[wl->n++] = ts;
    else    /* cannot happen with the callers below; stay correct anyway */
        gil_os_futex_wake(&ts->park, 1);
}

static void wake_all(wakelist_t *wl)
{
    for (int i = 0; i < wl->n; i++)
        gil_os_futex_wake(&wl->ts[i]->park, 1);
    wl->n = 0;
}

void gil_init(gil_t *g)
{
    memset(g, 0, sizeof *g);
    atomic_init(&g->word, 0);
    gil_lock_init(&g->mu);
    atomic_init(&g->policy, GIL_DEFAULT_POLICY);
    atomic_init(&g->interval_ns, (uint64_t)GIL_DEFAULT_INTERVAL_US * 1000);
    atomic_init(&g->ticks, GIL_DEFAULT_TICKS);
}

/* ---- the queue (all under mu) ------------------------------------------- */

/* Fair orders by (vruntime, ticket); the others are plain FIFO. */
static int before(const gil_tstate_t *a, const gil_tstate_t *b, int fair)
{
    if (fair && a->vruntime != b->vruntime)
        return a->vruntime < b->vruntime;
    return a->ticket < b->ticket;
}

static void q_insert(gil_t *g, gil_tstate_t *ts, int fair)
{
    gil_tstate_t *at = g->q_tail;
    while (at && before(ts, at, fair))
        at = at->q_prev;
    ts->q_prev = at;
    ts->q_next = at ? at->q_next : g->q_head;
    if (ts->q_next)
        ts->q_next->q_prev = ts;
    else
        g->q_tail = ts;
    if (at)
        at->q_next = ts;
    else
        g->q_head = ts;
    ts->queued = 1;
    ASTORE(&g->nwaiters, ALOAD(&g->nwaiters) + 1);
}

static void q_insert_front(gil_t *g, gil_tstate_t *ts)
{
    ts->q_prev = NULL;
    ts->q_next = g->q_head;
    if (g->q_head)
        g->q_head->q_prev = ts;
    else
        g->q_tail = ts;
    g->q_head = ts;
    ts->queued = 1;
    ASTORE(&g->nwaiters, ALOAD(&g->nwaiters) + 1);
}

static void q_remove(gil_t *g, gil_tstate_t *ts)
{
    if (ts->q_prev)
        ts->q_prev->q_next = ts->q_next;
    else
        g->q_head = ts->q_next;
    if (ts->q_next)
        ts->q_next->q_prev = ts->q_prev;
    else
        g->q_tail = ts->q_prev;
    ts->q_next = ts->q_prev = NULL;
    ts->queued = 0;
    ASTORE(&g->nwaiters, ALOAD(&g->nwaiters) - 1);
}

/* ts leaves the queue without the GIL (it is doomed: see take_slow). */
static void q_leave(gil_t *g, gil_tstate_t *ts)
{
    q_remove(g, ts);
    if (g->q_head)
        return;
    uintptr_t w = atomic_load(&g->word);
    while ((w & GIL_WAITERS) &&
           !atomic_compare_exchange_weak(&g->word, &w, w & ~GIL_WAITERS))
        ;
    /* A forced dropper waiting for a switch would wait forever now that
    ** nobody is left to take the GIL (CPython's gh-96387). */
    gil_tstate_t *prev = g->last_holder;
    if (prev && prev->switch_wait) {
        prev->switch_wait = 0;
        atomic_store_explicit(&prev->park, 1, memory_order_release);
        gil_os_futex_wake(&prev->park, 1);
    }
}

/* Is the queue non-empty once `ts` has left it? */
static int others_wait(gil_t *g, gil_tstate_t *ts)
{
    return g->q_head && !(g->q_head == ts && ts->q_next == NULL);
}

/* Set WAITERS in the word.  0 if the GIL turned out to be free (a fast drop
** won the race): the caller must retry claiming it. */
static int mark_waiters(gil_t *g)
{
    uintptr_t w = atomic_load_explicit(&g->word, memory_order_acquire);
    for (;;) {
        if (!OWNER(w))
            return 0;
        if (w & GIL_WAITERS)
            return 1;
        if (atomic_compare_exchange_weak_explicit(&g->word, &w, w | GIL_WAITERS,
                                                  memory_order_acq_rel,
                                                  memory_order_acquire))
            return 1;
    }
}

/* ---- stints and bookkeeping (under mu) ---------------------------------- */

/* `ts` now holds the GIL, taken on a slow path at `now`. */
static void begin_stint(gil_t *g, gil_tstate_t *ts, int64_t now, wakelist_t *wl)
{
    gil_tstate_t *prev = g->last_holder;
    if (prev != ts) {
        /* A cpython-policy holder that was forced to drop waits in
        ** drop_slow until the GIL changed hands; this is that moment. */
        if (prev && prev->switch_wait) {
            prev->switch_wait = 0;
            wake_later(wl, prev);
        }
        g->last_holder = ts;
        ASTORE(&g->switches, ALOAD(&g->switches) + 1);
    }
    g->stint_start = now;
    g->stint_owner = ts;
    g->stint_gen = ALOAD(&ts->fast_gen);
    g->stint_id++;
    g->slice_start = now;
    if (ts == g->lender) {          /* a loan comes back: resume the slice */
        g->slice_start = now - g->lender_used;
        g->lender = NULL;
    }
    int64_t floor = ts->vruntime;
    if (g->q_head && g->q_head->vruntime < floor)
        floor = g->q_head->vruntime;
    if (floor > g->min_vruntime)
        g->min_vruntime = floor;
    /* A drop request addressed to ts before this stint is stale. */
    gil_breaker_clear(ts, GIL_BREAK_DROP);
}

/* The first waiter arrived: if the holder's stint is not one we timed (it
** took the GIL on the fast path since), it begins now. */
static void stint_on_contention(gil_t *g, gil_tstate_t *holder, int64_t now)
{
    if (g->stint_owner != holder || g->stint_gen != ALOAD(&holder->fast_gen)) {
        g->stint_start = now;
        g->stint_owner = holder;
        g->stint_gen = ALOAD(&holder->fast_gen);
        g->stint_id++;
        g->slice_start = now;
    }
}

/* Hand the GIL, held by nobody or by a releasing thread, to `next`. */
static void grant(gil_t *g, gil_tstate_t *next, int64_t now, wakelist_t *wl)
{
    q_remove(g, next);
    next->granted = 1;
    atomic_store_explicit(&g->word,
                          (uintptr_t)next | (g->q_head ? GIL_WAITERS : 0),
                          memory_order_release);
    begin_stint(g, next, now, wl);
    wake_later(wl, next);
    /* The new head must keep time for this stint; it may be asleep
    ** without a timeout (it was not head when it parked). */
    if (g->q_head && g->q_head->park_deadline == GIL_NO_DEADLINE)
        wake_later(wl, g->q_head);
}

/* Try to take a free GIL for ts (word value `w` had no owner). */
static int claim(gil_t *g, gil_tstate_t *ts, uintptr_t w, int64_t now,
                 wakelist_t *wl)
{
    uintptr_t nw = (uintptr_t)ts | (others_wait(g, ts) ? GIL_WAITERS : 0);
    if (!atomic_compare_exchange_strong_explicit(&g->word, &w, nw,
                                                 memory_order_acq_rel,
                                                 memory_order_acquire))
        return 0;
    if (ts->queued)
        q_remove(g, ts);
    begin_stint(g, ts, now, wl);
    return 1;
}

/* `holder` was granted the GIL but has not woken up to claim it: give it
** to ts (the queue head) instead, and make holder the lender in front. */
static void steal_grant(gil_t *g, gil_tstate_t *ts, gil_tstate_t *holder,
                        int64_t now, wakelist_t *wl)
{
    holder->granted = 0;
    q_remove(g, ts);
    q_insert_front(g, holder);
    atomic_store_explicit(&g->word, (uintptr_t)ts | GIL_WAITERS,
                          memory_order_release);
    begin_stint(g, ts, now, wl);
    g->lender = holder;
    g->lender_used = 0;
}

static void request_drop(gil_t *g, gil_tstate_t *ts, gil_tstate_t *holder)
{
    gil_breaker_set(holder, GIL_BREAK_DROP);
    g->dropreq_stint = g->stint_id;
    ABUMP(&ts->stats.drop_requests, 1);
}

/* How long a parking waiter may sleep before it has something to do. */
static int64_t park_deadline(gil_t *g, gil_tstate_t *ts, int pol, int64_t now)
{
    int64_t interval = (int64_t)ALOAD(&g->interval_ns);
    if (pol == GIL_POLICY_CPYTHON)
        return now + interval;
    if (pol == GIL_POLICY_FAIR && g->q_head == ts &&
        g->dropreq_stint != g->stint_id)
        return g->slice_start + interval;
    return GIL_NO_DEADLINE;
}

/* ---- take ----------------------------------------------------------------- */

static void must_exit(gil_tstate_t *ts);

/* The interpreter is finalizing and ts is not the finalizing thread. */
static int doomed(gil_tstate_t *ts)
{
    gil_tstate_t *fin = atomic_load_explicit(&ts->interp->finalizing, RELAXED);
    return fin != NULL && fin != ts;
}

static void take_slow(gil_t *g, gil_tstate_t *ts)
{
    gil_runtime_t *rt = ts->interp->rt;
    int saved_errno = errno;
    GIL_HOOK(rt, GIL_EV_WANTS_GIL, ts);
    int64_t t0 = gil_os_monotonic_ns(), now = t0;
    int waited = 0, spin = 0;
    uint64_t seen_switches = 0;
    wakelist_t wl = {0};

    mu_lock(g);
    for (;;) {
        if (ts->granted) {          /* handed to us by a releaser */
            ts->granted = 0;
            break;
        }
        /* A daemon thread waiting while finalization began must neither
        ** get the GIL nor keep asking its holder to drop (gh-96387): it
        ** leaves the queue and hangs. */
        if (GIL_UNLIKELY(doomed(ts))) {
            if (ts->queued)
                q_leave(g, ts);
            mu_unlock(g);
            wake_all(&wl);
            gil_os_thread_hang();
        }
        int pol = policy_of(g);
        uintptr_t w = atomic_load_explicit(&g->word, memory_order_acquire);
        if (GIL_UNLIKELY(OWNER(w) == ts))
            gil_fatal("gil_take: this thread state already holds the GIL");
        if (!OWNER(w)) {
            if (pol == GIL_POLICY_FAIR && g->q_head && g->q_head != ts)
                grant(g, g->q_head, now, &wl);  /* the queue goes first */
            else if (claim(g, ts, w, now, &wl))
                break;
            else
                continue;
        }
        if (!ts->queued) {
            int first = g->q_head == NULL;
            if (pol == GIL_POLICY_FAIR) {
                int64_t floor = g->min_vruntime -
                                (int64_t)ALOAD(&g->interval_ns);
                if (ts->vruntime < floor)
                    ts->vruntime = floor;
            }
            ts->ticket = g->next_ticket++;
            if (pol == GIL_POLICY_FAIR && ts == g->lender) {
                q_insert_front(g, ts);  /* owed the GIL back: see above */
                spin = GIL_FAIR_SPIN_NS > 0;
            } else {
                q_insert(g, ts, pol == GIL_POLICY_FAIR);
            }
            if (!mark_waiters(g))
                continue;           /* freed meanwhile: claim it */
            gil_tstate_t *holder = OWNER(atomic_load(&g->word));
            if (first)
                stint_on_contention(g, holder, now);
            /* No convoy: less run time than the holder means go now. */
            if (pol == GIL_POLICY_FAIR && g->q_head == ts &&
                g->dropreq_stint != g->stint_id &&
                ts->vruntime < holder->vruntime + (now - g->stint_start)) {
                if (holder->granted) {
                    steal_grant(g, ts, holder, now, &wl);
                    break;
                }
                request_drop(g, ts, holder);
                g->lender = holder;
                g->lender_used = now - g->slice_start;
                spin = GIL_FAIR_SPIN_NS > 0;
            }
        } else if (!mark_waiters(g)) {
            continue;
        }
        if (pol == GIL_POLICY_FAIR && ts == g->lender)
            spin = GIL_FAIR_SPIN_NS > 0;    /* owed the GIL back soon */
        int64_t deadline = park_deadline(g, ts, pol, now);
        ts->park_deadline = deadline;
        atomic_store_explicit(&ts->park, 0, RELAXED);
        seen_switches = ALOAD(&g->switches);
        mu_unlock(g);
        wake_all(&wl);

        int rc = 0;
        if (spin) {
            int64_t until = gil_os_monotonic_ns() + GIL_FAIR_SPIN_NS;
            while (!atomic_load_explicit(&ts->park, memory_order_acquire) &&
                   gil_os_monotonic_ns() < until)
                CPU_RELAX();
            spin = 0;
        }
        if (!atomic_load_explicit(&ts->park, memory_order_acquire))
            rc = gil_os_futex_wait(&ts->park, 0, deadline);
        waited = 1;
        now = gil_os_monotonic_ns();
        mu_lock(g);
        if (ts->granted || rc != GIL_ETIMEDOUT)
            continue;
        /* Timed out: maybe ask the holder to drop. */
        pol = policy_of(g);
        gil_tstate_t *holder = OWNER(atomic_load(&g->word));
        if (!holder)
            continue;
        if (pol == GIL_POLICY_CPYTHON && ALOAD(&g->switches) == seen_switches)
            request_drop(g, ts, holder);
        else if (pol == GIL_POLICY_FAIR && g->q_head == ts &&
                 g->dropreq_stint != g->stint_id &&
                 now >= g->slice_start + (int64_t)ALOAD(&g->interval_ns))
            request_drop(g, ts, holder);
    }
    mu_unlock(g);
    wake_all(&wl);

    ABUMP(&ts->stats.acquisitions, 1);
    if (waited) {
        uint64_t dt = (uint64_t)(now - t0);
        ABUMP(&ts->stats.contended, 1);
        ABUMP(&ts->stats.wait_ns, dt);
        if (dt > ALOAD(&ts->stats.max_wait_ns))
            ASTORE(&ts->stats.max_wait_ns, dt);
    }
    ts->hold_t0 = now;
    errno = saved_errno;
}

void gil_take(gil_tstate_t *ts)
{
    gil_interp_t *interp = ts->interp;
    gil_t *g = &interp->gil;
    uintptr_t zero = 0;
    /* Bumped before the CAS so that a waiter which sees us as owner (it
    ** read the word after our acq_rel CAS) also sees the new generation. */
    ASTORE(&ts->fast_gen, ALOAD(&ts->fast_gen) + 1);
    if (GIL_LIKELY(atomic_compare_exchange_strong_explicit(
            &g->word, &zero, (uintptr_t)ts, memory_order_acq_rel,
            memory_order_relaxed))) {
        ABUMP(&ts->stats.acquisitions, 1);
        ts->hold_t0 = ALOAD(&interp->stats_timing) ? gil_os_monotonic_ns() : 0;
    } else {
        take_slow(g, ts);
    }
    if (GIL_UNLIKELY(doomed(ts)))
        must_exit(ts);
    GIL_HOOK(interp->rt, GIL_EV_TOOK_GIL, ts);
}

/* ---- drop ------------------------------------------------------------------ */

static void account_hold(gil_tstate_t *ts, int64_t now)
{
    if (ts->hold_t0) {
        ABUMP(&ts->stats.hold_ns, (uint64_t)(now - ts->hold_t0));
        ts->hold_t0 = 0;
    }
}

static void drop_slow(gil_t *g, gil_tstate_t *ts, int forced)
{
    int saved_errno = errno;
    int64_t now = gil_os_monotonic_ns();
    wakelist_t wl = {0};

    mu_lock(g);
    uintptr_t w = atomic_load_explicit(&g->word, memory_order_acquire);
    if (OWNER(w) != ts)
        gil_fatal("gil_drop: the GIL is not held by this thread state");
    if (g->stint_owner == ts && now > g->stint_start)
        ts->vruntime += now - g->stint_start;
    g->stint_owner = NULL;
    /* ts may have taken the GIL on the fast path, which does not record
    ** last_holder; FORCE_SWITCHING and the switch count need it right. */
    g->last_holder = ts;
    if (!forced && g->lender == ts)
        g->lender = NULL;       /* it blocked instead of being preempted */
    gil_breaker_clear(ts, GIL_BREAK_DROP);
    int pol = policy_of(g);
    if (pol == GIL_POLICY_FAIR && g->q_head) {
        grant(g, g->q_head, now, &wl);
        ABUMP(&ts->stats.handoffs, 1);
    } else {
        /* Release and wake one waiter, who will compete for it. */
        atomic_store_explicit(&g->word, g->q_head ? GIL_WAITERS : 0,
                              memory_order_release);
        if (g->q_head)
            wake_later(&wl, g->q_head);
        /* FORCE_SWITCHING: a thread asked to drop may not run again until
        ** another thread took the GIL, or it would re-take it at once. */
        if (pol == GIL_POLICY_CPYTHON && forced && g->q_head &&
            g->last_holder == ts) {
            ts->switch_wait = 1;
            while (ts->switch_wait) {
                atomic_store_explicit(&ts->park, 0, RELAXED);
                mu_unlock(g);
                wake_all(&wl);
                if (!atomic_load_explicit(&ts->park, memory_order_acquire))
                    gil_os_futex_wait(&ts->park, 0, GIL_NO_DEADLINE);
                mu_lock(g);
            }
        }
    }
    mu_unlock(g);
    wake_all(&wl);
    account_hold(ts, now);
    ABUMP(forced ? &ts->stats.forced : &ts->stats.voluntary, 1);
    errno = saved_errno;
}

static void drop(gil_tstate_t *ts, int forced)
{
    gil_interp_t *interp = ts->interp;
    uintptr_t expect = (uintptr_t)ts;
    if (GIL_UNLIKELY(ALOAD(&interp->stats_timing)) && ts->hold_t0)
        account_hold(ts, gil_os_monotonic_ns());
    if (GIL_LIKELY(atomic_compare_exchange_strong_explicit(
            &interp->gil.word, &expect, 0, memory_order_release,
            memory_order_relaxed))) {
        ts->hold_t0 = 0;
        ABUMP(forced ? &ts->stats.forced : &ts->stats.voluntary, 1);
    } else {
        drop_slow(&interp->gil, ts, forced);
    }
    GIL_HOOK(interp->rt, GIL_EV_RELEASED_GIL, ts);
}

void gil_drop(gil_tstate_t *ts)
{
    drop(ts, 0);
}

void gil_drop_final(gil_tstate_t *ts)
{
    drop(ts, 0);
}

int gil_holds(const gil_tstate_t *ts)
{
    uintptr_t w = atomic_load_explicit(&ts->interp->gil.word,
                                       memory_order_acquire);
    return OWNER(w) == ts;
}

static void must_exit(gil_tstate_t *ts)
{
    drop(ts, 0);
    gil_os_thread_hang();
}

void gil_yield(gil_tstate_t *ts)
{
    if (ALOAD(&ts->interp->gil.nwaiters) == 0)
        return;
    drop(ts, 0);
    gil_take(ts);
}

/* A drop request reached the holder's eval breaker. */
void gil_handle_drop_request(gil_tstate_t *ts)
{
    gil_breaker_clear(ts, GIL_BREAK_DROP);
    GIL_HOOK(ts->interp->rt, GIL_EV_PREEMPTED, ts);
    drop(ts, 1);
    gil_take(ts);
}

/* Legacy policy: one poll = one tick. */
void gil_tick(gil_tstate_t *ts)
{
    gil_t *g = &ts->interp->gil;
    if (policy_of(g) != GIL_POLICY_LEGACY) {
        gil_breaker_clear(ts, GIL_BREAK_TICK);
        return;
    }
    if (--ts->ticker > 0)
        return;
    ts->ticker = (int)ALOAD(&g->ticks);
    drop(ts, 1);
    gil_take(ts);
}

/* ---- policy and tunables -------------------------------------------------- */

const char *gil_policy_name(gil_policy_t p)
{
    switch (p) {
    case GIL_POLICY_FAIR: return "fair";
    case GIL_POLICY_CPYTHON: return "cpython";
    case GIL_POLICY_LEGACY: return "legacy";
    }
    return NULL;
}

int gil_policy_parse(const char *name, gil_policy_t *out)
{
    for (int p = GIL_POLICY_FAIR; p <= GIL_POLICY_LEGACY; p++)
        if (name && strcmp(name, gil_policy_name((gil_policy_t)p)) == 0) {
            *out = (gil_policy_t)p;
            return GIL_OK;
        }
    return GIL_EINVAL;
}

int gil_set_policy(gil_interp_t *interp, gil_policy_t p)
{
    if (!gil_policy_name(p))
        return GIL_EINVAL;
    gil_t *g = &interp->gil;
    wakelist_t wl = {0};
    int64_t now = gil_os_monotonic_ns();
    mu_lock(g);
    atomic_store_explicit(&g->policy, (int)p, RELAXED);
    if (p == GIL_POLICY_FAIR && g->q_head &&
        !OWNER(atomic_load_explicit(&g->word, memory_order_acquire)))
        grant(g, g->q_head, now, &wl);
    /* Every waiter re-evaluates its deadline under the new policy.  A rare
    ** path: wake them while holding mu rather than collect an unbounded
    ** list. */
    for (gil_tstate_t *t = g->q_head; t; t = t->q_next) {
        atomic_store_explicit(&t->park, 1, memory_order_release);
        gil_os_futex_wake(&t->park, 1);
    }
    mu_unlock(g);
    wake_all(&wl);
    gil_interp_apply_policy_bits(interp);
    return GIL_OK;
}

gil_policy_t gil_get_policy(const gil_interp_t *interp)
{
    return (gil_policy_t)policy_of((gil_t *)&interp->gil);
}

int gil_set_interval_us(gil_interp_t *interp, uint64_t us)
{
    if (us < 1 || us > GIL_MAX_INTERVAL_US)
        return GIL_EINVAL;
    ASTORE(&interp->gil.interval_ns, us * 1000);
    return GIL_OK;
}

uint64_t gil_get_interval_us(const gil_interp_t *interp)
{
    return ALOAD(&((gil_interp_t *)interp)->gil.interval_ns) / 1000;
}

int gil_set_ticks(gil_interp_t *interp, uint32_t ticks)
{
    if (ticks < 1 || ticks > INT32_MAX)
        return GIL_EINVAL;
    ASTORE(&interp->gil.ticks, ticks);
    return GIL_OK;
}

uint32_t gil_get_ticks(const gil_interp_t *interp)
{
    return ALOAD(&((gil_interp_t *)interp)->gil.ticks);
}

/* ---- state life cycle ---------------------------------------------------- */

/* A thread state is being freed: forget every pointer to it. */
void gil_forget_state(gil_t *g, gil_tstate_t *ts)
{
    mu_lock(g);
    if (g->last_holder == ts)
        g->last_holder = NULL;
    if (g->stint_owner == ts)
        g->stint_owner = NULL;
    if (g->lender == ts)
        g->lender = NULL;
    mu_unlock(g);
}

/* Fork child: only the forking thread exists; it holds the GIL of its own
** interpreter (holder != NULL) and no other. */
void gil_after_fork(gil_t *g, gil_tstate_t *holder)
{
    gil_lock_after_fork(&g->mu);
    atomic_store(&g->word, (uintptr_t)holder);
    g->q_head = g->q_tail = NULL;
    ASTORE(&g->nwaiters, 0);
    g->last_holder = holder;
    g->stint_owner = NULL;
    g->lender = NULL;
    g->stint_id++;
    if (holder) {
        holder->queued = holder->granted = holder->switch_wait = 0;
        holder->q_next = holder->q_prev = NULL;
    }
}
