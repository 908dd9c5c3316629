/*
** test_stats.c — statistics snapshots and event hooks: which events fire,
** on which thread, in which order; adding and removing hooks; counters of
** ended threads kept in the interpreter totals; timing on and off.
*/
#include <string.h>

#include "rtfix.h"

#define MAXLOG 4096
typedef struct evlog {
    _Atomic int n;
    unsigned ev[MAXLOG];
    uint64_t thread[MAXLOG];
} evlog_t;

static void log_hook(gil_event_kind_t ev, gil_tstate_t *ts, void *data)
{
    evlog_t *l = data;
    int i = atomic_fetch_add(&l->n, 1);
    if (i < MAXLOG) {
        l->ev[i] = ev;
        l->thread[i] = gil_os_thread_ident();
    }
}

static int count(evlog_t *l, unsigned ev, uint64_t thread)
{
    int c = 0, n = atomic_load(&l->n);
    for (int i = 0; i < n && i < MAXLOG; i++)
        if (l->ev[i] == ev && (!thread || l->thread[i] == thread))
            c++;
    return c;
}

static _Atomic uint64_t worker_ident;

static void worker(gil_tstate_t *ts, void *arg)
{
    atomic_store(&worker_ident, gil_os_thread_ident());
    for (int i = 0; i < 10; i++) {
        GIL_BEGIN_ALLOW_THREADS
        GIL_END_ALLOW_THREADS
    }
}

TEST(hooks_fire_on_the_right_threads)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    static evlog_t log;
    memset(&log, 0, sizeof log);
    int id = gil_hook_add(f.rt, GIL_EV_ALL, log_hook, &log);
    CHECK(id >= 0);
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, worker, NULL, &h), GIL_OK);
    CHECK_EQ(fix_join(h), GIL_OK);
    uint64_t w = atomic_load(&worker_ident), me = gil_os_thread_ident();
    CHECK_EQ(count(&log, GIL_EV_THREAD_STARTED, w), 1);
    CHECK_EQ(count(&log, GIL_EV_THREAD_EXITED, w), 1);
    CHECK(count(&log, GIL_EV_TOOK_GIL, w) >= 11);
    CHECK(count(&log, GIL_EV_RELEASED_GIL, w) >= 11);
    CHECK(count(&log, GIL_EV_RELEASED_GIL, me) >= 1);   /* around the join */
    CHECK(count(&log, GIL_EV_TOOK_GIL, me) >= 1);
    /* The worker's first event is STARTED, its last EXITED. */
    int first = -1, last = -1, n = atomic_load(&log.n);
    for (int i = 0; i < n; i++)
        if (log.thread[i] == w) {
            if (first < 0)
                first = i;
            last = i;
        }
    CHECK(first >= 0 && log.ev[first] == GIL_EV_THREAD_STARTED);
    CHECK(last >= 0 && log.ev[last] == GIL_EV_THREAD_EXITED);
    CHECK_EQ(gil_hook_remove(f.rt, id), GIL_OK);
    CHECK_EQ(gil_hook_remove(f.rt, id), GIL_EINVAL);
    int before = atomic_load(&log.n);
    GIL_BEGIN_ALLOW_THREADS
    GIL_END_ALLOW_THREADS
    CHECK_EQ(atomic_load(&log.n), before);     /* removed: silent */
    fix_down(&f);
}

static void spin_until(gil_tstate_t *ts, void *arg)
{
    while (!atomic_load((_Atomic int *)arg))
        if (GIL_POLL(ts))
            gil_breaker_handle(ts);
}

TEST(preempted_and_wants_events)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_set_interval_us(f.interp, 500);
    static evlog_t log;
    memset(&log, 0, sizeof log);
    int id = gil_hook_add(f.rt, GIL_EV_PREEMPTED | GIL_EV_WANTS_GIL, log_hook, &log);
    _Atomic int stop = 0;
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, spin_until, &stop, &h), GIL_OK);
    for (int i = 0; i < 5; i++) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_sleep_ns(2000000);
        GIL_END_ALLOW_THREADS
    }
    atomic_store(&stop, 1);
    CHECK_EQ(fix_join(h), GIL_OK);
    CHECK(count(&log, GIL_EV_PREEMPTED, 0) >= 1);
    CHECK(count(&log, GIL_EV_WANTS_GIL, gil_os_thread_ident()) >= 1);
    CHECK_EQ(count(&log, GIL_EV_TOOK_GIL, 0), 0);    /* not asked for */
    gil_hook_remove(f.rt, id);
    fix_down(&f);
}

