/*
** runtime.c — gil_runtime_t: the process-level state (CPython's _PyRuntime,
** but explicit: libgil keeps no global pointing at it).  Guarded by its own
** head lock: the interpreter list, the handle list and the dead-hook list.
** The main thread is the one that created the runtime (fork re-assigns it).
*/
#include <stdlib.h>

#include "internal.h"

gil_runtime_t *gil_runtime_new(void)
{
    gil_runtime_t *rt = calloc(1, sizeof *rt);
    if (!rt)
        return NULL;
    gil_lock_init(&rt->head);
    atomic_init(&rt->main_thread, gil_os_thread_ident());
    atomic_init(&rt->main_tstate, NULL);
    atomic_init(&rt->signals, 0);
    atomic_init(&rt->hook_mask, 0);
    for (int i = 0; i < GIL_MAX_HOOKS; i++)
        atomic_init(&rt->hooks[i], NULL);
    gil_pending_init(&rt->pending_main);
    return rt;
}

/* The interpreter is being torn down with its runtime: free what is left. */
static void interp_free_all(gil_interp_t *interp)
{
    gil_tstate_t *ts = interp->tstates;
    while (ts) {
        gil_tstate_t *next = ts->next;
        if (gil_tstate_current() == ts)
            gil_tstate_set_current(NULL);
        free(ts);
        ts = next;
    }
    free(interp);
}

int gil_runtime_free(gil_runtime_t *rt)
{
    if (!rt)
        return GIL_OK;
    gil_tstate_t *mine = gil_tstate_current();
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    for (gil_interp_t *i = rt->interps; i; i = i->next) {
        uintptr_t w = atomic_load(&i->gil.word);
        gil_tstate_t *owner = (gil_tstate_t *)(w & ~GIL_WAITERS);
        if ((owner && owner != mine) || ALOAD(&i->gil.nwaiters)) {
            gil_lock_release(&rt->head);
            return GIL_EBUSY;
        }
    }
    gil_interp_t *i = rt->interps;
    rt->interps = NULL;
    gil_lock_release(&rt->head);
    while (i) {
        gil_interp_t *next = i->next;
        interp_free_all(i);
        i = next;
    }
    gil_tstate_t *b = gil_tstate_bound();
    if (b && b->interp->rt == rt)
        gil_tstate_forget_bound();
    gil_hooks_free(rt);
    free(rt);
    return GIL_OK;
}

gil_interp_t *gil_runtime_main_interp(gil_runtime_t *rt)
{
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    gil_interp_t *m = rt->main_interp;
    gil_lock_release(&rt->head);
    return m;
}

uint64_t gil_runtime_main_thread(gil_runtime_t *rt)
{
    return atomic_load(&rt->main_thread);
}

int gil_runtime_is_main_thread(gil_runtime_t *rt)
{
    return atomic_load(&rt->main_thread) == gil_os_thread_ident();
}
