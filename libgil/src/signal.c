/*
** signal.c — signals.  A C signal handler calls gil_signal_trip(): it ORs
** the signal into the runtime's tripped mask and sets GIL_BREAK_SIGNALS on
** the main thread's state — two atomic operations, no lock, no allocation,
** so it is async-signal-safe (bpo-30703: enqueuing a pending call from the
** handler is not).  The main thread runs the interpreter's `signals` hook
** at its next poll (breaker.c), one signal at a time in ascending order.
** If a handler fails (raises), the signals not yet handled are re-armed,
** so they run at a later poll, as CPython does.
*/
#include "internal.h"

int gil_signal_trip(gil_runtime_t *rt, int signum)
{
    if (signum < 1 || signum > 63)
        return GIL_EINVAL;
    atomic_fetch_or(&rt->signals, (uint64_t)1 << signum);
    gil_tstate_t *main = atomic_load(&rt->main_tstate);
    if (main)
        gil_breaker_set(main, GIL_BREAK_SIGNALS);
    return GIL_OK;
}

uint64_t gil_signal_take(gil_runtime_t *rt)
{
    return atomic_exchange(&rt->signals, 0);
}

int gil_signals_run(gil_tstate_t *ts)
{
    gil_runtime_t *rt = ts->interp->rt;
    gil_breaker_clear(ts, GIL_BREAK_SIGNALS);
    /* Only the main thread of the main interpreter runs signal handlers. */
    if (ts != atomic_load(&rt->main_tstate) || !ts->interp->hooks.signals)
        return 0;
    uint64_t mask = gil_signal_take(rt);
    while (mask) {
        uint64_t bit = mask & -mask;
        mask &= ~bit;
        if (ts->interp->hooks.signals(ts, bit) < 0) {
            if (mask) {
                atomic_fetch_or(&rt->signals, mask);
                gil_breaker_set(ts, GIL_BREAK_SIGNALS);
            }
            return -1;
        }
    }
    return 0;
}
