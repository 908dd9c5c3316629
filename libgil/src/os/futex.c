/*
** futex.c — wait for a 32-bit word to change: the one blocking primitive
** every lock, event and GIL wait in libgil is built on.
**
** Linux: the futex system call (FUTEX_WAIT_BITSET with an absolute
** CLOCK_MONOTONIC deadline, so retries after EINTR never drift).
**
** Elsewhere, or with GIL_NO_FUTEX=1: an emulation with a fixed table of
** mutex+condvar buckets hashed by address.  A waiter checks the word under
** its bucket's mutex before sleeping, and a waker takes the same mutex
** before broadcasting, so no wake-up is lost.  Broadcast wakes every
** waiter of the bucket; callers treat extra wake-ups as spurious.  The
** table is the one piece of process-wide state in libgil: it stands in
** for the kernel's futex table, holds no runtime state and is re-created
** in a fork child.  Condition waits cannot be interrupted by signals, so
** in this mode GIL_EINTR_STATUS is never returned (as with CPython's
** "mutex+cond" locks).
*/
#include <errno.h>
#include <stdint.h>
#include <time.h>

#include "gil/config.h"
#include "gil/error.h"
#include "gil/os.h"

#if !GIL_NO_FUTEX
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

int gil_os_futex_wait(_Atomic uint32_t *addr, uint32_t expected,
                      int64_t deadline)
{
    struct timespec ts, *tp = NULL;
    if (deadline != GIL_NO_DEADLINE) {
        if (deadline < 0)
            deadline = 0;
        ts.tv_sec = deadline / 1000000000;
        ts.tv_nsec = deadline % 1000000000;
        tp = &ts;
    }
    int saved = errno;
    long r = syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_BITSET_PRIVATE,
                     expected, tp, NULL, FUTEX_BITSET_MATCH_ANY);
    int err = errno;
    errno = saved;
    if (r == 0)
        return 0;
    if (err == ETIMEDOUT)
        return GIL_ETIMEDOUT;
    if (err == EINTR)
        return GIL_EINTR_STATUS;
    return 0;   /* EAGAIN: the word already differs */
}

void gil_os_futex_wake(_Atomic uint32_t *addr, int n)
{
    int saved = errno;
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
    errno = saved;
}

void gil_os_futex_after_fork(void) {}

#else /* GIL_NO_FUTEX: portable emulation */
#include <pthread.h>

#define NBUCKETS 64

typedef struct bucket {
    pthread_mutex_t mu;
    pthread_cond_t cv;
} bucket_t;

static bucket_t buckets[NBUCKETS];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void buckets_init(void)
{
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    for (int i = 0; i < NBUCKETS; i++) {
        pthread_mutex_init(&buckets[i].mu, NULL);
        pthread_cond_init(&buckets[i].cv, &ca);
    }
    pthread_condattr_destroy(&ca);
}

static bucket_t *bucket_of(_Atomic uint32_t *addr)
{
    pthread_once(&buckets_once, buckets_init);
    uintptr_t a = (uintptr_t)addr;
    return &buckets[((a >> 2) ^ (a >> 9)) % NBUCKETS];
}

int gil_os_futex_wait(_Atomic uint32_t *addr, uint32_t expected,
                      int64_t deadline)
{
    bucket_t *b = bucket_of(addr);
    int saved = errno, rc = 0;
    pthread_mutex_lock(&b->mu);
    if (atomic_load(addr) == expected) {
        if (deadline == GIL_NO_DEADLINE) {
            pthread_cond_wait(&b->cv, &b->mu);
        } else {
            struct timespec ts;
            if (deadline < 0)
                deadline = 0;
            ts.tv_sec = deadline / 1000000000;
            ts.tv_nsec = deadline % 1000000000;
            if (pthread_cond_timedwait(&b->cv, &b->mu, &ts) == ETIMEDOUT)
                rc = GIL_ETIMEDOUT;
        }
    }
    pthread_mutex_unlock(&b->mu);
    errno = saved;
    return rc;
}

void gil_os_futex_wake(_Atomic uint32_t *addr, int n)
{
    (void)n;
    bucket_t *b = bucket_of(addr);
    pthread_mutex_lock(&b->mu);
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
}

void gil_os_futex_after_fork(void)
{
    /* Another thread may have held a bucket mutex at fork time. */
    buckets_init();
}
#endif
