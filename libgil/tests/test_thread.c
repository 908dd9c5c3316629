/*
** test_thread.c — interpreter threads: start, body runs with the GIL and a
** bound state, join (timeouts, self-join, many joiners, repeated), handle
** reference counting, thread count, stack sizes, 1000 threads.
*/
#include <string.h>

#include "rtfix.h"

typedef struct body {
    _Atomic int ran;
    _Atomic int held;         /* the body ran holding the GIL */
    _Atomic uint64_t ident;
    gil_event_t go;           /* released by the test */
    int wait_for_go;
} body_t;

static void body_fn(gil_tstate_t *ts, void *arg)
{
    body_t *b = arg;
    atomic_store(&b->held, gil_holds(ts) && gil_tstate_current() == ts);
    atomic_store(&b->ident, gil_tstate_ident(ts));
    if (b->wait_for_go) {
        GIL_BEGIN_ALLOW_THREADS
        gil_event_wait(&b->go, GIL_FOREVER, 0);
        GIL_END_ALLOW_THREADS
    }
    atomic_fetch_add(&b->ran, 1);
}

TEST(start_and_join)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    body_t b = {0};
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, body_fn, &b, &h), GIL_OK);
    CHECK(gil_thread_ident(h) != 0);
    CHECK(gil_thread_ident(h) != gil_os_thread_ident());
    CHECK(gil_thread_get_state(h) >= GIL_THREAD_RUNNING);
    gil_thread_handle_retain(h);
    CHECK_EQ(fix_join(h), GIL_OK);
    CHECK(gil_thread_is_done(h));
    CHECK_EQ(gil_thread_get_state(h), GIL_THREAD_DONE);
    CHECK_EQ(atomic_load(&b.ran), 1);
    CHECK(atomic_load(&b.held));
    CHECK_EQ(atomic_load(&b.ident), gil_thread_ident(h));
    CHECK(gil_thread_native_id(h) != 0);
    CHECK_EQ(gil_thread_join(h, GIL_FOREVER, 0), GIL_OK);   /* again: fine */
    gil_thread_handle_release(h);
    CHECK_EQ(gil_interp_nthreads(f.interp), 1);   /* its state is gone */
    CHECK_EQ(gil_thread_start(f.interp, NULL, &b, &h), GIL_EINVAL);
    fix_down(&f);
}

TEST(join_timeout_and_count)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    body_t b = {0};
    b.wait_for_go = 1;
    gil_event_init(&b.go);
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, body_fn, &b, &h), GIL_OK);
    int rc;
    GIL_BEGIN_ALLOW_THREADS
    rc = gil_thread_join(h, 0, 0);
    GIL_END_ALLOW_THREADS
    CHECK_EQ(rc, GIL_ETIMEDOUT);
    int64_t t0 = gil_os_monotonic_ns();
    GIL_BEGIN_ALLOW_THREADS
    rc = gil_thread_join(h, 30000000, 0);
    GIL_END_ALLOW_THREADS
    int64_t dt = gil_os_monotonic_ns() - t0;
    CHECK_EQ(rc, GIL_ETIMEDOUT);
    CHECK(dt >= 25000000 && dt < 2000000000LL);
    /* Running its body (it waits outside the GIL, but counts). */
    for (int i = 0; i < 1000 && gil_thread_count(f.interp) != 1; i++) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_sleep_ns(1000000);
        GIL_END_ALLOW_THREADS
    }
    CHECK_EQ(gil_thread_count(f.interp), 1);
    CHECK(!gil_thread_is_done(h));
    gil_event_set(&b.go);
    CHECK_EQ(fix_join(h), GIL_OK);
    CHECK_EQ(gil_thread_count(f.interp), 0);
    fix_down(&f);
}

/* A thread joining itself is refused (CPython's "Cannot join current
** thread"). */
static void self_join(gil_tstate_t *ts, void *arg)
{
    gil_thread_t **hp = arg;
    while (!atomic_load((_Atomic(gil_thread_t *) *)hp)) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_yield();
        GIL_END_ALLOW_THREADS
    }
    int *rc = (int *)(hp + 1);
    *rc = gil_thread_join(*hp, GIL_FOREVER, 0);
}

TEST(join_self_is_refused)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    struct { _Atomic(gil_thread_t *) h; int rc; } s = {NULL, 0};
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, self_join, &s, &h), GIL_OK);
    gil_thread_handle_retain(h);
    atomic_store(&s.h, h);
    CHECK_EQ(fix_join(h), GIL_OK);
    CHECK_EQ(s.rc, GIL_EDEADLK);
    gil_thread_handle_release(h);
    fix_down(&f);
}

