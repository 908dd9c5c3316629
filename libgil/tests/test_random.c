/*
** test_random.c — randomized sequences of public libgil calls from many
** threads at once, under policy switches: take/drop/yield, attach/detach,
** gilstate ensure/release from foreign threads, pending calls, async
** exceptions, signals, hooks, statistics, thread start/join.  A seeded
** PRNG makes every run replayable: GIL_TEST_SEED=N re-runs one.  The
** invariants: a counter updated only under the GIL is exact, every pending
** call added is run exactly once, async exceptions are raised at most
** once each, nothing crashes, hangs or leaks (under ASan/TSan).
*/
#include <stdlib.h>
#include <string.h>

#include "rtfix.h"

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

typedef struct world {
    gil_runtime_t *rt;
    gil_interp_t *interp;
    long counter;                 /* guarded by the GIL */
    _Atomic long expected;        /* increments that were made */
    _Atomic long calls_added, calls_run;
    _Atomic long raised;
    _Atomic long hook_events;
    _Atomic int stop_children;
    uint64_t seed;
} world_t;

static world_t W;

static int pending_fn(void *arg)
{
    (void)arg;
    atomic_fetch_add(&W.calls_run, 1);
    return 0;
}

static int raise_fn(gil_tstate_t *ts, void *exc)
{
    (void)ts;
    free(exc);
    atomic_fetch_add(&W.raised, 1);
    return 0;    /* "handled": the thread just goes on */
}

static void release_fn(void *exc)
{
    free(exc);
}

static int signals_fn(gil_tstate_t *ts, uint64_t mask)
{
    return 0;
}

static void hook_fn(gil_event_kind_t ev, gil_tstate_t *ts, void *data)
{
    atomic_fetch_add(&W.hook_events, 1);
}

static void bump(gil_tstate_t *ts)
{
    W.counter++;
    atomic_fetch_add(&W.expected, 1);
    if (GIL_POLL(ts))
        gil_breaker_handle(ts);
}

static void child_body(gil_tstate_t *ts, void *arg)
{
    uint64_t s = (uint64_t)(uintptr_t)arg | 1;
    int n = (int)(rnd(&s) % 200);
    for (int i = 0; i < n && !atomic_load(&W.stop_children); i++) {
        bump(ts);
        if (rnd(&s) % 4 == 0) {
            GIL_BEGIN_ALLOW_THREADS
            GIL_END_ALLOW_THREADS
        }
    }
}

/* One thread's random walk; it starts and ends attached. */
static void walk(gil_tstate_t *ts, uint64_t s, int steps)
{
    gil_thread_t *kids[4] = {0};
    int hook = -1;
    for (int i = 0; i < steps; i++) {
        switch (rnd(&s) % 16) {
        case 0: case 1: case 2:
            bump(ts);
            break;
        case 3: {
            gil_tstate_t *me = gil_detach();
            if (rnd(&s) % 2)
                gil_os_yield();
            gil_attach(me);
            break;
        }
        case 4:
            gil_yield(ts);
            break;
        case 5:
            gil_set_policy(W.interp, (gil_policy_t)(rnd(&s) % 3));
            break;
        case 6:
            gil_set_interval_us(W.interp, 1 + rnd(&s) % 3000);
            break;
        case 7:
            if (gil_pending_add(W.interp, pending_fn, NULL,
                                rnd(&s) % 2 ? GIL_PENDING_MAIN_ONLY : 0) == GIL_OK)
                atomic_fetch_add(&W.calls_added, 1);
            break;
        case 8: {
            /* An async exception at a random thread state (maybe ours). */
            uint64_t target = rnd(&s) % 3 ? gil_tstate_ident(ts) : 42;
            gil_async_exc_set(W.interp, target, malloc(8));
            break;
        }
        case 9:
            gil_signal_trip(W.rt, 1 + (int)(rnd(&s) % 40));
            break;
        case 10: {
            int k = (int)(rnd(&s) % 4);
            if (kids[k]) {
                GIL_BEGIN_ALLOW_THREADS
                gil_thread_join(kids[k], GIL_FOREVER, 0);
                GIL_END_ALLOW_THREADS
                gil_thread_handle_release(kids[k]);
                kids[k] = NULL;
            } else if (gil_thread_start(W.interp, child_body,
                                        (void *)(uintptr_t)rnd(&s),
                                        &kids[k]) != GIL_OK) {
                kids[k] = NULL;
            }
            break;
        }
        case 11:
            if (hook < 0)
                hook = gil_hook_add(W.rt, (unsigned)(1 + rnd(&s) % GIL_EV_ALL),
                                    hook_fn, NULL);
            else if (gil_hook_remove(W.rt, hook) == GIL_OK)
                hook = -1;
            break;
        case 12: {
            gil_interp_stats_t st;
            gil_stats_interp(W.interp, &st);
            gil_stats_t t;
            gil_stats_thread(ts, &t);
            gil_stats_set_timing(W.interp, (int)(rnd(&s) % 2));
            break;
        }
        case 13:
            if (GIL_POLL(ts))
                gil_breaker_handle(ts);
            gil_pending_run(ts);
            break;
        case 14: {
            /* Nested gilstate on a thread that has its own state. */
            int st = gil_gilstate_ensure(W.interp);
            if (st >= 0) {
                bump(ts);
                gil_gilstate_release(st);
            }
            break;
        }
        default:
            gil_set_ticks(W.interp, 1 + (uint32_t)(rnd(&s) % 200));
            break;
        }
    }
    for (int k = 0; k < 4; k++)
        if (kids[k]) {
            GIL_BEGIN_ALLOW_THREADS
            gil_thread_join(kids[k], GIL_FOREVER, 0);
            GIL_END_ALLOW_THREADS
            gil_thread_handle_release(kids[k]);
        }
    if (hook >= 0)
        gil_hook_remove(W.rt, hook);
}

