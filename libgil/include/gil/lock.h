/*
** gil/lock.h — locks that know nothing of the GIL.
**
** gil_lock_t is CPython's PyThread_type_lock: binary, *unowned* (any thread
** may release it; a thread that acquires it twice blocks on itself).  One
** 32-bit word: uncontended acquire + release are one compare-and-swap and
** one exchange; only contended paths enter the kernel (a futex on Linux).
** It is not fair: a releasing thread may take it straight back (barging),
** which is what makes the uncontended path free.
**
** gil_rlock_t is the recursive lock of threading.RLock: an owner ident and
** a count on top of a gil_lock_t.
**
** gil_event_t is a flag threads can wait for (set / clear / wait with a
** timeout), used for thread start-up and join.
**
** None of these touch the GIL: a caller that holds it and may block should
** first try with GIL_TRY (timeout 0) and only then wait inside
** GIL_BEGIN_ALLOW_THREADS / GIL_END_ALLOW_THREADS.
**
** All may be zero-initialised statically (GIL_LOCK_INIT etc.) and need no
** destruction.  They must not be moved or copied while in use.
*/
#ifndef GIL_LOCK_H
#define GIL_LOCK_H

#include <stdatomic.h>
#include <stdint.h>

#include "gil/os.h"

/* What a timed acquire or wait returns. */
typedef enum gil_lock_status {
    GIL_LOCK_TIMEOUT = 0,   /* not acquired: the timeout expired (or try failed) */
    GIL_LOCK_ACQUIRED = 1,  /* acquired */
    GIL_LOCK_INTR = 2       /* a signal handler ran while waiting (only with
                            ** GIL_LOCK_INTERRUPTIBLE); not acquired */
} gil_lock_status_t;

/* Timeouts (ns): GIL_FOREVER (-1), GIL_TRY (0), or a positive duration. */
#define GIL_TRY ((int64_t)0)

/* flags for the timed functions */
#define GIL_LOCK_INTERRUPTIBLE 1  /* return GIL_LOCK_INTR when a signal
                                  ** handler ran; otherwise waits resume */

typedef struct gil_lock {
    _Atomic uint32_t word;  /* 0 free, 1 held, 2 held and maybe waited for */
} gil_lock_t;
#define GIL_LOCK_INIT {0}

void gil_lock_init(gil_lock_t *l);
/* Acquire within timeout_ns.  Any timeout < 0 means forever. */
gil_lock_status_t gil_lock_acquire(gil_lock_t *l, int64_t timeout_ns, int flags);
/* The uncontended fast path: one CAS. 1 if acquired. */
static inline int gil_lock_try(gil_lock_t *l)
{
    uint32_t zero = 0;
    return atomic_compare_exchange_strong_explicit(
        &l->word, &zero, 1, memory_order_acquire, memory_order_relaxed);
}
/* Release; GIL_EPERM (and nothing changes) if it was not held. */
int gil_lock_release(gil_lock_t *l);
int gil_lock_locked(const gil_lock_t *l);   /* 1 if held (a snapshot) */
/* Make a fresh unlocked lock in the child after fork(), whatever state the
** parent's threads left it in. */
void gil_lock_after_fork(gil_lock_t *l);

typedef struct gil_rlock {
    gil_lock_t lock;
    _Atomic uint64_t owner;   /* gil_os_thread_ident of the owner, 0 none */
    uint64_t count;           /* recursion depth; written only by the owner */
} gil_rlock_t;
#define GIL_RLOCK_INIT {GIL_LOCK_INIT, 0, 0}

void gil_rlock_init(gil_rlock_t *r);
/* Acquire (recursively if the caller owns it).  Returns a lock status, or
** GIL_EOVERFLOW (negative) if the count would wrap. */
int gil_rlock_acquire(gil_rlock_t *r, int64_t timeout_ns, int flags);
/* Release one level; GIL_EPERM if the caller is not the owner. */
int gil_rlock_release(gil_rlock_t *r);
/* 1 if the calling thread owns it. */
int gil_rlock_is_owned(const gil_rlock_t *r);
/* Recursion count if the caller owns it, else 0. */
uint64_t gil_rlock_count(const gil_rlock_t *r);
/* Release all levels at once (Condition.wait); *count and *owner receive
** what gil_rlock_restore needs.  GIL_EPERM if not owned by the caller. */
int gil_rlock_release_save(gil_rlock_t *r, uint64_t *count, uint64_t *owner);
/* Re-acquire (forever) and restore a saved count and owner. */
gil_lock_status_t gil_rlock_restore(gil_rlock_t *r, uint64_t count,
                                    uint64_t owner, int flags);
void gil_rlock_after_fork(gil_rlock_t *r);

typedef struct gil_event {
    _Atomic uint32_t state;   /* 0 clear, 1 set, 2 clear with waiters */
} gil_event_t;
#define GIL_EVENT_INIT {0}

void gil_event_init(gil_event_t *e);
void gil_event_set(gil_event_t *e);     /* wakes every waiter */
void gil_event_clear(gil_event_t *e);
int gil_event_is_set(const gil_event_t *e);
/* Wait until set.  GIL_LOCK_ACQUIRED when set, GIL_LOCK_TIMEOUT, or
** GIL_LOCK_INTR (with GIL_LOCK_INTERRUPTIBLE). */
gil_lock_status_t gil_event_wait(gil_event_t *e, int64_t timeout_ns, int flags);

#endif /* GIL_LOCK_H */
