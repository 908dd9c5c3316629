/*
** test_state.c — runtime, interpreter and thread states: creation, binding,
** current/swap, iteration, deletion, several interpreters with their own
** GILs, foreign threads through gilstate ensure/release, finalization.
*/
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "rtfix.h"

TEST(runtime_and_interp_basics)
{
    gil_runtime_t *rt = gil_runtime_new();
    CHECK(rt != NULL);
    CHECK(gil_runtime_is_main_thread(rt));
    CHECK_EQ(gil_runtime_main_thread(rt), gil_os_thread_ident());
    CHECK(gil_runtime_main_interp(rt) == NULL);
    gil_interp_t *a = gil_interp_new(rt), *b = gil_interp_new(rt);
    CHECK(gil_runtime_main_interp(rt) == a);
    CHECK_EQ(gil_interp_id(a), 0);
    CHECK_EQ(gil_interp_id(b), 1);
    CHECK(gil_interp_runtime(b) == rt);
    int x;
    gil_interp_set_data(a, &x);
    CHECK(gil_interp_data(a) == &x);
    CHECK_EQ(gil_get_policy(a), GIL_DEFAULT_POLICY);
    CHECK_EQ(gil_interp_nthreads(a), 0);
    CHECK_EQ(gil_interp_delete(b), GIL_OK);
    CHECK_EQ(gil_interp_delete(a), GIL_OK);
    CHECK_EQ(gil_runtime_free(rt), GIL_OK);
    CHECK_EQ(gil_runtime_free(NULL), GIL_OK);
}

TEST(stack_size_setting)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    CHECK_EQ(gil_interp_stack_size(f.interp), 0);
    CHECK_EQ(gil_interp_set_stack_size(f.interp, 4096), GIL_EINVAL);
    CHECK_EQ(gil_interp_set_stack_size(f.interp, 256 * 1024 + 1), GIL_EINVAL);
    CHECK_EQ(gil_interp_stack_size(f.interp), 0);
    CHECK_EQ(gil_interp_set_stack_size(f.interp, 256 * 1024), GIL_OK);
    CHECK_EQ(gil_interp_stack_size(f.interp), 256 * 1024);
    CHECK_EQ(gil_interp_set_stack_size(f.interp, 0), GIL_OK);
    fix_down(&f);
}

static int count_cb(gil_tstate_t *ts, void *arg)
{
    (*(int *)arg)++;
    return 0;
}

static int stop_at_second(gil_tstate_t *ts, void *arg)
{
    return ++*(int *)arg == 2 ? 42 : 0;
}

TEST(tstate_lifecycle)
{
    gil_runtime_t *rt = gil_runtime_new();
    gil_interp_t *interp = gil_interp_new(rt);
    CHECK(gil_tstate_current() == NULL);
    gil_tstate_t *a = gil_tstate_new(interp);
    CHECK(a != NULL);
    CHECK_EQ(gil_tstate_ident(a), 0);
    CHECK_EQ(gil_tstate_bind(a), GIL_OK);
    CHECK_EQ(gil_tstate_bind(a), GIL_ESTATE);
    CHECK_EQ(gil_tstate_ident(a), gil_os_thread_ident());
    CHECK(gil_tstate_native_id(a) != 0);
    CHECK(gil_tstate_bound() == a);
    gil_tstate_t *b = gil_tstate_new_bound(interp);
    CHECK(gil_tstate_bound() == a);          /* the first binding stays */
    CHECK(gil_tstate_id(b) != gil_tstate_id(a));
    CHECK(gil_tstate_interp(b) == interp);
    int n = 0;
    CHECK_EQ(gil_interp_foreach(interp, count_cb, &n), 0);
    CHECK_EQ(n, 2);
    n = 0;
    CHECK_EQ(gil_interp_foreach(interp, stop_at_second, &n), 42);
    CHECK_EQ(gil_interp_nthreads(interp), 2);
    int d = 7;
    gil_tstate_set_data(a, &d);
    CHECK(gil_tstate_data(a) == &d);

    gil_attach(a);
    CHECK(gil_tstate_current() == a);
    CHECK(gil_holds(a));
    CHECK(gil_tstate_swap(b) == a);          /* same GIL: drop a, take b */
    CHECK(gil_tstate_current() == b);
    CHECK(gil_holds(b));
    CHECK(!gil_holds(a));
    CHECK(gil_tstate_swap(b) == b);          /* no-op */
    CHECK(gil_tstate_swap(NULL) == b);
    CHECK(gil_tstate_current() == NULL);
    gil_attach(b);
    CHECK(gil_detach() == b);
    gil_attach(a);
    gil_tstate_clear(b);
    gil_tstate_delete(b);
    CHECK_EQ(gil_interp_nthreads(interp), 1);
    CHECK_EQ(gil_interp_delete(interp), GIL_EBUSY);
    gil_tstate_delete_current();
    CHECK(gil_tstate_current() == NULL);
    CHECK(gil_tstate_bound() == NULL);
    CHECK_EQ(gil_interp_nthreads(interp), 0);
    CHECK_EQ(gil_interp_delete(interp), GIL_OK);
    CHECK_EQ(gil_runtime_free(rt), GIL_OK);
}

