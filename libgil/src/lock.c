/*
** lock.c — gil_lock_t (unowned binary lock) and gil_rlock_t (recursive).
**
** gil_lock_t is the three-state futex mutex of Drepper's "Futexes Are
** Tricky": the word is 0 (free), 1 (held, nobody waits) or 2 (held, maybe
** waiters).  Acquire CASes 0->1; release exchanges in 0 and calls the
** kernel only if it saw 2.  A contender exchanges in 2 before sleeping, so
** a releaser that sees 1 knows nobody can be asleep.  Because the word says
** nothing about *who* holds it, any thread may release — the semantics of
** CPython's PyThread_type_lock, which Python's Lock exposes.
**
** The lock barges: a thread releasing and re-acquiring can win against a
** woken waiter.  That keeps the uncontended path at two atomic
** instructions; fairness belongs to the GIL, not to every lock.
**
** gil_rlock_t adds `owner` (a relaxed atomic so other threads may compare
** it against their own ident: only the owner ever stores its own ident
** there) and `count` (touched only by the owner while it holds the lock).
*/
#include "internal.h"

void gil_lock_init(gil_lock_t *l)
{
    atomic_init(&l->word, 0);
}

gil_lock_status_t gil_lock_acquire(gil_lock_t *l, int64_t timeout_ns,
                                   int flags)
{
    if (gil_lock_try(l))
        return GIL_LOCK_ACQUIRED;
    if (timeout_ns == 0)
        return GIL_LOCK_TIMEOUT;
    int64_t deadline = gil_deadline(timeout_ns);
    for (;;) {
        /* Announce ourselves: after this exchange the holder's release
        ** will see 2 and wake someone. */
        if (atomic_exchange_explicit(&l->word, 2, memory_order_acquire) == 0)
            return GIL_LOCK_ACQUIRED;
        int r = gil_os_futex_wait(&l->word, 2, deadline);
        if (r == GIL_ETIMEDOUT)
            return GIL_LOCK_TIMEOUT;
        if (r == GIL_EINTR_STATUS && (flags & GIL_LOCK_INTERRUPTIBLE))
            return GIL_LOCK_INTR;
    }
}

int gil_lock_release(gil_lock_t *l)
{
    uint32_t old = atomic_exchange_explicit(&l->word, 0, memory_order_release);
    if (old == 0)
        return GIL_EPERM;   /* it was free: storing 0 changed nothing */
    if (old == 2)
        gil_os_futex_wake(&l->word, 1);
    return GIL_OK;
}

int gil_lock_locked(const gil_lock_t *l)
{
    return atomic_load_explicit((_Atomic uint32_t *)&l->word, RELAXED) != 0;
}

void gil_lock_after_fork(gil_lock_t *l)
{
    /* Threads that waited on it do not exist in the child. */
    atomic_init(&l->word, 0);
}

/* ---- recursive lock ----------------------------------------------------- */

void gil_rlock_init(gil_rlock_t *r)
{
    gil_lock_init(&r->lock);
    atomic_init(&r->owner, 0);
    r->count = 0;
}

int gil_rlock_acquire(gil_rlock_t *r, int64_t timeout_ns, int flags)
{
    uint64_t me = gil_os_thread_ident();
    if (ALOAD(&r->owner) == me) {
        if (r->count == UINT64_MAX)
            return GIL_EOVERFLOW;
        r->count++;
        return GIL_LOCK_ACQUIRED;
    }
    gil_lock_status_t st = gil_lock_acquire(&r->lock, timeout_ns, flags);
    if (st == GIL_LOCK_ACQUIRED) {
        ASTORE(&r->owner, me);
        r->count = 1;
    }
    return st;
}

int gil_rlock_release(gil_rlock_t *r)
{
    if (ALOAD(&r->owner) != gil_os_thread_ident() || r->count == 0)
        return GIL_EPERM;
    if (--r->count == 0) {
        ASTORE(&r->owner, 0);
        gil_lock_release(&r->lock);
    }
    return GIL_OK;
}

int gil_rlock_is_owned(const gil_rlock_t *r)
{
    return ALOAD((_Atomic uint64_t *)&r->owner) == gil_os_thread_ident();
}

uint64_t gil_rlock_count(const gil_rlock_t *r)
{
    return gil_rlock_is_owned(r) ? r->count : 0;
}

int gil_rlock_release_save(gil_rlock_t *r, uint64_t *count, uint64_t *owner)
{
    if (!gil_rlock_is_owned(r) || r->count == 0)
        return GIL_EPERM;
    *count = r->count;
    *owner = ALOAD(&r->owner);
    r->count = 0;
    ASTORE(&r->owner, 0);
    gil_lock_release(&r->lock);
    return GIL_OK;
}

gil_lock_status_t gil_rlock_restore(gil_rlock_t *r, uint64_t count,
                                    uint64_t owner, int flags)
{
    gil_lock_status_t st = gil_lock_acquire(&r->lock, GIL_FOREVER, flags);
    if (st == GIL_LOCK_ACQUIRED) {
        ASTORE(&r->owner, owner);
        r->count = count;
    }
    return st;
}

void gil_rlock_after_fork(gil_rlock_t *r)
{
    gil_rlock_init(r);
}
