/*
** test_events.c — what reaches a thread through its eval breaker: pending
** calls (from other threads and from a signal handler), signals (handled
** on the main thread only), async exceptions (delivered to a busy
** thread), and the embedder's own breaker bits.
*/
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "rtfix.h"

static _Atomic uint64_t ran_on;
static _Atomic int ran_count;

static int record_call(void *arg)
{
    atomic_store(&ran_on, gil_os_thread_ident());
    atomic_fetch_add(&ran_count, 1);
    return arg ? -1 : 0;
}

static void poll_until(gil_tstate_t *ts, _Atomic int *flag, int want)
{
    int64_t deadline = gil_deadline(5000000000LL);   /* a sanity bound */
    while (atomic_load(flag) < want && gil_os_monotonic_ns() < deadline)
        if (GIL_POLL(ts))
            gil_breaker_handle(ts);
}

/* ---- pending calls -------------------------------------------------------- */

static gil_runtime_t *sig_rt;
static gil_interp_t *sig_interp;
static _Atomic int handler_add_rc = 99;

static void sigusr1_adds_call(int sig)
{
    (void)sig;
    atomic_store(&handler_add_rc, gil_pending_add(sig_interp, record_call,
                                                  NULL, GIL_PENDING_MAIN_ONLY));
}

static void kill_main(void *arg)
{
    gil_os_sleep_ns(5000000);
    pthread_kill(*(pthread_t *)arg, SIGUSR1);
}

TEST(pending_call_from_signal_handler_runs_on_main)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    sig_rt = f.rt;
    sig_interp = f.interp;
    atomic_store(&ran_count, 0);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigusr1_adds_call;
    sigaction(SIGUSR1, &sa, &old);
    pthread_t me = pthread_self();
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(kill_main, &me, 0, 0, &t), GIL_OK);
    poll_until(f.ts, &ran_count, 1);
    gil_os_thread_join(t);
    sigaction(SIGUSR1, &old, NULL);
    CHECK_EQ(atomic_load(&handler_add_rc), GIL_OK);
    CHECK_EQ(atomic_load(&ran_count), 1);
    CHECK_EQ(atomic_load(&ran_on), gil_os_thread_ident());
    fix_down(&f);
}

/* A main-only call added by another thread runs on the main thread even
** though the adding thread polls too. */
static void add_main_only(gil_tstate_t *ts, void *arg)
{
    gil_pending_add(gil_tstate_interp(ts), record_call, NULL,
                    GIL_PENDING_MAIN_ONLY);
    for (int i = 0; i < 1000; i++)
        if (GIL_POLL(ts))
            gil_breaker_handle(ts);
}

TEST(main_only_calls_run_on_main)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    atomic_store(&ran_count, 0);
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, add_main_only, NULL, &h), GIL_OK);
    CHECK_EQ(fix_join(h), GIL_OK);
    CHECK_EQ(atomic_load(&ran_count), 0);
    CHECK(GIL_POLL(f.ts));
    CHECK_EQ(gil_breaker_handle(f.ts), 0);
    CHECK_EQ(atomic_load(&ran_count), 1);
    CHECK_EQ(atomic_load(&ran_on), gil_os_thread_ident());
    fix_down(&f);
}

TEST(interp_calls_run_on_any_thread_and_errors_surface)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    atomic_store(&ran_count, 0);
    CHECK_EQ(gil_pending_add(f.interp, NULL, NULL, 0), GIL_EINVAL);
    CHECK_EQ(gil_pending_add(f.interp, record_call, NULL, 0), GIL_OK);
    CHECK_EQ(gil_pending_add(f.interp, record_call, (void *)1, 0), GIL_OK);
    CHECK_EQ(gil_pending_add(f.interp, record_call, NULL, 0), GIL_OK);
    CHECK(GIL_POLL(f.ts));
    CHECK_EQ(gil_breaker_handle(f.ts), -1);     /* the second call failed */
    CHECK_EQ(atomic_load(&ran_count), 2);
    CHECK(GIL_POLL(f.ts));                      /* the third is still due */
    CHECK_EQ(gil_breaker_handle(f.ts), 0);
    CHECK_EQ(atomic_load(&ran_count), 3);
    CHECK(!GIL_POLL(f.ts));
    fix_down(&f);
}

TEST(pending_queue_is_bounded)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    atomic_store(&ran_count, 0);
    int added = 0;
    while (gil_pending_add(f.interp, record_call, NULL, 0) == GIL_OK)
        added++;
    CHECK_EQ(added, GIL_PENDING_CAPACITY);
    CHECK_EQ(gil_pending_add(f.interp, record_call, NULL, 0), GIL_EFULL);
    /* One pass runs at most GIL_PENDING_MAXLOOP calls. */
    gil_breaker_handle(f.ts);
    CHECK_EQ(atomic_load(&ran_count), GIL_PENDING_MAXLOOP);
    while (GIL_POLL(f.ts))
        gil_breaker_handle(f.ts);
    CHECK_EQ(atomic_load(&ran_count), GIL_PENDING_CAPACITY);
    CHECK_EQ(gil_pending_run(f.ts), 0);
    fix_down(&f);
}

/* ---- signals ------------------------------------------------------------------ */

static _Atomic uint64_t sig_mask_seen;
static _Atomic uint64_t sig_thread;

static int on_signals(gil_tstate_t *ts, uint64_t mask)
{
    atomic_fetch_or(&sig_mask_seen, mask);
    atomic_store(&sig_thread, gil_os_thread_ident());
    return (mask & ((uint64_t)1 << SIGTERM)) ? -1 : 0;
}