/* Each interpreter has its own GIL: holding one does not exclude the
** other. */
TEST(two_interpreters_two_gils)
{
    gil_runtime_t *rt = gil_runtime_new();
    gil_interp_t *a = gil_interp_new(rt), *b = gil_interp_new(rt);
    gil_tstate_t *ta = gil_tstate_new_bound(a);
    gil_tstate_t *tb = gil_tstate_new_bound(b);
    gil_take(ta);
    gil_take(tb);
    CHECK(gil_holds(ta) && gil_holds(tb));
    gil_set_policy(b, GIL_POLICY_LEGACY);
    CHECK_EQ(gil_get_policy(a), GIL_POLICY_FAIR);
    gil_drop(ta);
    gil_drop(tb);
    gil_tstate_delete(ta);
    gil_tstate_delete(tb);
    CHECK_EQ(gil_interp_delete(a), GIL_OK);
    CHECK_EQ(gil_interp_delete(b), GIL_OK);
    CHECK_EQ(gil_runtime_free(rt), GIL_OK);
}

static _Atomic int clear_calls;
static void on_clear(gil_tstate_t *ts)
{
    atomic_fetch_add(&clear_calls, 1);
    gil_tstate_set_data(ts, NULL);
}

TEST(tstate_clear_hook)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_interp_hooks_t h = {0};
    h.tstate_clear = on_clear;
    gil_interp_set_hooks(f.interp, &h);
    gil_tstate_t *t = gil_tstate_new(f.interp);
    gil_tstate_clear(t);
    CHECK_EQ(atomic_load(&clear_calls), 1);
    gil_tstate_delete(t);
    fix_down(&f);                      /* deleting current clears too */
    CHECK_EQ(atomic_load(&clear_calls), 2);
}

/* ---- foreign threads: gilstate ensure / release ---------------------- */

typedef struct foreign {
    gil_interp_t *interp;
    long *counter;           /* guarded by the GIL */
    int iters;
    int ok;
} foreign_t;

static void foreign_body(void *arg)
{
    foreign_t *f = arg;
    f->ok = 1;
    for (int i = 0; i < f->iters; i++) {
        if (gil_gilstate_check())
            f->ok = 0;
        int s1 = gil_gilstate_ensure(f->interp);
        if (s1 != GIL_GILSTATE_UNLOCKED || !gil_gilstate_check())
            f->ok = 0;
        int s2 = gil_gilstate_ensure(f->interp);   /* nested */
        if (s2 != GIL_GILSTATE_LOCKED)
            f->ok = 0;
        gil_tstate_t *ts = gil_tstate_current();
        (*f->counter)++;
        gil_gilstate_release(s2);
        if (gil_tstate_current() != ts || !gil_gilstate_check())
            f->ok = 0;
        gil_gilstate_release(s1);
        /* The outermost release deleted the state ensure created. */
        if (gil_tstate_current() || gil_tstate_bound())
            f->ok = 0;
    }
}

TEST(foreign_threads_ensure_release)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    long counter = 0;
    foreign_t fs[4];
    gil_os_thread_t th[4];
    for (int i = 0; i < 4; i++) {
        fs[i] = (foreign_t){f.interp, &counter, 2000, 0};
        CHECK_EQ(gil_os_thread_start(foreign_body, &fs[i], 0, 0, &th[i]), GIL_OK);
    }
    GIL_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 4; i++)
        gil_os_thread_join(th[i]);
    GIL_END_ALLOW_THREADS
    for (int i = 0; i < 4; i++)
        CHECK(fs[i].ok);
    CHECK_EQ(counter, 8000);
    CHECK_EQ(gil_interp_nthreads(f.interp), 1);   /* all auto states gone */
    fix_down(&f);
}

TEST(ensure_on_thread_with_own_state)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    /* The main thread's state (from new_bound) is its binding: ensure uses
    ** it and release never deletes it. */
    CHECK_EQ(gil_gilstate_ensure(f.interp), GIL_GILSTATE_LOCKED);
    gil_gilstate_release(GIL_GILSTATE_LOCKED);
    CHECK(gil_tstate_current() == f.ts);
    gil_tstate_t *ts = gil_detach();
    CHECK_EQ(gil_gilstate_ensure(f.interp), GIL_GILSTATE_UNLOCKED);
    CHECK(gil_tstate_current() == ts);
    gil_gilstate_release(GIL_GILSTATE_UNLOCKED);
    CHECK(gil_tstate_current() == NULL);
    gil_attach(ts);
    /* Another interpreter while bound here: refused. */
    gil_interp_t *other = gil_interp_new(f.rt);
    CHECK_EQ(gil_gilstate_ensure(other), GIL_EINVAL);
    CHECK_EQ(gil_interp_delete(other), GIL_OK);
    fix_down(&f);
}

