/*
** test_os.c — the OS contract of gil/os.h and the error layer of
** gil/error.h: the monotonic clock and deadline arithmetic (saturation,
** "no deadline"), sleeping through signals, thread start / join / detach,
** thread identity and native ids, thread names (15-byte truncation at a
** UTF-8 boundary), stack-size validation, the futex primitive (value
** mismatch, deadlines, wake-ups, signals, async-signal-safety of wake),
** gil_os_thread_hang, gil_strerror and gil_fatal.
**
** Timing checks are sanity bounds only: lower bounds follow from the
** contract (an absolute monotonic deadline cannot fire early), upper
** bounds are generous so that loaded machines and sanitizers pass.
*/
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

/* ---- helpers ------------------------------------------------------------ */



static size_t page(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

static size_t stack_min(void)
{
    size_t min = GIL_THREAD_STACK_MIN;
#ifdef PTHREAD_STACK_MIN
    if ((size_t)PTHREAD_STACK_MIN > min)
        min = (size_t)PTHREAD_STACK_MIN;
#endif
    return min;
}

/* ---- clock -------------------------------------------------------------- */

TEST(clock_is_monotonic)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t sys_before = (int64_t)ts.tv_sec * SEC(1) + ts.tv_nsec;
    int64_t prev = now();
    CHECK(prev > 0);
    CHECK(prev >= sys_before);
    int backwards = 0;
    for (int i = 0; i < 100000; i++) {
        int64_t t = now();
        if (t < prev)
            backwards++;
        prev = t;
    }
    CHECK_EQ(backwards, 0);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t sys_after = (int64_t)ts.tv_sec * SEC(1) + ts.tv_nsec;
    CHECK(prev <= sys_after);
}

TEST(clock_advances_across_sleep)
{
    int64_t t0 = now();
    gil_os_sleep_ns(MS(5));
    CHECK(now() - t0 >= MS(5));
}

/* ---- deadlines ---------------------------------------------------------- */

TEST(deadline_negative_is_no_deadline)
{
    CHECK_EQ(gil_deadline(GIL_FOREVER), GIL_NO_DEADLINE);
    CHECK_EQ(gil_deadline(-2), GIL_NO_DEADLINE);
    CHECK_EQ(gil_deadline(-SEC(1000)), GIL_NO_DEADLINE);
    CHECK_EQ(gil_deadline(INT64_MIN), GIL_NO_DEADLINE);
}

TEST(deadline_ordinary_timeouts)
{
    int64_t before = now();
    int64_t d0 = gil_deadline(0);
    int64_t d1 = gil_deadline(SEC(1));
    int64_t after = now();
    CHECK(d0 >= before && d0 <= after);
    CHECK(d1 >= before + SEC(1) && d1 <= after + SEC(1));

    /* ~146 years: large, but the sum still fits, so no saturation. */
    int64_t big = INT64_MAX / 2;
    before = now();
    int64_t db = gil_deadline(big);
    after = now();
    CHECK(db != GIL_NO_DEADLINE);
    CHECK(db >= before + big && db <= after + big);
}

TEST(deadline_saturates)
{
    CHECK_EQ(gil_deadline(INT64_MAX), GIL_NO_DEADLINE);
    CHECK_EQ(gil_deadline(INT64_MAX - 1), GIL_NO_DEADLINE);
    CHECK_EQ(gil_deadline(INT64_MAX - 1000), GIL_NO_DEADLINE);

    /* Exactly at the boundary: now + t == INT64_MAX when taken at `before`
    ** and would overflow for any later `now`; either way the answer is
    ** "never". */
    int64_t before = now();
    CHECK_EQ(gil_deadline(INT64_MAX - before), GIL_NO_DEADLINE);
    CHECK_EQ(gil_deadline(INT64_MAX - before + 1), GIL_NO_DEADLINE);

    /* Ten seconds short of the boundary must not saturate. */
    before = now();
    int64_t t = INT64_MAX - before - SEC(10);
    int64_t d = gil_deadline(t);
    int64_t after = now();
    CHECK(d != GIL_NO_DEADLINE);
    CHECK(d >= before + t);
    CHECK(d <= after + t);
}

