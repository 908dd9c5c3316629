/*
** asyncexc.c — asynchronous exceptions: CPython's PyThreadState_SetAsyncExc.
** The target is found under the head lock, so it cannot be freed while its
** exception slot is exchanged; the replaced exception is released after the
** lock is dropped, because releasing may run embedder code.
*/
#include "internal.h"

typedef struct find {
    uint64_t ident;
    void *exc;
    void *old;
    int count;
} find_t;

static int set_one(gil_tstate_t *ts, void *arg)
{
    find_t *f = arg;
    if (atomic_load(&ts->ident) != f->ident)
        return 0;
    f->old = atomic_exchange(&ts->async_exc, f->exc);
    if (f->exc)
        gil_breaker_set(ts, GIL_BREAK_ASYNC_EXC);
    f->count = 1;
    return 1;
}

int gil_async_exc_set(gil_interp_t *interp, uint64_t ident, void *exc)
{
    if (!interp->hooks.async_exc)
        return GIL_EINVAL;
    find_t f = {ident, exc, NULL, 0};
    gil_interp_foreach(interp, set_one, &f);
    if (f.old && interp->hooks.exc_release)
        interp->hooks.exc_release(f.old);
    /* Nobody took the new exception: the caller's reference is ours. */
    if (!f.count && exc && interp->hooks.exc_release)
        interp->hooks.exc_release(exc);
    return f.count;
}
