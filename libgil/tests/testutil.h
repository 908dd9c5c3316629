/*
** testutil.h — helpers shared by libgil's lower-layer tests (os, lock,
** tss): time units, a SIGUSR1 handler that interrupts blocking calls,
** running a function on a fresh thread, joining a worker that may be stuck.
*/
#ifndef GIL_TEST_UTIL_H
#define GIL_TEST_UTIL_H

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#include "gil.h"
#include "harness.h"

#define MS(n) ((int64_t)(n) * 1000000)
#define SEC(n) ((int64_t)(n) * 1000000000)

static inline int64_t now(void)
{
    return gil_os_monotonic_ns();
}

/* A SIGUSR1 handler installed without SA_RESTART, so that a blocking system
** call in the target thread really sees EINTR. */
static _Atomic int usr1_hits;

static inline void on_usr1(int sig)
{
    (void)sig;
    atomic_fetch_add(&usr1_hits, 1);
}

static inline void usr1_install(struct sigaction *old)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, old);
}

static inline void usr1_restore(const struct sigaction *old)
{
    sigaction(SIGUSR1, old, NULL);
}

/* Wait for a worker that sets `done` as its last act, then join it.  If it
** never finishes, detach it instead of hanging the whole test program (the
** workers' shared state is static, so a straggler touches nothing freed). */
static inline int join_when_done(gil_os_thread_t t, gil_event_t *done)
{
    if (gil_event_wait(done, SEC(10), 0) != GIL_LOCK_ACQUIRED) {
        gil_os_thread_detach(t);
        return 0;
    }
    return gil_os_thread_join(t) == GIL_OK;
}

/* Send SIGUSR1 to `target` every 10 ms (for at most 2 s) until `done` is
** set.  A signal that arrives before the thread is asleep interrupts
** nothing, so one is not enough. */
static inline void kick_until_done(pthread_t target, gil_event_t *done)
{
    int64_t t0 = now();
    while (!gil_event_is_set(done) && now() - t0 < SEC(2)) {
        gil_os_sleep_ns(MS(10));
        if (!gil_event_is_set(done))
            pthread_kill(target, SIGUSR1);
    }
}

/* Send `target` n SIGUSR1s, 10 ms apart, and give the handlers (and
** whatever the target does after them) time to run. */
static inline void kick_n(pthread_t target, int n)
{
    int64_t t0 = now();
    for (int i = 0; i < n; i++) {
        gil_os_sleep_ns(MS(10));
        pthread_kill(target, SIGUSR1);
    }
    while (atomic_load(&usr1_hits) < n && now() - t0 < SEC(2))
        gil_os_sleep_ns(MS(5));
    gil_os_sleep_ns(MS(20));
}

/* Run fn(arg) on a fresh joinable thread and join it.  The caller is
** blocked in join meanwhile, so fn may use CHECK. */
static inline void run_on_thread(void (*fn)(void *), void *arg)
{
    gil_os_thread_t t;
    int rc = gil_os_thread_start(fn, arg, 0, 0, &t);
    CHECK_EQ(rc, GIL_OK);
    if (rc == GIL_OK)
        CHECK_EQ(gil_os_thread_join(t), GIL_OK);
}

#endif