TEST(deadline_remaining)
{
    CHECK_EQ(gil_deadline_remaining(GIL_NO_DEADLINE), GIL_FOREVER);
    CHECK_EQ(gil_deadline_remaining(gil_deadline(-1)), GIL_FOREVER);

    /* Deadlines in the past leave nothing. */
    CHECK_EQ(gil_deadline_remaining(0), 0);
    CHECK_EQ(gil_deadline_remaining(1), 0);
    CHECK_EQ(gil_deadline_remaining(now() - 1), 0);
    CHECK_EQ(gil_deadline_remaining(now() - SEC(1)), 0);
    CHECK_EQ(gil_deadline_remaining(gil_deadline(0)), 0);

    int64_t r = gil_deadline_remaining(gil_deadline(SEC(1)));
    CHECK(r > 0);
    CHECK(r <= SEC(1));

    /* A finite deadline just short of "never" is finite time left, not
    ** GIL_FOREVER. */
    int64_t before = now();
    int64_t far = gil_deadline_remaining(INT64_MAX - 1);
    CHECK(far > 0);
    CHECK(far <= INT64_MAX - 1 - before);

    gil_os_sleep_ns(MS(20));
    int64_t d = gil_deadline(MS(10));
    gil_os_sleep_ns(MS(15));
    CHECK_EQ(gil_deadline_remaining(d), 0);
}

/* ---- sleep -------------------------------------------------------------- */

TEST(sleep_durations)
{
    int64_t t0 = now();
    gil_os_sleep_ns(MS(20));
    int64_t el = now() - t0;
    CHECK(el >= MS(20));
    CHECK(el < SEC(2));

    t0 = now();
    gil_os_sleep_ns(0);
    gil_os_sleep_ns(-1);
    gil_os_sleep_ns(INT64_MIN);
    CHECK(now() - t0 < SEC(1));

    t0 = now();
    gil_os_sleep_ns(1);
    CHECK(now() - t0 < SEC(1));
}

typedef struct sleeper {
    int64_t ns;
    pthread_t self;
    _Atomic int64_t elapsed;
    gil_event_t started, done;
} sleeper_t;

static void sleeper_main(void *p)
{
    sleeper_t *s = p;
    s->self = pthread_self();
    gil_event_set(&s->started);
    int64_t t0 = now();
    gil_os_sleep_ns(s->ns);
    atomic_store(&s->elapsed, now() - t0);
    gil_event_set(&s->done);
}

TEST(sleep_resumes_after_signals)
{
    static sleeper_t s;
    memset(&s, 0, sizeof s);
    s.ns = MS(150);
    struct sigaction old;
    usr1_install(&old);
    atomic_store(&usr1_hits, 0);

    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(sleeper_main, &s, 0, 0, &t), GIL_OK);
    CHECK_EQ(gil_event_wait(&s.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    for (int i = 0; i < 5 && !gil_event_is_set(&s.done); i++) {
        gil_os_sleep_ns(MS(15));
        pthread_kill(s.self, SIGUSR1);
    }
    CHECK(join_when_done(t, &s.done));
    usr1_restore(&old);
    CHECK(atomic_load(&s.elapsed) >= MS(150));
    CHECK(atomic_load(&s.elapsed) < SEC(3));
    CHECK(atomic_load(&usr1_hits) >= 1);
}

/* ---- threads: start / join / detach ------------------------------------- */

typedef struct runner {
    _Atomic int ran;
    void *seen_arg;
    gil_event_t done;
} runner_t;

static void runner_main(void *p)
{
    runner_t *r = p;
    r->seen_arg = p;
    atomic_fetch_add(&r->ran, 1);
    gil_event_set(&r->done);
}

TEST(thread_start_join)
{
    static runner_t r;
    memset(&r, 0, sizeof r);
    gil_os_thread_t t = 0;
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 0, 0, &t), GIL_OK);
    CHECK(t != 0);
    CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    /* join orders everything the thread did before everything after. */
    CHECK_EQ(atomic_load(&r.ran), 1);
    CHECK(r.seen_arg == &r);
}

TEST(thread_start_many_joinable)
{
    enum { N = 16 };
    static runner_t r[N];
    gil_os_thread_t t[N];
    memset(r, 0, sizeof r);
    int started = 0;
    for (int i = 0; i < N; i++)
        if (gil_os_thread_start(runner_main, &r[i], 0, 0, &t[i]) == GIL_OK)
            started++;
    CHECK_EQ(started, N);
    for (int i = 0; i < started; i++)
        CHECK_EQ(gil_os_thread_join(t[i]), GIL_OK);
    for (int i = 0; i < started; i++)
        CHECK_EQ(atomic_load(&r[i].ran), 1);
}

