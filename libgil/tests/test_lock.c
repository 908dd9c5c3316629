/*
** test_lock.c — gil_lock_t, gil_rlock_t and gil_event_t (gil/lock.h).
**
** The lock is CPython's PyThread_type_lock: unowned (any thread may
** release it; a holder that acquires again blocks on itself), with GIL_TRY,
** timed and forever acquires, and GIL_LOCK_INTERRUPTIBLE.  The rlock is
** threading.RLock's C core (owner + count, release_save / restore for
** Condition.wait).  The event is the start-up / join flag.
**
** Every wait in these tests is bounded, so that a broken lock makes a test
** fail rather than hang; timing checks are generous sanity bounds only.
*/
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* ---- helpers ------------------------------------------------------------ */

static int start(void (*fn)(void *), void *arg, gil_os_thread_t *t)
{
    int rc = gil_os_thread_start(fn, arg, 0, 0, t);
    CHECK_EQ(rc, GIL_OK);
    return rc == GIL_OK;
}

/* A worker that makes one timed acquire of `lock` and reports. */
typedef struct acquirer {
    gil_lock_t *lock;
    int64_t timeout;
    int flags;
    int pre_acquire;        /* take the lock first, then block on itself */
    pthread_t self;
    _Atomic int result;
    _Atomic int64_t elapsed;
    gil_event_t started, done;
} acquirer_t;

static void acquirer_main(void *p)
{
    acquirer_t *a = p;
    a->self = pthread_self();
    if (a->pre_acquire)
        gil_lock_acquire(a->lock, GIL_FOREVER, 0);
    gil_event_set(&a->started);
    int64_t t0 = now();
    atomic_store(&a->result, gil_lock_acquire(a->lock, a->timeout, a->flags));
    atomic_store(&a->elapsed, now() - t0);
    gil_event_set(&a->done);
}

static void acquirer_reset(acquirer_t *a, gil_lock_t *l, int64_t timeout,
                           int flags)
{
    memset(a, 0, sizeof *a);
    a->lock = l;
    a->timeout = timeout;
    a->flags = flags;
    atomic_store(&a->result, -100);
}

/* ---- gil_lock: basics ---------------------------------------------------- */

TEST(lock_static_init_and_init)
{
    static gil_lock_t s = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_locked(&s), 0);
    gil_lock_t l;
    memset(&l, 0xff, sizeof l);
    gil_lock_init(&l);
    CHECK_EQ(gil_lock_locked(&l), 0);
    CHECK(gil_lock_try(&l));
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