static void walker_body(gil_tstate_t *ts, void *arg)
{
    walk(ts, (uint64_t)(uintptr_t)arg | 1, SCALE(3000));
}

/* A foreign thread: ensure/release around random work. */
static void foreign_body(void *arg)
{
    uint64_t s = (uint64_t)(uintptr_t)arg | 1;
    for (int i = 0; i < SCALE(300); i++) {
        int st = gil_gilstate_ensure(W.interp);
        if (st < 0)
            continue;
        gil_tstate_t *ts = gil_tstate_current();
        int n = (int)(rnd(&s) % 5);
        for (int k = 0; k < n; k++)
            bump(ts);
        gil_gilstate_release(st);
    }
}

TEST(random_api_walks)
{
    const char *env = getenv("GIL_TEST_SEED");
    memset(&W, 0, sizeof W);
    W.seed = env ? strtoull(env, NULL, 0) : (uint64_t)gil_os_monotonic_ns();
    printf("  seed %llu (GIL_TEST_SEED=%llu replays it)\n",
           (unsigned long long)W.seed, (unsigned long long)W.seed);
    fix_t f = fix_up(GIL_POLICY_FAIR);
    W.rt = f.rt;
    W.interp = f.interp;
    gil_interp_hooks_t h = {0};
    h.async_exc = raise_fn;
    h.exc_release = release_fn;
    h.signals = signals_fn;
    gil_interp_set_hooks(f.interp, &h);
    uint64_t s = W.seed | 1;
    gil_thread_t *walkers[6];
    for (int i = 0; i < 6; i++)
        CHECK_EQ(gil_thread_start(f.interp, walker_body,
                                  (void *)(uintptr_t)rnd(&s), &walkers[i]),
                 GIL_OK);
    gil_os_thread_t foreign[2];
    for (int i = 0; i < 2; i++)
        CHECK_EQ(gil_os_thread_start(foreign_body, (void *)(uintptr_t)rnd(&s),
                                     0, 0, &foreign[i]), GIL_OK);
    walk(f.ts, rnd(&s), SCALE(3000));
    for (int i = 0; i < 6; i++)
        CHECK_EQ(fix_join(walkers[i]), GIL_OK);
    GIL_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 2; i++)
        gil_os_thread_join(foreign[i]);
    GIL_END_ALLOW_THREADS
    /* Drain what is still due: main-only calls run here, on main. */
    gil_set_policy(f.interp, GIL_POLICY_FAIR);
    for (int i = 0; i < 100 && GIL_POLL(f.ts); i++)
        gil_breaker_handle(f.ts);
    gil_pending_run(f.ts);
    CHECK_EQ(W.counter, atomic_load(&W.expected));
    CHECK_EQ(atomic_load(&W.calls_run), atomic_load(&W.calls_added));
    CHECK_EQ(gil_interp_nthreads(f.interp), 1);
    printf("  %ld increments, %ld pending calls, %ld async exceptions raised,"
           " %ld hook events\n", W.counter, atomic_load(&W.calls_run),
           atomic_load(&W.raised), atomic_load(&W.hook_events));
    fix_down(&f);
}