TEST(thread_start_detached)
{
    static runner_t r;
    memset(&r, 0, sizeof r);
    /* A detached thread needs no handle. */
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 0, 1, NULL), GIL_OK);
    CHECK_EQ(gil_event_wait(&r.done, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(atomic_load(&r.ran), 1);

    static runner_t r2;
    memset(&r2, 0, sizeof r2);
    gil_os_thread_t t = 0;
    CHECK_EQ(gil_os_thread_start(runner_main, &r2, 0, 1, &t), GIL_OK);
    CHECK_EQ(gil_event_wait(&r2.done, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(atomic_load(&r2.ran), 1);
}

typedef struct gated {
    gil_event_t go, done;
    _Atomic int ran;
} gated_t;

static void gated_main(void *p)
{
    gated_t *g = p;
    gil_event_wait(&g->go, SEC(10), 0);
    atomic_store(&g->ran, 1);
    gil_event_set(&g->done);
}

TEST(thread_detach_after_start)
{
    /* Detach while the thread is still running, then after it ended. */
    static gated_t g;
    memset(&g, 0, sizeof g);
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(gated_main, &g, 0, 0, &t), GIL_OK);
    CHECK_EQ(gil_os_thread_detach(t), GIL_OK);
    gil_event_set(&g.go);
    CHECK_EQ(gil_event_wait(&g.done, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(atomic_load(&g.ran), 1);

    static runner_t r;
    memset(&r, 0, sizeof r);
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 0, 0, &t), GIL_OK);
    CHECK_EQ(gil_event_wait(&r.done, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(5));
    CHECK_EQ(gil_os_thread_detach(t), GIL_OK);
}

TEST(thread_join_waits_for_end)
{
    static gated_t g;
    memset(&g, 0, sizeof g);
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(gated_main, &g, 0, 0, &t), GIL_OK);
    gil_os_sleep_ns(MS(20));
    CHECK_EQ(atomic_load(&g.ran), 0);
    gil_event_set(&g.go);
    CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(atomic_load(&g.ran), 1);
}

TEST(thread_start_bad_arguments)
{
    static runner_t r;
    memset(&r, 0, sizeof r);
    gil_os_thread_t t = 0;
    CHECK_EQ(gil_os_thread_start(NULL, &r, 0, 0, &t), GIL_EINVAL);
    CHECK_EQ(gil_os_thread_start(NULL, &r, 0, 1, NULL), GIL_EINVAL);
    /* A joinable thread without a place for its handle could never be
    ** joined: refused. */
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 0, 0, NULL), GIL_EINVAL);
    gil_os_sleep_ns(MS(10));
    CHECK_EQ(atomic_load(&r.ran), 0);
}

/* ---- identity ----------------------------------------------------------- */

typedef struct ident_rec {
    uint64_t ident, native, gettid_, pself;
    gil_event_t ready, release, done;
} ident_rec_t;

static void ident_main(void *p)
{
    ident_rec_t *r = p;
    r->ident = gil_os_thread_ident();
    r->native = gil_os_thread_native_id();
    r->gettid_ = (uint64_t)syscall(SYS_gettid);
    r->pself = (uint64_t)(uintptr_t)pthread_self();
    gil_event_set(&r->ready);
    /* Stay alive until the main thread has compared both workers, so that
    ** neither id can have been recycled. */
    gil_event_wait(&r->release, SEC(10), 0);
    gil_event_set(&r->done);
}