TEST(lock_try)
{
    gil_lock_t l = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_try(&l), 1);
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_try(&l), 0);
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_locked(&l), 0);
    CHECK_EQ(gil_lock_try(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

TEST(lock_acquire_release)
{
    gil_lock_t l = GIL_LOCK_INIT;
    for (int i = 0; i < 1000; i++) {
        CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
        CHECK_EQ(gil_lock_locked(&l), 1);
        CHECK_EQ(gil_lock_release(&l), GIL_OK);
        CHECK_EQ(gil_lock_locked(&l), 0);
    }
    /* Every timeout form acquires a free lock. */
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_acquire(&l, MS(10), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_acquire(&l, -12345, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, GIL_LOCK_INTERRUPTIBLE),
             GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

TEST(lock_release_unlocked_is_eperm)
{
    gil_lock_t l = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_release(&l), GIL_EPERM);
    CHECK_EQ(gil_lock_locked(&l), 0);
    /* The failed release must not have turned the lock into a counter
    ** (CPython's semaphore locks would go to 2 here). */
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_TIMEOUT);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_release(&l), GIL_EPERM);
    CHECK_EQ(gil_lock_locked(&l), 0);
}

static gil_lock_t other_lock;
static _Atomic int other_rc;

static void release_other(void *p)
{
    (void)p;
    atomic_store(&other_rc, gil_lock_release(&other_lock));
}

TEST(lock_release_from_other_thread)
{
    gil_lock_init(&other_lock);
    CHECK_EQ(gil_lock_acquire(&other_lock, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    atomic_store(&other_rc, -100);
    gil_os_thread_t t;
    if (start(release_other, NULL, &t))
        CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(atomic_load(&other_rc), GIL_OK);
    CHECK_EQ(gil_lock_locked(&other_lock), 0);
    CHECK(gil_lock_try(&other_lock));
    CHECK_EQ(gil_lock_release(&other_lock), GIL_OK);

    /* And the other thread's release of a free lock fails the same way. */
    if (start(release_other, NULL, &t))
        CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(atomic_load(&other_rc), GIL_EPERM);
    CHECK_EQ(gil_lock_locked(&other_lock), 0);
}

TEST(lock_reacquire_by_holder_blocks)
{
    static gil_lock_t l;
    static acquirer_t a;
    gil_lock_init(&l);
    acquirer_reset(&a, &l, SEC(5), 0);
    a.pre_acquire = 1;
    gil_os_thread_t t;
    if (!start(acquirer_main, &a, &t))
        return;
    CHECK_EQ(gil_event_wait(&a.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(50));
    /* Still blocked on itself: a lock is not reentrant. */
    CHECK_EQ(gil_event_is_set(&a.done), 0);
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK(join_when_done(t, &a.done));
    CHECK_EQ(atomic_load(&a.result), GIL_LOCK_ACQUIRED);
    /* The second acquire now holds it. */
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_locked(&l), 0);
}

/* ---- gil_lock: timeouts -------------------------------------------------- */

TEST(lock_try_on_held_lock)
{
    gil_lock_t l = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    int64_t t0 = now();
    for (int i = 0; i < 1000; i++)
        CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_TIMEOUT);
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, GIL_LOCK_INTERRUPTIBLE),
             GIL_LOCK_TIMEOUT);
    CHECK(now() - t0 < SEC(1));
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

TEST(lock_timeout_expires)
{
    gil_lock_t l = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    int64_t t0 = now();
    CHECK_EQ(gil_lock_acquire(&l, MS(50), 0), GIL_LOCK_TIMEOUT);
    int64_t el = now() - t0;
    CHECK(el >= MS(45));
    CHECK(el < SEC(2));

    t0 = now();
    CHECK_EQ(gil_lock_acquire(&l, MS(20), GIL_LOCK_INTERRUPTIBLE),
             GIL_LOCK_TIMEOUT);
    el = now() - t0;
    CHECK(el >= MS(18));
    CHECK(el < SEC(2));

    /* A 1 ns timeout is a real (if tiny) wait, not a try that blocks. */
    t0 = now();
    CHECK_EQ(gil_lock_acquire(&l, 1, 0), GIL_LOCK_TIMEOUT);
    CHECK(now() - t0 < SEC(1));
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

TEST(lock_timed_acquire_succeeds_when_released)
{
    static gil_lock_t l;
    static acquirer_t a;
    gil_lock_init(&l);
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    acquirer_reset(&a, &l, SEC(5), 0);
    gil_os_thread_t t;
    if (!start(acquirer_main, &a, &t))
        return;
    CHECK_EQ(gil_event_wait(&a.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(30));
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK(join_when_done(t, &a.done));
    CHECK_EQ(atomic_load(&a.result), GIL_LOCK_ACQUIRED);
    CHECK(atomic_load(&a.elapsed) < SEC(4));
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

TEST(lock_huge_timeouts)
{
    /* Huge timeouts must saturate to "forever", not wrap into the past. */
    gil_lock_t l = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_acquire(&l, INT64_MAX, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_acquire(&l, INT64_MAX - 1, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_acquire(&l, INT64_MIN, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);

    /* Contended: the waiter must really wait (an overflowed deadline would
    ** time out at once), and get the lock when it is released. */
    static gil_lock_t h;
    static acquirer_t a;
    gil_lock_init(&h);
    CHECK_EQ(gil_lock_acquire(&h, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    acquirer_reset(&a, &h, INT64_MAX, 0);
    gil_os_thread_t t;
    if (!start(acquirer_main, &a, &t))
        return;
    CHECK_EQ(gil_event_wait(&a.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(50));
    CHECK_EQ(gil_event_is_set(&a.done), 0);
    CHECK_EQ(gil_lock_release(&h), GIL_OK);
    CHECK(join_when_done(t, &a.done));
    CHECK_EQ(atomic_load(&a.result), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&h), GIL_OK);
}

TEST(lock_state_after_timeout)
{
    /* CPython issue 11618: a timed-out acquire must leave the lock exactly
    ** as it found it (held), and a later release must make it free, not
    ** "free twice" nor still held. */
    enum { N = 4 };
    static gil_lock_t l;
    static acquirer_t a[N];
    gil_os_thread_t t[N];
    gil_lock_init(&l);
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    int ok[N];
    for (int i = 0; i < N; i++) {
        acquirer_reset(&a[i], &l, MS(20 + 5 * i), 0);
        ok[i] = start(acquirer_main, &a[i], &t[i]);
    }
    for (int i = 0; i < N; i++) {
        if (!ok[i])
            continue;
        CHECK(join_when_done(t[i], &a[i].done));
        CHECK_EQ(atomic_load(&a[i].result), GIL_LOCK_TIMEOUT);
    }
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_TIMEOUT);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_locked(&l), 0);
    CHECK_EQ(gil_lock_release(&l), GIL_EPERM);
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_acquire(&l, GIL_TRY, 0), GIL_LOCK_TIMEOUT);

    /* Contended hand-over still works afterwards: a new waiter is woken. */
    static acquirer_t b;
    acquirer_reset(&b, &l, SEC(5), 0);
    gil_os_thread_t tb;
    if (!start(acquirer_main, &b, &tb))
        return;
    CHECK_EQ(gil_event_wait(&b.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(20));
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK(join_when_done(tb, &b.done));
    CHECK_EQ(atomic_load(&b.result), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_locked(&l), 0);
}

/* ---- gil_lock: signals ---------------------------------------------------- */

TEST(lock_interruptible_returns_intr)
{
#if GIL_NO_FUTEX
    printf("  note: GIL_NO_FUTEX build: the POSIX fallback cannot be "
           "interrupted by signals; skipped\n");
#else
    static gil_lock_t l;
    static acquirer_t a;
    gil_lock_init(&l);
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    struct sigaction old;
    usr1_install(&old);
    atomic_store(&usr1_hits, 0);
    acquirer_reset(&a, &l, SEC(5), GIL_LOCK_INTERRUPTIBLE);
    gil_os_thread_t t;
    if (!start(acquirer_main, &a, &t)) {
        usr1_restore(&old);
        return;
    }
    CHECK_EQ(gil_event_wait(&a.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    /* A signal that arrives before the thread is asleep interrupts nothing:
    ** keep sending until one catches it in the wait. */
    kick_until_done(a.self, &a.done);
    CHECK(join_when_done(t, &a.done));
    usr1_restore(&old);
    CHECK_EQ(atomic_load(&a.result), GIL_LOCK_INTR);
    CHECK(atomic_load(&a.elapsed) < SEC(4));
    CHECK(atomic_load(&usr1_hits) >= 1);
    /* Interrupted means not acquired: the lock is still ours. */
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK_EQ(gil_lock_locked(&l), 0);
#endif
}

TEST(lock_not_interruptible_without_flag)
{
    static gil_lock_t l;
    static acquirer_t a;
    gil_lock_init(&l);
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    struct sigaction old;
    usr1_install(&old);
    atomic_store(&usr1_hits, 0);
    acquirer_reset(&a, &l, SEC(5), 0);
    gil_os_thread_t t;
    if (!start(acquirer_main, &a, &t)) {
        usr1_restore(&old);
        return;
    }
    CHECK_EQ(gil_event_wait(&a.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    kick_n(a.self, 5);
    /* The handlers ran, yet the acquire is still waiting. */
    CHECK_EQ(gil_event_is_set(&a.done), 0);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    CHECK(join_when_done(t, &a.done));
    usr1_restore(&old);
    CHECK_EQ(atomic_load(&a.result), GIL_LOCK_ACQUIRED);
    CHECK(atomic_load(&a.elapsed) < SEC(4));
    CHECK(atomic_load(&usr1_hits) >= 1 && atomic_load(&usr1_hits) <= 5);
    CHECK_EQ(gil_lock_locked(&l), 1);
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
}

/* ---- gil_lock: stress ----------------------------------------------------- */

enum { STRESS_THREADS = 8, STRESS_ITERS = 200000 };

static gil_lock_t stress_lock;
static uint64_t stress_counter;   /* plain on purpose: only the lock orders it */
static _Atomic int stress_errors;
static gil_event_t stress_go;

static void stress_main(void *p)
{
    int mode = (int)(intptr_t)p;
    gil_event_wait(&stress_go, SEC(10), 0);
    int errors = 0;
    for (int i = 0; i < STRESS_ITERS; i++) {
        /* Mix the entry paths: try-then-wait, forever, timed. */
        if (mode == 0) {
            if (!gil_lock_try(&stress_lock) &&
                gil_lock_acquire(&stress_lock, SEC(10), 0) != GIL_LOCK_ACQUIRED) {
                errors++;
                continue;
            }
        } else if (gil_lock_acquire(&stress_lock, mode == 1 ? SEC(10) : GIL_FOREVER,
                                    mode == 2 ? GIL_LOCK_INTERRUPTIBLE : 0)
                   != GIL_LOCK_ACQUIRED) {
            errors++;
            continue;
        }
        stress_counter++;
        if (gil_lock_release(&stress_lock) != GIL_OK)
            errors++;
    }
    atomic_fetch_add(&stress_errors, errors);
}

TEST(lock_stress_counter)
{
    gil_lock_init(&stress_lock);
    gil_event_init(&stress_go);
    stress_counter = 0;
    atomic_store(&stress_errors, 0);
    gil_os_thread_t t[STRESS_THREADS];
    int n = 0;
    for (int i = 0; i < STRESS_THREADS; i++)
        if (start(stress_main, (void *)(intptr_t)(i % 3), &t[n]))
            n++;
    gil_event_set(&stress_go);
    for (int i = 0; i < n; i++)
        CHECK_EQ(gil_os_thread_join(t[i]), GIL_OK);
    CHECK_EQ(n, STRESS_THREADS);
    CHECK_EQ(atomic_load(&stress_errors), 0);
    CHECK_EQ(stress_counter, (uint64_t)n * STRESS_ITERS);
    CHECK_EQ(gil_lock_locked(&stress_lock), 0);
}

/* Two threads pass control back and forth through two locks that each is
** released by the thread that did not acquire it (a binary semaphore use,
** as threading.Condition's waiter locks do). */
enum { PINGPONG_ROUNDS = 5000 };
static gil_lock_t ping, pong;
static uint64_t pingpong_value;   /* plain: handed over by the locks */
static _Atomic int pingpong_errors;

static void ponger(void *p)
{
    (void)p;
    for (int i = 0; i < PINGPONG_ROUNDS; i++) {
        if (gil_lock_acquire(&ping, SEC(5), 0) != GIL_LOCK_ACQUIRED) {
            atomic_fetch_add(&pingpong_errors, 1);
            return;
        }
        if (pingpong_value != (uint64_t)2 * i + 1)
            atomic_fetch_add(&pingpong_errors, 1);
        pingpong_value++;
        if (gil_lock_release(&pong) != GIL_OK)
            atomic_fetch_add(&pingpong_errors, 1);
    }
}

TEST(lock_pingpong)
{
    gil_lock_init(&ping);
    gil_lock_init(&pong);
    CHECK_EQ(gil_lock_acquire(&ping, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_acquire(&pong, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    pingpong_value = 0;
    atomic_store(&pingpong_errors, 0);
    gil_os_thread_t t;
    if (!start(ponger, NULL, &t))
        return;
    int rounds = 0;
    for (int i = 0; i < PINGPONG_ROUNDS; i++) {
        if (pingpong_value != (uint64_t)2 * i) {
            atomic_fetch_add(&pingpong_errors, 1);
        }
        pingpong_value++;
        if (gil_lock_release(&ping) != GIL_OK)
            atomic_fetch_add(&pingpong_errors, 1);
        if (gil_lock_acquire(&pong, SEC(5), 0) != GIL_LOCK_ACQUIRED) {
            atomic_fetch_add(&pingpong_errors, 1);
            break;
        }
        rounds++;
    }
    CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(rounds, PINGPONG_ROUNDS);
    CHECK_EQ(atomic_load(&pingpong_errors), 0);
    CHECK_EQ(pingpong_value, (uint64_t)2 * PINGPONG_ROUNDS);
    /* ping was last released by us and acquired by the ponger; pong was
    ** last released by the ponger and acquired by us. */
    CHECK_EQ(gil_lock_locked(&ping), 1);
    CHECK_EQ(gil_lock_locked(&pong), 1);
    CHECK_EQ(gil_lock_release(&ping), GIL_OK);
    CHECK_EQ(gil_lock_release(&pong), GIL_OK);
}

/* ---- gil_lock: fork ------------------------------------------------------- */

TEST(lock_after_fork_in_process)
{
    gil_lock_t l = GIL_LOCK_INIT;
    CHECK_EQ(gil_lock_acquire(&l, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    gil_lock_after_fork(&l);
    CHECK_EQ(gil_lock_locked(&l), 0);
    CHECK(gil_lock_try(&l));
    CHECK_EQ(gil_lock_release(&l), GIL_OK);
    gil_lock_after_fork(&l);
    CHECK_EQ(gil_lock_locked(&l), 0);
}

static gil_lock_t fork_lock;
static gil_rlock_t fork_rlock;

static void fork_child(void *p)
{
    (void)p;
    /* Inherited: held by the parent's main thread, with a parent thread
    ** asleep on it (word 2).  Neither thread exists here. */
    if (!gil_lock_locked(&fork_lock))
        _exit(10);
    gil_lock_after_fork(&fork_lock);
    if (gil_lock_locked(&fork_lock))
        _exit(11);
    if (gil_lock_acquire(&fork_lock, MS(100), 0) != GIL_LOCK_ACQUIRED)
        _exit(12);
    if (gil_lock_acquire(&fork_lock, GIL_TRY, 0) != GIL_LOCK_TIMEOUT)
        _exit(13);
    if (gil_lock_release(&fork_lock) != GIL_OK)
        _exit(14);
    if (gil_lock_release(&fork_lock) != GIL_EPERM)
        _exit(15);

    gil_rlock_after_fork(&fork_rlock);
    if (gil_rlock_is_owned(&fork_rlock) || gil_rlock_count(&fork_rlock))
        _exit(16);
    if (gil_lock_locked(&fork_rlock.lock))
        _exit(17);
    if (gil_rlock_acquire(&fork_rlock, GIL_TRY, 0) != GIL_LOCK_ACQUIRED)
        _exit(18);
    if (gil_rlock_count(&fork_rlock) != 1)
        _exit(19);
    if (gil_rlock_release(&fork_rlock) != GIL_OK)
        _exit(20);
    _exit(0);
}

TEST(lock_after_fork_in_child)
{
    static acquirer_t a;
    gil_lock_init(&fork_lock);
    gil_rlock_init(&fork_rlock);
    CHECK_EQ(gil_lock_acquire(&fork_lock, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_acquire(&fork_rlock, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_acquire(&fork_rlock, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    acquirer_reset(&a, &fork_lock, SEC(5), 0);
    gil_os_thread_t t;
    if (!start(acquirer_main, &a, &t))
        return;
    CHECK_EQ(gil_event_wait(&a.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(20));
    char buf[256];
    int st = test_in_child(fork_child, NULL, buf, sizeof buf);
    CHECK_EQ(st, 0);
    /* The parent is untouched by what the child did. */
    CHECK_EQ(gil_lock_locked(&fork_lock), 1);
    CHECK_EQ(gil_rlock_count(&fork_rlock), 2);
    CHECK_EQ(gil_lock_release(&fork_lock), GIL_OK);
    CHECK(join_when_done(t, &a.done));
    CHECK_EQ(atomic_load(&a.result), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_lock_release(&fork_lock), GIL_OK);
    CHECK_EQ(gil_rlock_release(&fork_rlock), GIL_OK);
    CHECK_EQ(gil_rlock_release(&fork_rlock), GIL_OK);
}

/* ---- gil_rlock ------------------------------------------------------------ */

TEST(rlock_recursion_and_count)
{
    static gil_rlock_t s = GIL_RLOCK_INIT;
    CHECK_EQ(gil_rlock_is_owned(&s), 0);
    CHECK_EQ(gil_rlock_count(&s), 0);

    gil_rlock_t r;
    memset(&r, 0xff, sizeof r);
    gil_rlock_init(&r);
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_rlock_count(&r), 0);
    for (uint64_t i = 1; i <= 100; i++) {
        CHECK_EQ(gil_rlock_acquire(&r, i % 2 ? GIL_FOREVER : GIL_TRY, 0),
                 GIL_LOCK_ACQUIRED);
        CHECK_EQ(gil_rlock_count(&r), i);
        CHECK_EQ(gil_rlock_is_owned(&r), 1);
        CHECK_EQ(gil_lock_locked(&r.lock), 1);
    }
    for (uint64_t i = 100; i >= 1; i--) {
        CHECK_EQ(gil_rlock_is_owned(&r), 1);
        CHECK_EQ(gil_rlock_release(&r), GIL_OK);
        CHECK_EQ(gil_rlock_count(&r), i - 1);
        /* The underlying lock is held until the last level goes. */
        CHECK_EQ(gil_lock_locked(&r.lock), i > 1);
    }
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_rlock_release(&r), GIL_EPERM);
    CHECK_EQ(gil_rlock_count(&r), 0);
    CHECK_EQ(gil_lock_locked(&r.lock), 0);
}

TEST(rlock_release_unowned_is_eperm)
{
    gil_rlock_t r = GIL_RLOCK_INIT;
    CHECK_EQ(gil_rlock_release(&r), GIL_EPERM);
    CHECK_EQ(gil_rlock_release(&r), GIL_EPERM);
    CHECK_EQ(gil_lock_locked(&r.lock), 0);
    CHECK_EQ(gil_rlock_acquire(&r, GIL_TRY, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_count(&r), 1);
    CHECK_EQ(gil_rlock_release(&r), GIL_OK);
    CHECK_EQ(gil_rlock_release(&r), GIL_EPERM);
}

/* What a second thread sees of an rlock the main thread owns. */
typedef struct rlock_probe {
    gil_rlock_t *r;
    int is_owned;
    uint64_t count;
    int release_rc, save_rc, try_rc, timed_rc;
    int64_t timed_elapsed;
    gil_event_t done;
} rlock_probe_t;

static void rlock_probe_main(void *p)
{
    rlock_probe_t *q = p;
    uint64_t c = 0, o = 0;
    q->is_owned = gil_rlock_is_owned(q->r);
    q->count = gil_rlock_count(q->r);
    q->release_rc = gil_rlock_release(q->r);
    q->save_rc = gil_rlock_release_save(q->r, &c, &o);
    q->try_rc = gil_rlock_acquire(q->r, GIL_TRY, 0);
    int64_t t0 = now();
    q->timed_rc = gil_rlock_acquire(q->r, MS(50), 0);
    q->timed_elapsed = now() - t0;
    gil_event_set(&q->done);
}

TEST(rlock_seen_from_other_thread)
{
    static gil_rlock_t r;
    static rlock_probe_t q;
    gil_rlock_init(&r);
    memset(&q, 0, sizeof q);
    q.r = &r;
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    gil_os_thread_t t;
    if (start(rlock_probe_main, &q, &t))
        CHECK(join_when_done(t, &q.done));
    CHECK_EQ(q.is_owned, 0);
    CHECK_EQ(q.count, 0);
    CHECK_EQ(q.release_rc, GIL_EPERM);
    CHECK_EQ(q.save_rc, GIL_EPERM);
    CHECK_EQ(q.try_rc, GIL_LOCK_TIMEOUT);
    CHECK_EQ(q.timed_rc, GIL_LOCK_TIMEOUT);
    CHECK(q.timed_elapsed >= MS(45));
    CHECK(q.timed_elapsed < SEC(2));
    /* None of that disturbed the owner. */
    CHECK_EQ(gil_rlock_is_owned(&r), 1);
    CHECK_EQ(gil_rlock_count(&r), 3);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(gil_rlock_release(&r), GIL_OK);
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_lock_locked(&r.lock), 0);
}

/* A thread that owns an rlock (twice) until told to let go. */
typedef struct rlock_holder {
    gil_rlock_t *r;
    gil_event_t held, go, done;
    int rc;
} rlock_holder_t;

static void rlock_holder_main(void *p)
{
    rlock_holder_t *h = p;
    gil_rlock_acquire(h->r, GIL_FOREVER, 0);
    gil_rlock_acquire(h->r, GIL_FOREVER, 0);
    gil_event_set(&h->held);
    gil_event_wait(&h->go, SEC(10), 0);
    gil_os_sleep_ns(MS(20));
    h->rc = gil_rlock_release(h->r);
    if (h->rc == GIL_OK)
        h->rc = gil_rlock_release(h->r);
    gil_event_set(&h->done);
}

TEST(rlock_timed_acquire_contended)
{
    static gil_rlock_t r;
    static rlock_holder_t h;
    gil_rlock_init(&r);
    memset(&h, 0, sizeof h);
    h.r = &r;
    gil_os_thread_t t;
    if (!start(rlock_holder_main, &h, &t))
        return;
    CHECK_EQ(gil_event_wait(&h.held, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_rlock_count(&r), 0);
    CHECK_EQ(gil_rlock_release(&r), GIL_EPERM);

    int64_t t0 = now();
    CHECK_EQ(gil_rlock_acquire(&r, GIL_TRY, 0), GIL_LOCK_TIMEOUT);
    CHECK(now() - t0 < SEC(1));
    t0 = now();
    CHECK_EQ(gil_rlock_acquire(&r, MS(50), 0), GIL_LOCK_TIMEOUT);
    int64_t el = now() - t0;
    CHECK(el >= MS(45));
    CHECK(el < SEC(2));
    /* A failed acquire must not make us look like the owner. */
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_rlock_count(&r), 0);

    gil_event_set(&h.go);
    t0 = now();
    CHECK_EQ(gil_rlock_acquire(&r, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK(now() - t0 < SEC(4));
    CHECK_EQ(gil_rlock_is_owned(&r), 1);
    CHECK_EQ(gil_rlock_count(&r), 1);
    CHECK(join_when_done(t, &h.done));
    CHECK_EQ(h.rc, GIL_OK);
    CHECK_EQ(gil_rlock_release(&r), GIL_OK);
    CHECK_EQ(gil_lock_locked(&r.lock), 0);
}

static gil_rlock_t save_rlock;
static _Atomic int save_other_rc;

static void save_other_main(void *p)
{
    (void)p;
    /* While saved, the rlock is free for anyone. */
    int rc = gil_rlock_acquire(&save_rlock, GIL_TRY, 0);
    if (rc == GIL_LOCK_ACQUIRED) {
        if (gil_rlock_count(&save_rlock) != 1)
            rc = -101;
        else if (gil_rlock_release(&save_rlock) != GIL_OK)
            rc = -102;
    }
    atomic_store(&save_other_rc, rc);
}

TEST(rlock_release_save_restore)
{
    gil_rlock_init(&save_rlock);
    uint64_t count = 99, owner = 99;
    CHECK_EQ(gil_rlock_release_save(&save_rlock, &count, &owner), GIL_EPERM);
    /* A refused save leaves the outputs alone. */
    CHECK_EQ(count, 99);
    CHECK_EQ(owner, 99);

    for (int i = 0; i < 3; i++)
        CHECK_EQ(gil_rlock_acquire(&save_rlock, GIL_FOREVER, 0),
                 GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_release_save(&save_rlock, &count, &owner), GIL_OK);
    CHECK_EQ(count, 3);
    CHECK_EQ(owner, gil_os_thread_ident());
    CHECK_EQ(gil_rlock_is_owned(&save_rlock), 0);
    CHECK_EQ(gil_rlock_count(&save_rlock), 0);
    CHECK_EQ(gil_lock_locked(&save_rlock.lock), 0);
    uint64_t c2 = 0, o2 = 0;
    CHECK_EQ(gil_rlock_release_save(&save_rlock, &c2, &o2), GIL_EPERM);
    CHECK_EQ(gil_rlock_release(&save_rlock), GIL_EPERM);

    atomic_store(&save_other_rc, -100);
    gil_os_thread_t t;
    if (start(save_other_main, NULL, &t))
        CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(atomic_load(&save_other_rc), GIL_LOCK_ACQUIRED);

    CHECK_EQ(gil_rlock_restore(&save_rlock, count, owner, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_is_owned(&save_rlock), 1);
    CHECK_EQ(gil_rlock_count(&save_rlock), 3);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(gil_rlock_release(&save_rlock), GIL_OK);
    CHECK_EQ(gil_rlock_release(&save_rlock), GIL_EPERM);
    CHECK_EQ(gil_lock_locked(&save_rlock.lock), 0);

    /* Round trip at depth 1, repeatedly (Condition.wait in a loop). */
    CHECK_EQ(gil_rlock_acquire(&save_rlock, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    for (int i = 0; i < 100; i++) {
        CHECK_EQ(gil_rlock_release_save(&save_rlock, &count, &owner), GIL_OK);
        CHECK_EQ(count, 1);
        CHECK_EQ(gil_rlock_restore(&save_rlock, count, owner, 0),
                 GIL_LOCK_ACQUIRED);
    }
    CHECK_EQ(gil_rlock_count(&save_rlock), 1);
    CHECK_EQ(gil_rlock_release(&save_rlock), GIL_OK);
}

TEST(rlock_count_overflow)
{
    gil_rlock_t r = GIL_RLOCK_INIT;
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    /* Counting to 2^64 honestly is not an option: jump to the edge. */
    r.count = UINT64_MAX - 1;
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK(gil_rlock_count(&r) == UINT64_MAX);
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_EOVERFLOW);
    CHECK_EQ(gil_rlock_acquire(&r, GIL_TRY, 0), GIL_EOVERFLOW);
    /* The failed acquire changed nothing. */
    CHECK(gil_rlock_count(&r) == UINT64_MAX);
    CHECK_EQ(gil_rlock_is_owned(&r), 1);
    CHECK_EQ(gil_lock_locked(&r.lock), 1);
    CHECK_EQ(gil_rlock_release(&r), GIL_OK);
    CHECK(gil_rlock_count(&r) == UINT64_MAX - 1);
    r.count = 1;
    CHECK_EQ(gil_rlock_release(&r), GIL_OK);
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_lock_locked(&r.lock), 0);
}

TEST(rlock_after_fork_in_process)
{
    gil_rlock_t r = GIL_RLOCK_INIT;
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_rlock_acquire(&r, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    gil_rlock_after_fork(&r);
    CHECK_EQ(gil_rlock_is_owned(&r), 0);
    CHECK_EQ(gil_rlock_count(&r), 0);
    CHECK_EQ(gil_lock_locked(&r.lock), 0);
    CHECK_EQ(gil_rlock_release(&r), GIL_EPERM);
}

/* Several threads hammer one rlock with nested acquires. */
enum { RSTRESS_THREADS = 4, RSTRESS_ITERS = 20000 };
static gil_rlock_t rstress;
static uint64_t rstress_counter;
static _Atomic int rstress_errors;

static void rstress_main(void *p)
{
    (void)p;
    int errors = 0;
    for (int i = 0; i < RSTRESS_ITERS; i++) {
        if (gil_rlock_acquire(&rstress, SEC(10), 0) != GIL_LOCK_ACQUIRED) {
            errors++;
            continue;
        }
        if (gil_rlock_acquire(&rstress, GIL_TRY, 0) != GIL_LOCK_ACQUIRED)
            errors++;
        if (gil_rlock_count(&rstress) != 2)
            errors++;
        rstress_counter++;
        if (gil_rlock_release(&rstress) != GIL_OK)
            errors++;
        if (gil_rlock_release(&rstress) != GIL_OK)
            errors++;
    }
    atomic_fetch_add(&rstress_errors, errors);
}

TEST(rlock_stress)
{
    gil_rlock_init(&rstress);
    rstress_counter = 0;
    atomic_store(&rstress_errors, 0);
    gil_os_thread_t t[RSTRESS_THREADS];
    int n = 0;
    for (int i = 0; i < RSTRESS_THREADS; i++)
        if (start(rstress_main, NULL, &t[n]))
            n++;
    for (int i = 0; i < n; i++)
        CHECK_EQ(gil_os_thread_join(t[i]), GIL_OK);
    CHECK_EQ(atomic_load(&rstress_errors), 0);
    CHECK_EQ(rstress_counter, (uint64_t)n * RSTRESS_ITERS);
    CHECK_EQ(gil_lock_locked(&rstress.lock), 0);
}

/* ---- gil_event ------------------------------------------------------------ */

TEST(event_set_clear_is_set)
{
    static gil_event_t s = GIL_EVENT_INIT;
    CHECK_EQ(gil_event_is_set(&s), 0);
    gil_event_t e;
    memset(&e, 0xff, sizeof e);
    gil_event_init(&e);
    CHECK_EQ(gil_event_is_set(&e), 0);
    gil_event_set(&e);
    CHECK_EQ(gil_event_is_set(&e), 1);
    gil_event_set(&e);
    CHECK_EQ(gil_event_is_set(&e), 1);
    gil_event_clear(&e);
    CHECK_EQ(gil_event_is_set(&e), 0);
    gil_event_clear(&e);
    CHECK_EQ(gil_event_is_set(&e), 0);
    gil_event_set(&e);
    CHECK_EQ(gil_event_is_set(&e), 1);
}

TEST(event_wait_try)
{
    gil_event_t e = GIL_EVENT_INIT;
    int64_t t0 = now();
    CHECK_EQ(gil_event_wait(&e, GIL_TRY, 0), GIL_LOCK_TIMEOUT);
    CHECK_EQ(gil_event_wait(&e, GIL_TRY, GIL_LOCK_INTERRUPTIBLE),
             GIL_LOCK_TIMEOUT);
    CHECK(now() - t0 < SEC(1));
    CHECK_EQ(gil_event_is_set(&e), 0);
    gil_event_set(&e);
    CHECK_EQ(gil_event_wait(&e, GIL_TRY, 0), GIL_LOCK_ACQUIRED);
    /* Waiting does not consume the event. */
    CHECK_EQ(gil_event_is_set(&e), 1);
}

TEST(event_wait_when_already_set)
{
    gil_event_t e = GIL_EVENT_INIT;
    gil_event_set(&e);
    int64_t t0 = now();
    CHECK_EQ(gil_event_wait(&e, GIL_FOREVER, 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_event_wait(&e, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_event_wait(&e, INT64_MAX, GIL_LOCK_INTERRUPTIBLE),
             GIL_LOCK_ACQUIRED);
    CHECK(now() - t0 < SEC(1));
}

TEST(event_timed_wait_times_out)
{
    gil_event_t e = GIL_EVENT_INIT;
    int64_t t0 = now();
    CHECK_EQ(gil_event_wait(&e, MS(50), 0), GIL_LOCK_TIMEOUT);
    int64_t el = now() - t0;
    CHECK(el >= MS(45));
    CHECK(el < SEC(2));
    /* A timed-out wait leaves the event clear, and still settable. */
    CHECK_EQ(gil_event_is_set(&e), 0);
    gil_event_clear(&e);
    CHECK_EQ(gil_event_is_set(&e), 0);
    gil_event_set(&e);
    CHECK_EQ(gil_event_is_set(&e), 1);
    CHECK_EQ(gil_event_wait(&e, MS(50), 0), GIL_LOCK_ACQUIRED);
}

typedef struct ewaiter {
    gil_event_t *e;
    int64_t timeout;
    int flags;
    pthread_t self;
    _Atomic int result;
    _Atomic int64_t elapsed;
    gil_event_t started, done;
} ewaiter_t;

static void ewaiter_main(void *p)
{
    ewaiter_t *w = p;
    w->self = pthread_self();
    gil_event_set(&w->started);
    int64_t t0 = now();
    atomic_store(&w->result, gil_event_wait(w->e, w->timeout, w->flags));
    atomic_store(&w->elapsed, now() - t0);
    gil_event_set(&w->done);
}

TEST(event_many_waiters_one_set)
{
    enum { N = 8 };
    static gil_event_t e;
    static ewaiter_t w[N];
    gil_os_thread_t t[N];
    int ok[N];
    gil_event_init(&e);
    memset(w, 0, sizeof w);
    for (int i = 0; i < N; i++) {
        w[i].e = &e;
        /* Mixed: forever-ish, timed, interruptible. */
        w[i].timeout = i % 2 ? SEC(5) : INT64_MAX;
        w[i].flags = i % 3 == 0 ? GIL_LOCK_INTERRUPTIBLE : 0;
        atomic_store(&w[i].result, -100);
        ok[i] = start(ewaiter_main, &w[i], &t[i]);
    }
    for (int i = 0; i < N; i++)
        if (ok[i])
            CHECK_EQ(gil_event_wait(&w[i].started, SEC(5), 0),
                     GIL_LOCK_ACQUIRED);
    gil_os_sleep_ns(MS(30));
    for (int i = 0; i < N; i++)
        CHECK_EQ(gil_event_is_set(&w[i].done), 0);
    gil_event_set(&e);
    for (int i = 0; i < N; i++) {
        if (!ok[i])
            continue;
        CHECK(join_when_done(t[i], &w[i].done));
        CHECK_EQ(atomic_load(&w[i].result), GIL_LOCK_ACQUIRED);
        CHECK(atomic_load(&w[i].elapsed) < SEC(4));
    }
    CHECK_EQ(gil_event_is_set(&e), 1);
}

/* Two threads alternate through a pair of events, clearing each after
** waiting for it: the clear-with-waiters state is exercised every round. */
enum { EPING_ROUNDS = 3000 };
static gil_event_t eping, epong;
static _Atomic int eping_errors;

static void epong_main(void *p)
{
    (void)p;
    for (int i = 0; i < EPING_ROUNDS; i++) {
        if (gil_event_wait(&eping, SEC(5), 0) != GIL_LOCK_ACQUIRED) {
            atomic_fetch_add(&eping_errors, 1);
            return;
        }
        gil_event_clear(&eping);
        gil_event_set(&epong);
    }
}

TEST(event_pingpong)
{
    gil_event_init(&eping);
    gil_event_init(&epong);
    atomic_store(&eping_errors, 0);
    gil_os_thread_t t;
    if (!start(epong_main, NULL, &t))
        return;
    int rounds = 0;
    for (int i = 0; i < EPING_ROUNDS; i++) {
        gil_event_set(&eping);
        if (gil_event_wait(&epong, SEC(5), 0) != GIL_LOCK_ACQUIRED) {
            atomic_fetch_add(&eping_errors, 1);
            break;
        }
        gil_event_clear(&epong);
        rounds++;
    }
    CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(rounds, EPING_ROUNDS);
    CHECK_EQ(atomic_load(&eping_errors), 0);
}

TEST(event_interruptible_returns_intr)
{
#if GIL_NO_FUTEX
    printf("  note: GIL_NO_FUTEX build: the POSIX fallback cannot be "
           "interrupted by signals; skipped\n");
#else
    static gil_event_t e;
    static ewaiter_t w;
    gil_event_init(&e);
    memset(&w, 0, sizeof w);
    w.e = &e;
    w.timeout = SEC(5);
    w.flags = GIL_LOCK_INTERRUPTIBLE;
    atomic_store(&w.result, -100);
    struct sigaction old;
    usr1_install(&old);
    atomic_store(&usr1_hits, 0);
    gil_os_thread_t t;
    if (!start(ewaiter_main, &w, &t)) {
        usr1_restore(&old);
        return;
    }
    CHECK_EQ(gil_event_wait(&w.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    kick_until_done(w.self, &w.done);
    CHECK(join_when_done(t, &w.done));
    usr1_restore(&old);
    CHECK_EQ(atomic_load(&w.result), GIL_LOCK_INTR);
    CHECK(atomic_load(&w.elapsed) < SEC(4));
    CHECK_EQ(gil_event_is_set(&e), 0);
#endif
}

TEST(event_not_interruptible_without_flag)
{
    static gil_event_t e;
    static ewaiter_t w;
    gil_event_init(&e);
    memset(&w, 0, sizeof w);
    w.e = &e;
    w.timeout = SEC(5);
    atomic_store(&w.result, -100);
    struct sigaction old;
    usr1_install(&old);
    atomic_store(&usr1_hits, 0);
    gil_os_thread_t t;
    if (!start(ewaiter_main, &w, &t)) {
        usr1_restore(&old);
        return;
    }
    CHECK_EQ(gil_event_wait(&w.started, SEC(5), 0), GIL_LOCK_ACQUIRED);
    kick_n(w.self, 5);
    CHECK_EQ(gil_event_is_set(&w.done), 0);
    gil_event_set(&e);
    CHECK(join_when_done(t, &w.done));
    usr1_restore(&old);
    CHECK_EQ(atomic_load(&w.result), GIL_LOCK_ACQUIRED);
    CHECK(atomic_load(&w.elapsed) < SEC(4));
    CHECK(atomic_load(&usr1_hits) >= 1 && atomic_load(&usr1_hits) <= 5);
}