TEST(hook_errors)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    static evlog_t log;
    CHECK_EQ(gil_hook_add(f.rt, 0, log_hook, &log), GIL_EINVAL);
    CHECK_EQ(gil_hook_add(f.rt, GIL_EV_ALL, NULL, &log), GIL_EINVAL);
    CHECK_EQ(gil_hook_add(f.rt, 1u << 20, log_hook, &log), GIL_EINVAL);
    CHECK_EQ(gil_hook_remove(f.rt, -1), GIL_EINVAL);
    CHECK_EQ(gil_hook_remove(f.rt, GIL_MAX_HOOKS), GIL_EINVAL);
    int ids[GIL_MAX_HOOKS];
    for (int i = 0; i < GIL_MAX_HOOKS; i++)
        CHECK((ids[i] = gil_hook_add(f.rt, GIL_EV_THREAD_EXITED, log_hook, &log)) >= 0);
    CHECK_EQ(gil_hook_add(f.rt, GIL_EV_THREAD_EXITED, log_hook, &log), GIL_EFULL);
    for (int i = 0; i < GIL_MAX_HOOKS; i++)
        CHECK_EQ(gil_hook_remove(f.rt, ids[i]), GIL_OK);
    fix_down(&f);
}

static void holder(gil_tstate_t *ts, void *arg)
{
    gil_os_sleep_ns(20000000);     /* hold the GIL 20 ms */
}

TEST(stats_counts_and_retired_threads)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_stats_reset(f.interp);
    gil_stats_set_timing(f.interp, 1);   /* the worker may take it uncontended */
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, holder, NULL, &h), GIL_OK);
    GIL_BEGIN_ALLOW_THREADS
    gil_os_sleep_ns(5000000);      /* the worker takes the GIL and holds it */
    GIL_END_ALLOW_THREADS          /* ...so this waits ~15 ms */
    CHECK_EQ(fix_join(h), GIL_OK);
    gil_interp_stats_t st;
    gil_stats_interp(f.interp, &st);
    CHECK_EQ(st.threads, 1);
    CHECK_EQ(st.waiters, 0);
    CHECK(st.total.acquisitions >= 2);        /* the worker's, ours back */
    CHECK(st.total.contended >= 1);           /* we waited for the holder */
    CHECK(st.total.wait_ns >= 5000000);
    CHECK(st.total.max_wait_ns >= 5000000);
    CHECK(st.total.max_wait_ns <= st.total.wait_ns);
    CHECK(st.total.hold_ns >= 10000000);      /* the worker's stint */
    CHECK(st.switches >= 1);
    gil_stats_t mine;
    gil_stats_thread(f.ts, &mine);
    CHECK(mine.contended >= 1);
    gil_stats_reset(f.interp);
    gil_stats_interp(f.interp, &st);
    CHECK_EQ(st.total.acquisitions, 0);
    CHECK_EQ(st.switches, 0);
    fix_down(&f);
}

TEST(timing_of_uncontended_holds)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_stats_t st;
    gil_stats_reset(f.interp);
    GIL_BEGIN_ALLOW_THREADS
    GIL_END_ALLOW_THREADS
    gil_os_sleep_ns(2000000);
    GIL_BEGIN_ALLOW_THREADS
    GIL_END_ALLOW_THREADS
    gil_stats_thread(f.ts, &st);
    CHECK_EQ(st.hold_ns, 0);            /* timing off: not measured */
    gil_stats_set_timing(f.interp, 1);
    GIL_BEGIN_ALLOW_THREADS
    GIL_END_ALLOW_THREADS
    gil_os_sleep_ns(2000000);
    GIL_BEGIN_ALLOW_THREADS
    GIL_END_ALLOW_THREADS
    gil_stats_thread(f.ts, &st);
    CHECK(st.hold_ns >= 1500000);
    gil_stats_set_timing(f.interp, 0);
    fix_down(&f);
}
