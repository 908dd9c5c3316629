/*
** gilstate.c — foreign threads: CPython's PyGILState_Ensure / Release.
**
** A thread libgil did not start gets a thread state the first time it
** calls gil_gilstate_ensure; it stays bound to the thread (tstate.c's
** `bound` thread-local) until the outermost release deletes it.  The
** nesting counter lives in the state and is touched only by its thread.
** gilstate_counter == 0 at creation marks "created by ensure".
*/
#include "internal.h"

int gil_gilstate_ensure(gil_interp_t *interp)
{
    gil_tstate_t *ts = gil_tstate_bound();
    if (!ts) {
        ts = gil_tstate_new(interp);
        if (!ts)
            return GIL_ENOMEM;
        gil_tstate_bind(ts);
        gil_tstate_set_bound(ts);
        ts->gilstate_counter = 0;
        gil_attach(ts);
        ts->gilstate_counter++;
        return GIL_GILSTATE_UNLOCKED;
    }
    if (ts->interp != interp)
        return GIL_EINVAL;
    gil_tstate_t *cur = gil_tstate_current();
    if (cur && cur != ts)
        return GIL_EINVAL;
    int had = cur == ts;
    if (!had)
        gil_attach(ts);
    ts->gilstate_counter++;
    return had ? GIL_GILSTATE_LOCKED : GIL_GILSTATE_UNLOCKED;
}

void gil_gilstate_release(int state)
{
    gil_tstate_t *ts = gil_tstate_bound();
    if (!ts)
        gil_fatal("gil_gilstate_release: no thread state bound to this thread");
    if (gil_tstate_current() != ts)
        gil_fatal("gil_gilstate_release: the thread state must be current");
    if (--ts->gilstate_counter == 0) {
        /* Destructors run by the clear hook may ensure/release again. */
        ts->gilstate_counter = 1;
        gil_tstate_clear(ts);
        ts->gilstate_counter = 0;
        gil_tstate_delete_current();
    } else if (state == GIL_GILSTATE_UNLOCKED) {
        gil_detach();
    }
}

int gil_gilstate_check(void)
{
    gil_tstate_t *ts = gil_tstate_bound();
    return ts && gil_tstate_current() == ts && gil_holds(ts);
}