/* Several threads join the same thread; the OS join happens once. */
typedef struct joiner {
    gil_thread_t *target;
    _Atomic int ok;
} joiner_t;

static void join_target(gil_tstate_t *ts, void *arg)
{
    joiner_t *j = arg;
    int rc;
    GIL_BEGIN_ALLOW_THREADS
    rc = gil_thread_join(j->target, GIL_FOREVER, 0);
    GIL_END_ALLOW_THREADS
    if (rc == GIL_OK && gil_thread_is_done(j->target))
        atomic_fetch_add(&j->ok, 1);
}

TEST(join_from_many_threads)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    body_t b = {0};
    b.wait_for_go = 1;
    gil_event_init(&b.go);
    gil_thread_t *target;
    CHECK_EQ(gil_thread_start(f.interp, body_fn, &b, &target), GIL_OK);
    joiner_t j = {target, 0};
    gil_thread_t *hs[5];
    for (int i = 0; i < 5; i++)
        CHECK_EQ(gil_thread_start(f.interp, join_target, &j, &hs[i]), GIL_OK);
    GIL_BEGIN_ALLOW_THREADS
    gil_os_sleep_ns(20000000);
    GIL_END_ALLOW_THREADS
    gil_event_set(&b.go);
    for (int i = 0; i < 5; i++)
        CHECK_EQ(fix_join(hs[i]), GIL_OK);
    CHECK_EQ(atomic_load(&j.ok), 5);
    CHECK_EQ(fix_join(target), GIL_OK);
    fix_down(&f);
}

/* Dropping the only handle reference without joining detaches the thread:
** nothing leaks (ASan's leak check and the state count say so). */
TEST(unjoined_handles_detach)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    body_t b = {0};
    for (int i = 0; i < 20; i++) {
        gil_thread_t *h;
        CHECK_EQ(gil_thread_start(f.interp, body_fn, &b, &h), GIL_OK);
        gil_thread_handle_release(h);
    }
    for (int i = 0; i < 20; i++)
        CHECK_EQ(gil_thread_start(f.interp, body_fn, &b, NULL), GIL_OK);
    for (int i = 0; i < 5000 && (atomic_load(&b.ran) < 40 ||
                                 gil_interp_nthreads(f.interp) > 1); i++) {
        GIL_BEGIN_ALLOW_THREADS
        gil_os_sleep_ns(1000000);
        GIL_END_ALLOW_THREADS
    }
    CHECK_EQ(atomic_load(&b.ran), 40);
    CHECK_EQ(gil_interp_nthreads(f.interp), 1);
    /* Handles are freed by the exiting threads right after they finish. */
    GIL_BEGIN_ALLOW_THREADS
    gil_os_sleep_ns(20000000);
    GIL_END_ALLOW_THREADS
    fix_down(&f);
}

TEST(thousand_threads_every_policy)
{
    for (int p = 0; p < 3; p++) {
        fix_t f = fix_up(all_policies[p]);
        body_t b = {0};
        int n = SCALE(1000);
        for (int i = 0; i < n; i += 50) {
            gil_thread_t *h[50];
            for (int k = 0; k < 50; k++)
                CHECK_EQ(gil_thread_start(f.interp, body_fn, &b, &h[k]), GIL_OK);
            for (int k = 0; k < 50; k++)
                CHECK_EQ(fix_join(h[k]), GIL_OK);
        }
        CHECK_EQ(atomic_load(&b.ran), (n + 49) / 50 * 50);
        CHECK_EQ(gil_interp_nthreads(f.interp), 1);
        fix_down(&f);
    }
}

/* Deep recursion needs the stack the interpreter asked for. */
static int depth(int n, volatile char *p)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    return n == 0 ? p[0] : depth(n - 1, pad) + pad[0];
}

static void deep_body(gil_tstate_t *ts, void *arg)
{
    *(int *)arg = depth(3000, (volatile char[1]){1}) > 0;
}

TEST(stack_size_applies)
{
    fix_t f = fix_up(GIL_POLICY_FAIR);
    CHECK_EQ(gil_interp_set_stack_size(f.interp, 8 * 1024 * 1024), GIL_OK);
    int ok = 0;
    gil_thread_t *h;
    CHECK_EQ(gil_thread_start(f.interp, deep_body, &ok, &h), GIL_OK);
    CHECK_EQ(fix_join(h), GIL_OK);
    CHECK(ok);
    fix_down(&f);
}
