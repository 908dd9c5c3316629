/*
** breaker.c — what the eval loop runs when GIL_POLL(ts) says so.
**
** Events are handled in CPython's order: signals first (prompt Ctrl-C),
** then pending calls, then the legacy tick, then a GIL drop request (so the
** calls queued for this thread run before it lets others in), and the
** async exception last, so it is raised after everything else is done.
** Each bit is cleared *before* its work runs: an event that arrives during
** the work sets it again and is seen at the next poll, never lost.
*/
#include "internal.h"

static int handle_async_exc(gil_tstate_t *ts)
{
    gil_breaker_clear(ts, GIL_BREAK_ASYNC_EXC);
    void *exc = atomic_exchange(&ts->async_exc, NULL);
    if (!exc)
        return 0;
    if (!ts->interp->hooks.async_exc) {
        if (ts->interp->hooks.exc_release)
            ts->interp->hooks.exc_release(exc);
        return 0;
    }
    return ts->interp->hooks.async_exc(ts, exc);
}

int gil_breaker_handle(gil_tstate_t *ts)
{
    uintptr_t bits = gil_breaker_get(ts);
    if ((bits & GIL_BREAK_SIGNALS) && gil_signals_run(ts) < 0)
        return -1;
    if (bits & GIL_BREAK_CALLS) {
        gil_breaker_clear(ts, GIL_BREAK_CALLS);
        if (gil_pending_run(ts) < 0)
            return -1;
    }
    if (bits & GIL_BREAK_TICK)
        gil_tick(ts);
    if (gil_breaker_get(ts) & GIL_BREAK_DROP)
        gil_handle_drop_request(ts);
    if (bits & GIL_BREAK_ASYNC_EXC)
        return handle_async_exc(ts);
    return 0;
}