TEST(thread_ident_and_native_id)
{
    uint64_t me = gil_os_thread_ident();
    uint64_t my_native = gil_os_thread_native_id();
    CHECK(me != 0);
    CHECK_EQ(me, gil_os_thread_ident());
    CHECK_EQ(me, (uint64_t)(uintptr_t)pthread_self());
    CHECK_EQ(my_native, (uint64_t)syscall(SYS_gettid));
    CHECK_EQ(my_native, gil_os_thread_native_id());
    /* The harness runs tests on the process's initial thread. */
    CHECK_EQ(my_native, (uint64_t)getpid());

    static ident_rec_t a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    gil_os_thread_t ta, tb;
    CHECK_EQ(gil_os_thread_start(ident_main, &a, 0, 0, &ta), GIL_OK);
    CHECK_EQ(gil_os_thread_start(ident_main, &b, 0, 0, &tb), GIL_OK);
    CHECK_EQ(gil_event_wait(&a.ready, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_event_wait(&b.ready, SEC(5), 0), GIL_LOCK_ACQUIRED);

    CHECK(a.ident != 0);
    CHECK(b.ident != 0);
    CHECK(a.ident != b.ident);
    CHECK(a.ident != me);
    CHECK(b.ident != me);
    CHECK_EQ(a.ident, a.pself);
    CHECK_EQ(b.ident, b.pself);
    /* The handle gil_os_thread_start returned is the same pthread_t. */
    CHECK_EQ((uint64_t)ta, a.ident);
    CHECK_EQ((uint64_t)tb, b.ident);

    CHECK_EQ(a.native, a.gettid_);
    CHECK_EQ(b.native, b.gettid_);
    CHECK(a.native != b.native);
    CHECK(a.native != my_native);
    CHECK(b.native != my_native);

    gil_event_set(&a.release);
    gil_event_set(&b.release);
    CHECK(join_when_done(ta, &a.done));
    CHECK(join_when_done(tb, &b.done));
}

/* ---- names -------------------------------------------------------------- */

static int name_is(const char *want)
{
    char buf[64];
    memset(buf, 'X', sizeof buf);
    if (gil_os_thread_get_name(buf, sizeof buf) != GIL_OK)
        return 0;
    return strcmp(buf, want) == 0;
}

static void names_main(void *p)
{
    (void)p;
    CHECK_EQ(gil_os_thread_set_name("worker-1"), GIL_OK);
    CHECK(name_is("worker-1"));

    /* Exactly 15 bytes fit. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijklmno"), GIL_OK);
    CHECK(name_is("abcdefghijklmno"));

    /* Longer ASCII names keep their first 15 bytes. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijklmnopqrstuvwxyz"), GIL_OK);
    CHECK(name_is("abcdefghijklmno"));

    /* 14 ASCII bytes + e-acute (2 bytes) = 16: the accent does not fit and
    ** must not be cut in half. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijklmn\xc3\xa9"), GIL_OK);
    CHECK(name_is("abcdefghijklmn"));

    /* 13 ASCII + euro sign (3 bytes) = 16: drop the whole sign. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijklm\xe2\x82\xac"), GIL_OK);
    CHECK(name_is("abcdefghijklm"));

    /* 12 ASCII + euro sign = 15 exactly: kept whole. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijkl\xe2\x82\xac"), GIL_OK);
    CHECK(name_is("abcdefghijkl\xe2\x82\xac"));

    /* 12 ASCII + a 4-byte emoji = 16: the emoji goes. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijkl\xf0\x9f\x98\x80"), GIL_OK);
    CHECK(name_is("abcdefghijkl"));

    /* 11 ASCII + emoji = 15: kept. */
    CHECK_EQ(gil_os_thread_set_name("abcdefghijk\xf0\x9f\x98\x80zz"), GIL_OK);
    CHECK(name_is("abcdefghijk\xf0\x9f\x98\x80"));

    /* All multi-byte: five 3-byte characters are 15 bytes, a sixth goes. */
    CHECK_EQ(gil_os_thread_set_name("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
                                    "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"),
             GIL_OK);
    CHECK(name_is("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
                  "\xe2\x82\xac"));

    /* Eight 2-byte characters are 16 bytes: seven (14 bytes) remain. */
    CHECK_EQ(gil_os_thread_set_name("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                                    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),
             GIL_OK);
    CHECK(name_is("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"));

    CHECK_EQ(gil_os_thread_set_name(""), GIL_OK);
    CHECK(name_is(""));

    /* get copies at most size-1 bytes plus a NUL. */
    CHECK_EQ(gil_os_thread_set_name("worker-long"), GIL_OK);
    char small[5];
    memset(small, 'X', sizeof small);
    CHECK_EQ(gil_os_thread_get_name(small, sizeof small), GIL_OK);
    CHECK(strcmp(small, "work") == 0);
    char one[1] = {'X'};
    CHECK_EQ(gil_os_thread_get_name(one, 1), GIL_OK);
    CHECK_EQ(one[0], 0);

    CHECK_EQ(gil_os_thread_set_name(NULL), GIL_EINVAL);
    CHECK_EQ(gil_os_thread_get_name(NULL, 16), GIL_EINVAL);
    char buf[16];
    CHECK_EQ(gil_os_thread_get_name(buf, 0), GIL_EINVAL);
    /* Failed calls leave the name alone. */
    CHECK(name_is("worker-long"));
}

TEST(thread_names)
{
    char mine[32], after[32];
    CHECK_EQ(gil_os_thread_get_name(mine, sizeof mine), GIL_OK);
    /* On a worker, so the test program keeps its own name. */
    run_on_thread(names_main, NULL);
    CHECK_EQ(gil_os_thread_get_name(after, sizeof after), GIL_OK);
    CHECK(strcmp(mine, after) == 0);
}

/* ---- stack sizes -------------------------------------------------------- */

TEST(stack_size_check)
{
    size_t pg = page();
    size_t min = stack_min();
    size_t min_ok = (min + pg - 1) / pg * pg;

    CHECK_EQ(gil_os_stack_size_check(0), GIL_OK);
    CHECK_EQ(gil_os_stack_size_check(1), GIL_EINVAL);
    CHECK_EQ(gil_os_stack_size_check(pg), min > pg ? GIL_EINVAL : GIL_OK);
    CHECK_EQ(gil_os_stack_size_check(min_ok), GIL_OK);
    CHECK_EQ(gil_os_stack_size_check(min_ok - pg), GIL_EINVAL);
    CHECK_EQ(gil_os_stack_size_check(GIL_THREAD_STACK_MIN - 1), GIL_EINVAL);
    CHECK_EQ(gil_os_stack_size_check(256 * 1024), GIL_OK);
    CHECK_EQ(gil_os_stack_size_check(256 * 1024 + 1), GIL_EINVAL);
    CHECK_EQ(gil_os_stack_size_check(256 * 1024 + pg / 2), GIL_EINVAL);
    CHECK_EQ(gil_os_stack_size_check(256 * 1024 - 8), GIL_EINVAL);
    CHECK_EQ(gil_os_stack_size_check(8 * 1024 * 1024), GIL_OK);
    CHECK_EQ(gil_os_stack_size_check(min_ok + 1), GIL_EINVAL);
}

typedef struct stack_rec {
    size_t size;
    gil_event_t done;
} stack_rec_t;

static void stack_main(void *p)
{
    stack_rec_t *s = p;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstacksize(&attr, &s->size);
        pthread_attr_destroy(&attr);
    }
    /* Touch a good part of the stack we were promised. */
    volatile char big[128 * 1024];
    memset((char *)big, 1, sizeof big);
    gil_event_set(&s->done);
}

TEST(thread_start_with_stack_size)
{
    static stack_rec_t s;
    memset(&s, 0, sizeof s);
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(stack_main, &s, 256 * 1024, 0, &t), GIL_OK);
    CHECK(join_when_done(t, &s.done));
    CHECK(s.size >= 256 * 1024);
}

