/*
** tstate.c — thread states: creation, binding to an OS thread, clearing,
** deletion, and the two thread-locals `current` (the attached state) and
** `bound` (the state gil_gilstate_ensure uses).
**
** A thread state is linked into its interpreter's list under the runtime's
** head lock from creation to deletion; while linked, other threads may find
** it (foreach, async exceptions, pending-call notification, statistics) and
** touch its atomic fields only.  A thread deleting its own state unlinks it
** *before* releasing the GIL, so that nobody can find it once it lets go
** (an async exception set later would otherwise leak), and frees it after.
**
** The thread-locals use the initial-exec TLS model: one instruction to
** read, even from the shared library.
*/
#include <stdlib.h>

#include "internal.h"

#define TLS _Thread_local __attribute__((tls_model("initial-exec")))
TLS gil_tstate_t *gil_tls_current_;    /* attached state of this thread
                                           (read inline: gil/state.h) */
static TLS gil_tstate_t *tls_bound;     /* gilstate binding */

gil_tstate_t *gil_tstate_bound(void) { return tls_bound; }
void gil_tstate_set_current(gil_tstate_t *ts) { gil_tls_current_ = ts; }
void gil_tstate_set_bound(gil_tstate_t *ts) { tls_bound = ts; }
void gil_tstate_forget_bound(void) { tls_bound = NULL; }

gil_tstate_t *gil_tstate_new(gil_interp_t *interp)
{
    gil_tstate_t *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->interp = interp;
    atomic_init(&ts->head.breaker, 0);
    atomic_init(&ts->ident, 0);
    atomic_init(&ts->native_id, 0);
    atomic_init(&ts->async_exc, NULL);
    atomic_init(&ts->park, 0);
    atomic_init(&ts->fast_gen, 0);
    ts->gilstate_counter = 1;    /* not ensure's: release never deletes it */
    ts->park_deadline = GIL_NO_DEADLINE;
    ts->ticker = (int)gil_get_ticks(interp);
    gil_runtime_t *rt = interp->rt;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    ts->id = ++interp->next_tstate_id;
    ts->next = interp->tstates;
    if (ts->next)
        ts->next->prev = ts;
    interp->tstates = ts;
    interp->ntstates++;
    if (gil_get_policy(interp) == GIL_POLICY_LEGACY)
        gil_breaker_set(ts, GIL_BREAK_TICK);
    if (gil_pending_nonempty(&interp->pending))
        gil_breaker_set(ts, GIL_BREAK_CALLS);
    gil_lock_release(&rt->head);
    return ts;
}

int gil_tstate_bind(gil_tstate_t *ts)
{
    if (atomic_load(&ts->ident))
        return GIL_ESTATE;
    uint64_t me = gil_os_thread_ident();
    atomic_store(&ts->ident, me);
    atomic_store(&ts->native_id, gil_os_thread_native_id());
    if (!tls_bound)
        tls_bound = ts;
    /* The main thread's state in the main interpreter receives signals and
    ** main-only pending calls; pick up any that arrived before it existed. */
    gil_runtime_t *rt = ts->interp->rt;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    if (ts->interp == rt->main_interp && me == atomic_load(&rt->main_thread) &&
        !atomic_load(&rt->main_tstate)) {
        atomic_store(&rt->main_tstate, ts);
        if (gil_pending_nonempty(&rt->pending_main))
            gil_breaker_set(ts, GIL_BREAK_CALLS);
        if (atomic_load(&rt->signals))
            gil_breaker_set(ts, GIL_BREAK_SIGNALS);
    }
    gil_lock_release(&rt->head);
    return GIL_OK;
}

gil_tstate_t *gil_tstate_new_bound(gil_interp_t *interp)
{
    gil_tstate_t *ts = gil_tstate_new(interp);
    if (ts)
        gil_tstate_bind(ts);
    return ts;
}

void gil_tstate_clear(gil_tstate_t *ts)
{
    gil_interp_t *interp = ts->interp;
    if (interp->hooks.tstate_clear)
        interp->hooks.tstate_clear(ts);
    void *exc = atomic_exchange(&ts->async_exc, NULL);
    if (exc && interp->hooks.exc_release)
        interp->hooks.exc_release(exc);
    gil_breaker_clear(ts, GIL_BREAK_ASYNC_EXC);
    ts->cleared = 1;
}