static void poll_a_while(gil_tstate_t *ts, void *arg)
{
    for (int i = 0; i < 100000; i++)
        if (GIL_POLL(ts))
            gil_breaker_handle(ts);
}

TEST(signals_run_on_main_thread)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_interp_hooks_t h = {0};
    h.signals = on_signals;
    gil_interp_set_hooks(f.interp, &h);
    atomic_store(&sig_mask_seen, 0);
    CHECK_EQ(gil_signal_trip(f.rt, 0), GIL_EINVAL);
    CHECK_EQ(gil_signal_trip(f.rt, 64), GIL_EINVAL);
    CHECK_EQ(gil_signal_trip(f.rt, SIGINT), GIL_OK);
    CHECK_EQ(gil_signal_trip(f.rt, SIGUSR2), GIL_OK);
    /* Another thread polling does not run handlers. */
    gil_thread_t *th;
    CHECK_EQ(gil_thread_start(f.interp, poll_a_while, NULL, &th), GIL_OK);
    CHECK_EQ(fix_join(th), GIL_OK);
    CHECK_EQ(atomic_load(&sig_mask_seen), 0);
    CHECK(GIL_POLL(f.ts));
    CHECK_EQ(gil_breaker_handle(f.ts), 0);
    CHECK_EQ(atomic_load(&sig_mask_seen),
             ((uint64_t)1 << SIGINT) | ((uint64_t)1 << SIGUSR2));
    CHECK_EQ(atomic_load(&sig_thread), gil_os_thread_ident());
    /* A handler error surfaces from the poll; signals after the failing
    ** one stay tripped for the next poll. */
    atomic_store(&sig_mask_seen, 0);
    gil_signal_trip(f.rt, SIGTERM);
    gil_signal_trip(f.rt, SIGCHLD);
    CHECK_EQ(gil_breaker_handle(f.ts), -1);
    CHECK_EQ(atomic_load(&sig_mask_seen), (uint64_t)1 << SIGTERM);
    CHECK(GIL_POLL(f.ts));
    CHECK_EQ(gil_pending_run(f.ts), 0);       /* runs signal handlers too */
    CHECK_EQ(atomic_load(&sig_mask_seen),
             ((uint64_t)1 << SIGTERM) | ((uint64_t)1 << SIGCHLD));
    CHECK_EQ(gil_signal_take(f.rt), 0);
    fix_down(&f);
}

/* ---- async exceptions ------------------------------------------------------ */

static _Atomic int raised;
static _Atomic int released;

static int raise_exc(gil_tstate_t *ts, void *exc)
{
    atomic_fetch_add(&raised, 1);
    *(int *)exc = 1;      /* "the exception was raised in this thread" */
    return -1;
}

static void release_exc(void *exc)
{
    atomic_fetch_add(&released, 1);
}

typedef struct busy {
    _Atomic uint64_t ident;
    _Atomic int got;
    _Atomic long loops;
} busy_t;

static void busy_until_exc(gil_tstate_t *ts, void *arg)
{
    busy_t *b = arg;
    atomic_store(&b->ident, gil_tstate_ident(ts));
    for (;;) {
        atomic_fetch_add_explicit(&b->loops, 1, memory_order_relaxed);
        if (GIL_POLL(ts) && gil_breaker_handle(ts) < 0) {
            atomic_store(&b->got, 1);
            return;
        }
    }
}

TEST(async_exception_reaches_busy_thread)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    int token = 0, other = 0;
    CHECK_EQ(gil_async_exc_set(f.interp, 1, &token), GIL_EINVAL); /* no hook */
    gil_interp_hooks_t h = {0};
    h.async_exc = raise_exc;
    h.exc_release = release_exc;
    gil_interp_set_hooks(f.interp, &h);
    busy_t b = {0, 0, 0};
    gil_thread_t *th;
    CHECK_EQ(gil_thread_start(f.interp, busy_until_exc, &b, &th), GIL_OK);
    while (!atomic_load(&b.ident)) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_yield();
        GIL_END_ALLOW_THREADS
    }
    CHECK_EQ(gil_async_exc_set(f.interp, 12345, &other), 0);   /* nobody */
    CHECK_EQ(atomic_load(&released), 1);                       /* given back */
    CHECK_EQ(gil_async_exc_set(f.interp, atomic_load(&b.ident), &other), 1);
    CHECK_EQ(gil_async_exc_set(f.interp, atomic_load(&b.ident), &token), 1);
    CHECK_EQ(atomic_load(&released), 2);                      /* replaced */
    CHECK_EQ(fix_join(th), GIL_OK);
    CHECK(atomic_load(&b.got));
    CHECK_EQ(token, 1);
    CHECK_EQ(other, 0);
    CHECK_EQ(atomic_load(&raised), 1);
    fix_down(&f);
}

/* ---- the embedder's own bits ------------------------------------------------ */

TEST(user_bits_are_left_alone)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    CHECK(!GIL_POLL(f.ts));
    gil_breaker_set(f.ts, GIL_BREAK_USER_FIRST);
    CHECK(GIL_POLL(f.ts));
    CHECK_EQ(gil_breaker_handle(f.ts), 0);
    CHECK(gil_breaker_get(f.ts) & GIL_BREAK_USER_FIRST);
    gil_breaker_clear(f.ts, GIL_BREAK_USER_FIRST);
    CHECK(!GIL_POLL(f.ts));
    fix_down(&f);
}