TEST(thread_start_bad_stack_size)
{
    /* Refused up front: the function never runs and, being refused before
    ** anything is allocated, nothing leaks (LeakSanitizer checks that in
    ** the ASan build). */
    static runner_t r;
    memset(&r, 0, sizeof r);
    gil_os_thread_t t = 0;
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 1000, 0, &t), GIL_EINVAL);
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 1, 1, NULL), GIL_EINVAL);
    CHECK_EQ(gil_os_thread_start(runner_main, &r, 256 * 1024 + 1, 0, &t),
             GIL_EINVAL);
    CHECK_EQ(gil_os_thread_start(runner_main, &r, stack_min() - page(), 0, &t),
             GIL_EINVAL);
    for (int i = 0; i < 1000; i++)
        gil_os_thread_start(runner_main, &r, 12345, i & 1, &t);

    /* A page multiple far beyond the address space passes the check but
    ** the OS refuses it; the record made for the thread must be freed. */
    size_t huge = (SIZE_MAX / 2) & ~(page() - 1);
    CHECK_EQ(gil_os_stack_size_check(huge), GIL_OK);
    for (int i = 0; i < 4; i++) {
        int rc = gil_os_thread_start(runner_main, &r, huge, i & 1, &t);
        CHECK(rc == GIL_EAGAIN || rc == GIL_EINVAL);
    }
    gil_os_sleep_ns(MS(10));
    CHECK_EQ(atomic_load(&r.ran), 0);
}