/* Take ts out of its interpreter's list (head lock). */
static void unlink_state(gil_tstate_t *ts)
{
    gil_interp_t *interp = ts->interp;
    gil_runtime_t *rt = interp->rt;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    if (ts->prev)
        ts->prev->next = ts->next;
    else
        interp->tstates = ts->next;
    if (ts->next)
        ts->next->prev = ts->prev;
    ts->prev = ts->next = NULL;
    interp->ntstates--;
    gil_tstate_t *expect = ts;
    atomic_compare_exchange_strong(&rt->main_tstate, &expect, NULL);
    gil_lock_release(&rt->head);
}

/* ts is unlinked and nobody holds a pointer to it any more: keep its
** statistics in the interpreter's totals and free it. */
static void free_state(gil_tstate_t *ts)
{
    gil_interp_t *interp = ts->interp;
    gil_forget_state(&interp->gil, ts);
    if (tls_bound == ts)
        tls_bound = NULL;
    gil_lock_acquire(&interp->rt->head, GIL_FOREVER, 0);
    gil_counters_add(&interp->retired, &ts->stats);
    gil_lock_release(&interp->rt->head);
    /* An async exception set before the unlink but after the clear. */
    void *exc = atomic_exchange(&ts->async_exc, NULL);
    if (exc && interp->hooks.exc_release)
        interp->hooks.exc_release(exc);
    free(ts);
}

void gil_tstate_delete(gil_tstate_t *ts)
{
    if (ts == gil_tls_current_)
        gil_fatal("gil_tstate_delete: the thread state is still current");
    if (gil_holds(ts))
        gil_fatal("gil_tstate_delete: the thread state holds the GIL");
    unlink_state(ts);
    free_state(ts);
}

void gil_tstate_delete_current(void)
{
    gil_tstate_t *ts = gil_tls_current_;
    if (!ts)
        gil_fatal("gil_tstate_delete_current: no current thread state");
    if (!ts->cleared)
        gil_tstate_clear(ts);
    unlink_state(ts);
    gil_tls_current_ = NULL;
    gil_drop_final(ts);
    free_state(ts);
}

gil_tstate_t *gil_tstate_swap(gil_tstate_t *ts)
{
    gil_tstate_t *old = gil_tls_current_;
    if (old == ts)
        return old;
    if (old) {
        gil_tls_current_ = NULL;
        gil_drop(old);
    }
    if (ts)
        gil_attach(ts);
    return old;
}

void gil_attach(gil_tstate_t *ts)
{
    if (!ts)
        gil_fatal("gil_attach: NULL thread state");
    if (gil_tls_current_)
        gil_fatal("gil_attach: this thread already has a current thread state");
    gil_take(ts);
    gil_tls_current_ = ts;
}

gil_tstate_t *gil_detach(void)
{
    gil_tstate_t *ts = gil_tls_current_;
    if (!ts)
        gil_fatal("gil_detach: no current thread state");
    gil_tls_current_ = NULL;
    gil_drop(ts);
    return ts;
}

gil_interp_t *gil_tstate_interp(const gil_tstate_t *ts) { return ts->interp; }
uint64_t gil_tstate_ident(const gil_tstate_t *ts)
{
    return atomic_load(&((gil_tstate_t *)ts)->ident);
}
uint64_t gil_tstate_native_id(const gil_tstate_t *ts)
{
    return atomic_load(&((gil_tstate_t *)ts)->native_id);
}
uint64_t gil_tstate_id(const gil_tstate_t *ts) { return ts->id; }

/* Fork child: every state of interp but `keep` belonged to a thread that
** does not exist here.  Clear (the caller holds the GIL) and free them. */
void gil_tstate_free_list_after_fork(gil_interp_t *interp, gil_tstate_t *keep)
{
    gil_tstate_t *ts = interp->tstates;
    while (ts) {
        gil_tstate_t *next = ts->next;
        if (ts != keep) {
            gil_tstate_clear(ts);
            unlink_state(ts);
            free_state(ts);
        }
        ts = next;
    }
}
