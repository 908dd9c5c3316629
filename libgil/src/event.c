/*
** event.c — gil_event_t, a flag that threads wait for.
**
** state: 0 clear, 1 set, 2 clear and some thread may be asleep on it.  A
** waiter moves 0->2 before sleeping so that set(), which exchanges in 1,
** knows whether to call the kernel.  A waiter woken by set() that finds the
** event cleared again before it ran goes back to sleep: callers that need
** "woken by a set" semantics (Python's Event) build them on a condition.
*/
#include "internal.h"

void gil_event_init(gil_event_t *e)
{
    atomic_init(&e->state, 0);
}

void gil_event_set(gil_event_t *e)
{
    if (atomic_exchange_explicit(&e->state, 1, memory_order_release) == 2)
        gil_os_futex_wake(&e->state, INT32_MAX);
}

void gil_event_clear(gil_event_t *e)
{
    uint32_t one = 1;
    atomic_compare_exchange_strong_explicit(&e->state, &one, 0,
                                            memory_order_relaxed, RELAXED);
}

int gil_event_is_set(const gil_event_t *e)
{
    return atomic_load_explicit((_Atomic uint32_t *)&e->state,
                                memory_order_acquire) == 1;
}

gil_lock_status_t gil_event_wait(gil_event_t *e, int64_t timeout_ns, int flags)
{
    int64_t deadline = GIL_NO_DEADLINE;
    if (timeout_ns > 0)
        deadline = gil_deadline(timeout_ns);
    for (;;) {
        uint32_t s = atomic_load_explicit(&e->state, memory_order_acquire);
        if (s == 1)
            return GIL_LOCK_ACQUIRED;
        if (timeout_ns == 0)
            return GIL_LOCK_TIMEOUT;
        if (s == 0 && !atomic_compare_exchange_weak_explicit(
                          &e->state, &s, 2, RELAXED, RELAXED))
            continue;
        int r = gil_os_futex_wait(&e->state, 2, deadline);
        if (r == GIL_ETIMEDOUT)
            return gil_event_is_set(e) ? GIL_LOCK_ACQUIRED : GIL_LOCK_TIMEOUT;
        if (r == GIL_EINTR_STATUS && (flags & GIL_LOCK_INTERRUPTIBLE))
            return GIL_LOCK_INTR;
    }
}