/* ---- futex -------------------------------------------------------------- */

TEST(futex_value_differs_returns_at_once)
{
    static _Atomic uint32_t w = 7;
    int64_t t0 = now();
    CHECK_EQ(gil_os_futex_wait(&w, 8, gil_deadline(SEC(5))), 0);
    CHECK_EQ(gil_os_futex_wait(&w, 0, gil_deadline(SEC(5))), 0);
    CHECK(now() - t0 < SEC(2));
}

TEST(futex_times_out_at_deadline)
{
    static _Atomic uint32_t w = 0;
    int64_t t0 = now();
    int64_t d = t0 + MS(40);
    int rc = gil_os_futex_wait(&w, 0, d);
    int64_t t1 = now();
    /* A spurious 0 is allowed by the contract; retry until the deadline. */
    while (rc == 0 && t1 < d + SEC(2)) {
        rc = gil_os_futex_wait(&w, 0, d);
        t1 = now();
    }
    CHECK_EQ(rc, GIL_ETIMEDOUT);
    CHECK(t1 >= d - MS(1));
    CHECK(t1 - t0 < SEC(2));
    CHECK_EQ(atomic_load(&w), 0);
}

TEST(futex_past_deadline_times_out_at_once)
{
    static _Atomic uint32_t w = 0;
    int64_t t0 = now();
    CHECK_EQ(gil_os_futex_wait(&w, 0, 0), GIL_ETIMEDOUT);
    CHECK_EQ(gil_os_futex_wait(&w, 0, -SEC(1)), GIL_ETIMEDOUT);
    CHECK_EQ(gil_os_futex_wait(&w, 0, INT64_MIN), GIL_ETIMEDOUT);
    CHECK_EQ(gil_os_futex_wait(&w, 0, now() - 1), GIL_ETIMEDOUT);
    CHECK(now() - t0 < SEC(1));
}

typedef struct fwaiter {
    _Atomic uint32_t word;
    uint32_t expected;
    int64_t timeout;
    pthread_t self;
    _Atomic int rc;
    _Atomic int64_t elapsed;
    gil_event_t started, done;
} fwaiter_t;

static void fwaiter_main(void *p)
{
    fwaiter_t *f = p;
    f->self = pthread_self();
    gil_event_set(&f->started);
    int64_t t0 = now();
    atomic_store(&f->rc, gil_os_futex_wait(&f->word, f->expected,
                                           gil_deadline(f->timeout)));
    atomic_store(&f->elapsed, now() - t0);
    gil_event_set(&f->done);
}