static void release_unbound(void *arg)
{
    (void)arg;
    gil_gilstate_release(GIL_GILSTATE_UNLOCKED);
}

static void delete_current_state(void *arg)
{
    (void)arg;
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_tstate_delete(f.ts);
}

static void attach_twice(void *arg)
{
    (void)arg;
    fix_t f = fix_up(GIL_POLICY_FAIR);
    gil_attach(f.ts);
}

TEST(state_misuse_is_fatal)
{
    char buf[512];
    CHECK_EQ(test_in_child(release_unbound, NULL, buf, sizeof buf), 128 + SIGABRT);
    CHECK(strstr(buf, "no thread state bound") != NULL);
    CHECK_EQ(test_in_child(delete_current_state, NULL, buf, sizeof buf), 128 + SIGABRT);
    CHECK(strstr(buf, "still current") != NULL);
    CHECK_EQ(test_in_child(attach_twice, NULL, buf, sizeof buf), 128 + SIGABRT);
    CHECK(strstr(buf, "already has a current thread state") != NULL);
}

/* ---- finalization: late threads hang instead of running --------------- */

typedef struct late {
    _Atomic int phase;      /* 1 = outside the GIL, 2 = took it again */
} late_t;

static void late_body(gil_tstate_t *ts, void *arg)
{
    late_t *l = arg;
    GIL_BEGIN_ALLOW_THREADS
    atomic_store(&l->phase, 1);
    gil_os_sleep_ns(50000000);      /* finalization starts meanwhile */
    GIL_END_ALLOW_THREADS
    atomic_store(&l->phase, 2);     /* must never get here */
}

static void finalize_scenario(void *arg)
{
    fix_t f = fix_up(*(gil_policy_t *)arg);
    late_t l = {0};
    gil_thread_t *h;
    if (gil_thread_start(f.interp, late_body, &l, &h) != GIL_OK)
        _exit(3);
    while (atomic_load(&l.phase) == 0) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_sleep_ns(1000000);
        GIL_END_ALLOW_THREADS
    }
    gil_interp_finalize_begin(f.interp, f.ts);
    if (!gil_interp_finalizing(f.interp))
        _exit(4);
    if (gil_thread_start(f.interp, late_body, &l, NULL) != GIL_EFINALIZING)
        _exit(5);
    GIL_BEGIN_ALLOW_THREADS
    gil_os_sleep_ns(200000000);     /* the late thread wants the GIL now */
    GIL_END_ALLOW_THREADS
    if (atomic_load(&l.phase) != 1)
        _exit(6);
    /* The doomed thread left the queue: nobody waits, nobody asks us to
    ** drop, and the GIL goes on working for the finalizing thread. */
    for (int i = 0; i < 100; i++) {
        GIL_BEGIN_ALLOW_THREADS
        GIL_END_ALLOW_THREADS
        if (GIL_POLL(f.ts))
            gil_breaker_handle(f.ts);
    }
    gil_interp_stats_t st;
    gil_stats_interp(f.interp, &st);
    _exit(st.waiters == 0 && atomic_load(&l.phase) == 1 ? 0 : 7);
}

TEST(finalization_hangs_late_threads)
{
    char buf[256];
    for (int p = 0; p < 3; p++)
        CHECK_EQ(test_in_child(finalize_scenario, (void *)&all_policies[p],
                               buf, sizeof buf), 0);
}

/* A thread already waiting for the GIL when finalization begins never
** gets it: it leaves the queue and hangs. */
static void wait_then_run(gil_tstate_t *ts, void *arg)
{
    atomic_store((_Atomic int *)arg, 2);  /* must never get here */
}

static void doomed_waiter_scenario(void *arg)
{
    fix_t f = fix_up(*(gil_policy_t *)arg);
    _Atomic int ran = 0;
    if (gil_thread_start(f.interp, wait_then_run, &ran, NULL) != GIL_OK)
        _exit(3);
    /* Hold the GIL until the new thread is queued for it. */
    gil_interp_stats_t st;
    for (int i = 0; i < 2000; i++) {
        gil_stats_interp(f.interp, &st);
        if (st.waiters == 1)
            break;
        gil_os_sleep_ns(1000000);
    }
    if (st.waiters != 1)
        _exit(4);
    gil_interp_finalize_begin(f.interp, f.ts);
    for (int i = 0; i < 50; i++) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_sleep_ns(1000000);
        GIL_END_ALLOW_THREADS
    }
    gil_stats_interp(f.interp, &st);
    _exit(atomic_load(&ran) == 0 && st.waiters == 0 ? 0 : 5);
}

TEST(finalization_dooms_waiters)
{
    char buf[256];
    for (int p = 0; p < 3; p++)
        CHECK_EQ(test_in_child(doomed_waiter_scenario, (void *)&all_policies[p],
                               buf, sizeof buf), 0);
}
