/*
** interp.c — gil_interp_t: an interpreter's GIL, thread-state list,
** pending calls, embedder hooks and thread settings.  The list of
** interpreters and each interpreter's list of thread states are guarded by
** the runtime's head lock; the GIL by its own mu (gil.c).
*/
#include <stdlib.h>

#include "internal.h"

gil_interp_t *gil_interp_new(gil_runtime_t *rt)
{
    gil_interp_t *interp = calloc(1, sizeof *interp);
    if (!interp)
        return NULL;
    interp->rt = rt;
    atomic_init(&interp->nrunning, 0);
    atomic_init(&interp->stack_size, 0);
    atomic_init(&interp->finalizing, NULL);
    atomic_init(&interp->stats_timing, 0);
    gil_pending_init(&interp->pending);
    gil_init(&interp->gil);
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    interp->id = rt->next_interp_id++;
    interp->next = rt->interps;
    rt->interps = interp;
    if (!rt->main_interp)
        rt->main_interp = interp;
    gil_lock_release(&rt->head);
    return interp;
}

int gil_interp_delete(gil_interp_t *interp)
{
    gil_runtime_t *rt = interp->rt;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    if (interp->ntstates > 0) {
        gil_lock_release(&rt->head);
        return GIL_EBUSY;
    }
    for (gil_interp_t **p = &rt->interps; *p; p = &(*p)->next)
        if (*p == interp) {
            *p = interp->next;
            break;
        }
    if (rt->main_interp == interp)
        rt->main_interp = NULL;
    gil_lock_release(&rt->head);
    free(interp);
    return GIL_OK;
}

gil_runtime_t *gil_interp_runtime(const gil_interp_t *interp)
{
    return interp->rt;
}

int64_t gil_interp_id(const gil_interp_t *interp)
{
    return interp->id;
}

void gil_interp_set_hooks(gil_interp_t *interp, const gil_interp_hooks_t *h)
{
    if (h)
        interp->hooks = *h;
    else
        memset(&interp->hooks, 0, sizeof interp->hooks);
}

void *gil_interp_data(const gil_interp_t *interp)
{
    return interp->data;
}

void gil_interp_set_data(gil_interp_t *interp, void *data)
{
    interp->data = data;
}

int gil_interp_foreach(gil_interp_t *interp,
                       int (*fn)(gil_tstate_t *ts, void *arg), void *arg)
{
    int rc = 0;
    gil_lock_acquire(&interp->rt->head, GIL_FOREVER, 0);
    for (gil_tstate_t *ts = interp->tstates; ts && !rc; ts = ts->next)
        rc = fn(ts, arg);
    gil_lock_release(&interp->rt->head);
    return rc;
}

int gil_interp_nthreads(gil_interp_t *interp)
{
    gil_lock_acquire(&interp->rt->head, GIL_FOREVER, 0);
    int n = interp->ntstates;
    gil_lock_release(&interp->rt->head);
    return n;
}

size_t gil_interp_stack_size(const gil_interp_t *interp)
{
    return ALOAD(&((gil_interp_t *)interp)->stack_size);
}

int gil_interp_set_stack_size(gil_interp_t *interp, size_t size)
{
    int rc = gil_os_stack_size_check(size);
    if (rc == GIL_OK)
        ASTORE(&interp->stack_size, size);
    return rc;
}

void gil_interp_finalize_begin(gil_interp_t *interp, gil_tstate_t *ts)
{
    atomic_store(&interp->finalizing, ts);
}

int gil_interp_finalizing(const gil_interp_t *interp)
{
    return atomic_load(&((gil_interp_t *)interp)->finalizing) != NULL;
}

/* The legacy policy needs every poll to reach gil_tick(): keep
** GIL_BREAK_TICK set on every thread state while it is in force. */
void gil_interp_apply_policy_bits(gil_interp_t *interp)
{
    gil_lock_acquire(&interp->rt->head, GIL_FOREVER, 0);
    int legacy = gil_get_policy(interp) == GIL_POLICY_LEGACY;
    for (gil_tstate_t *ts = interp->tstates; ts; ts = ts->next) {
        if (legacy)
            gil_breaker_set(ts, GIL_BREAK_TICK);
        else
            gil_breaker_clear(ts, GIL_BREAK_TICK);
    }
    gil_lock_release(&interp->rt->head);
}