TEST(futex_woken_by_wake)
{
    /* The value never changes: only a wake-up (or a spurious return) can
    ** end the wait before its 5 s deadline. */
    static fwaiter_t f;
    memset(&f, 0, sizeof f);
    f.timeout = SEC(5);
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(fwaiter_main, &f, 0, 0, &t), GIL_OK);
    CHECK_EQ(gil_event_wait(&f.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    int64_t t0 = now();
    while (!gil_event_is_set(&f.done) && now() - t0 < SEC(2)) {
        gil_os_sleep_ns(MS(5));
        gil_os_futex_wake(&f.word, 1);
    }
    CHECK(join_when_done(t, &f.done));
    CHECK_EQ(atomic_load(&f.rc), 0);
    CHECK(atomic_load(&f.elapsed) < SEC(4));
}

TEST(futex_change_and_wake_all)
{
    enum { N = 4 };
    static fwaiter_t f[N];
    gil_os_thread_t t[N];
    memset(f, 0, sizeof f);
    for (int i = 0; i < N; i++) {
        f[i].timeout = SEC(5);
        CHECK_EQ(gil_os_thread_start(fwaiter_main, &f[i], 0, 0, &t[i]), GIL_OK);
    }
    for (int i = 0; i < N; i++)
        CHECK_EQ(gil_event_wait(&f[i].started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(20));
    for (int i = 0; i < N; i++) {
        atomic_store(&f[i].word, 1);
        gil_os_futex_wake(&f[i].word, INT32_MAX);
    }
    for (int i = 0; i < N; i++) {
        CHECK(join_when_done(t[i], &f[i].done));
        CHECK_EQ(atomic_load(&f[i].rc), 0);
        CHECK(atomic_load(&f[i].elapsed) < SEC(4));
    }
}

TEST(futex_wake_without_waiters)
{
    static _Atomic uint32_t w = 0;
    for (int i = 0; i < 1000; i++)
        gil_os_futex_wake(&w, 1);
    gil_os_futex_wake(&w, INT32_MAX);
    CHECK_EQ(atomic_load(&w), 0);
}

TEST(futex_interrupted_by_signal)
{
#if GIL_NO_FUTEX
    printf("  note: GIL_NO_FUTEX build: condition-variable waits cannot be "
           "interrupted by signals; skipped\n");
#else
    static fwaiter_t f;
    memset(&f, 0, sizeof f);
    f.timeout = SEC(5);
    struct sigaction old;
    usr1_install(&old);
    atomic_store(&usr1_hits, 0);
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(fwaiter_main, &f, 0, 0, &t), GIL_OK);
    CHECK_EQ(gil_event_wait(&f.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    /* A signal that lands before the thread sleeps interrupts nothing;
    ** keep sending until one catches it asleep. */
    int64_t t0 = now();
    while (!gil_event_is_set(&f.done) && now() - t0 < SEC(2)) {
        gil_os_sleep_ns(MS(10));
        if (!gil_event_is_set(&f.done))
            pthread_kill(f.self, SIGUSR1);
    }
    CHECK(join_when_done(t, &f.done));
    usr1_restore(&old);
    CHECK_EQ(atomic_load(&f.rc), GIL_EINTR_STATUS);
    CHECK(atomic_load(&f.elapsed) < SEC(4));
    CHECK(atomic_load(&usr1_hits) >= 1);
#endif
}

/* os.h promises that gil_os_futex_wake is async-signal-safe: a handler may
** call it even when it interrupted a gil_os_futex_wake (or wait) on the very
** same word.  In a child process, with a watchdog: a profiling timer fires
** often while the main loop keeps waking; if the implementation takes a
** lock that the interrupted code already holds, the child deadlocks and the
** watchdog's SIGALRM kills it. */
static _Atomic uint32_t sigsafe_word;
static _Atomic int sigsafe_hits;

static void sigsafe_handler(int sig)
{
    (void)sig;
    gil_os_futex_wake(&sigsafe_word, 1);
    atomic_fetch_add(&sigsafe_hits, 1);
}

static void sigsafe_child(void *arg)
{
    (void)arg;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigsafe_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGPROF, &sa, NULL);
    signal(SIGALRM, SIG_DFL);
    alarm(3);
    struct itimerval it = {{0, 200}, {0, 200}};
    setitimer(ITIMER_PROF, &it, NULL);
    int64_t t0 = now();
    while (now() - t0 < MS(400) || atomic_load(&sigsafe_hits) < 20) {
        for (int i = 0; i < 1000; i++)
            gil_os_futex_wake(&sigsafe_word, 1);
        if (now() - t0 > SEC(2))
            break;
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_PROF, &off, NULL);
    alarm(0);
    _exit(atomic_load(&sigsafe_hits) >= 20 ? 0 : 3);
}

TEST(futex_wake_is_async_signal_safe)
{
#if GIL_NO_FUTEX
    /* os.h makes the promise for the futex build only. */
    printf("  note: skipped in the POSIX fallback build\n");
    return;
#endif
    char buf[256];
    int st = test_in_child(sigsafe_child, NULL, buf, sizeof buf);
    if (st == 128 + SIGALRM)
        printf("  note: child deadlocked waking from a signal handler\n");
    CHECK_EQ(st, 0);
}

/* ---- hang, ncpu, yield -------------------------------------------------- */

static _Atomic int hang_alarms;

static void hang_alarm(int sig)
{
    (void)sig;
    (void)!write(2, "h", 1);
    /* The third handled alarm arms the default action for the fourth. */
    if (atomic_fetch_add(&hang_alarms, 1) + 1 >= 3)
        signal(SIGALRM, SIG_DFL);
}

static void hang_child(void *arg)
{
    (void)arg;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = hang_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 20000}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    gil_os_thread_hang();
}

TEST(thread_hang_survives_signal_handlers)
{
    /* Returning from gil_os_thread_hang would end the child with status 0;
    ** only the unhandled fourth SIGALRM may end it. */
    char buf[64];
    int st = test_in_child(hang_child, NULL, buf, sizeof buf);
    CHECK_EQ(st, 128 + SIGALRM);
    CHECK(strcmp(buf, "hhh") == 0);
}

TEST(ncpu_and_yield)
{
    int n = gil_os_ncpu();
    CHECK(n >= 1);
    CHECK_EQ(n, gil_os_ncpu());
    for (int i = 0; i < 100; i++)
        gil_os_yield();
}

/* ---- errors ------------------------------------------------------------- */

TEST(strerror_every_code)
{
    static const struct { int code; const char *prefix; } codes[] = {
        {GIL_OK, "GIL_OK: "},
        {GIL_ENOMEM, "GIL_ENOMEM: "},
        {GIL_EINVAL, "GIL_EINVAL: "},
        {GIL_EAGAIN, "GIL_EAGAIN: "},
        {GIL_EPERM, "GIL_EPERM: "},
        {GIL_EOVERFLOW, "GIL_EOVERFLOW: "},
        {GIL_EFULL, "GIL_EFULL: "},
        {GIL_EBUSY, "GIL_EBUSY: "},
        {GIL_ESTATE, "GIL_ESTATE: "},
        {GIL_EDEADLK, "GIL_EDEADLK: "},
        {GIL_EFINALIZING, "GIL_EFINALIZING: "},
        {GIL_ENOTSUP, "GIL_ENOTSUP: "},
        {GIL_ETIMEDOUT, "GIL_ETIMEDOUT: "},
    };
    enum { N = sizeof codes / sizeof codes[0] };
    /* The codes are 0, -1, ..., -12 with no gaps. */
    CHECK_EQ(N, 13);
    for (int i = 0; i < N; i++) {
        CHECK_EQ(codes[i].code, -i);
        const char *s = gil_strerror(codes[i].code);
        CHECK(s != NULL);
        if (!s)
            continue;
        CHECK(strncmp(s, codes[i].prefix, strlen(codes[i].prefix)) == 0);
        /* a one-line meaning follows the name */
        CHECK(strlen(s) > strlen(codes[i].prefix) + 2);
        CHECK(strchr(s, '\n') == NULL);
        for (int j = 0; j < i; j++)
            CHECK(strcmp(s, gil_strerror(codes[j].code)) != 0);
    }
    static const int unknown[] = {1, 2, GIL_EINTR_STATUS, -13, -100, 12345,
                                  INT_MIN, INT_MAX};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = gil_strerror(unknown[i]);
        CHECK(s != NULL);
        if (s)
            CHECK(strcmp(s, "unknown libgil error") == 0);
    }
}

