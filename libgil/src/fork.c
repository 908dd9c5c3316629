/*
** fork.c — keeping libgil consistent across fork().
**
** Only the forking thread exists in the child, and every lock another
** thread held at that instant would stay held forever.  So `before` takes
** the head lock and every GIL's internal mutex (in the lock order: head,
** then each mu) — the GIL itself is held by the caller — and the child
** re-creates them all instead of unlocking (CPython's
** _PyThread_at_fork_reinit: the old lock's memory may be mid-update).
** The child then rebuilds each GIL around the survivor, frees the thread
** states and handles of the threads that are gone, and makes the survivor
** the main thread that receives signals.
*/
#include "internal.h"

void gil_fork_before(gil_runtime_t *rt)
{
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    for (gil_interp_t *i = rt->interps; i; i = i->next)
        gil_lock_acquire(&i->gil.mu, GIL_FOREVER, 0);
}

void gil_fork_after_parent(gil_runtime_t *rt)
{
    for (gil_interp_t *i = rt->interps; i; i = i->next)
        gil_lock_release(&i->gil.mu);
    gil_lock_release(&rt->head);
}

void gil_fork_after_child(gil_runtime_t *rt)
{
    gil_os_futex_after_fork();
    gil_lock_after_fork(&rt->head);
    gil_tstate_t *me = gil_tstate_current();
    uint64_t ident = gil_os_thread_ident();
    atomic_store(&rt->main_thread, ident);
    atomic_store(&rt->main_tstate, NULL);
    for (gil_interp_t *i = rt->interps; i; i = i->next) {
        gil_tstate_t *keep = me && me->interp == i ? me : NULL;
        gil_after_fork(&i->gil, keep);
        gil_pending_after_fork(&i->pending);
        atomic_store(&i->nrunning, 0);
        gil_tstate_free_list_after_fork(i, keep);
        if (keep && i == rt->main_interp)
            atomic_store(&rt->main_tstate, keep);
    }
    gil_pending_after_fork(&rt->pending_main);
    gil_thread_after_fork(rt, ident);
    if (me)
        atomic_store(&me->ident, ident);
}