static void fatal_child(void *arg)
{
    gil_fatal((const char *)arg);
}

TEST(fatal_prints_and_aborts)
{
    char buf[512];
    int st = test_in_child(fatal_child, "the sky is falling", buf, sizeof buf);
    CHECK_EQ(st, 128 + SIGABRT);
    CHECK(strstr(buf, "Fatal libgil error: the sky is falling\n") != NULL);

    st = test_in_child(fatal_child, "", buf, sizeof buf);
    CHECK_EQ(st, 128 + SIGABRT);
    CHECK(strstr(buf, "Fatal libgil error: \n") != NULL);
}

/* ---- kept last -----------------------------------------------------------
** A sanitizer build that stops at the first undefined behaviour (make
** asan-check) ends the program in this test; the others have run by then. */

/* A deadline that lies far in the past (here: the most negative one) has
** passed: 0 time is left.  Computing `deadline - now` naively overflows. */
TEST(deadline_remaining_very_old_deadline)
{
    CHECK_EQ(gil_deadline_remaining(-1), 0);
    CHECK_EQ(gil_deadline_remaining(-SEC(1)), 0);
    CHECK_EQ(gil_deadline_remaining(INT64_MIN + SEC(1)), 0);
    CHECK_EQ(gil_deadline_remaining(INT64_MIN), 0);
}
