/*
** thread.c — interpreter threads: start (CPython's bootstate and
** t_bootstrap / thread_run), join, and the reference-counted handle
** (CPython's ThreadHandle).
**
** The parent creates the child's thread state before the OS thread exists,
** so a failed start undoes everything and a successful one never races
** with the interpreter's teardown of an unknown thread.  The child waits
** for `ready` (the parent has published the OS handle), binds its state,
** takes the GIL, runs the body, deletes its state (releasing the GIL) and
** sets `done`.  join waits for `done`, then joins the OS thread exactly
** once under `join_lock`.
**
** Guards: refcnt, state, ident, native_id are atomics; `joined` and `os`
** (after start) are guarded by join_lock; the handle list (for fork) by
** the runtime's head lock.
*/
#include <stdlib.h>

#include "internal.h"

struct gil_thread {
    _Atomic int refcnt;
    _Atomic int state;             /* gil_thread_state_t */
    _Atomic int thread_ref;        /* the running thread still holds a ref */
    gil_interp_t *interp;          /* [const] */
    gil_tstate_t *ts;              /* [const] the child's state */
    gil_thread_fn fn;              /* [const] */
    void *arg;                     /* [const] */
    gil_os_thread_t os;            /* [join_lock] after start */
    _Atomic uint64_t ident, native_id;
    gil_event_t ready;             /* parent -> child: start published */
    gil_event_t done;              /* child finished */
    gil_lock_t join_lock;
    int joined;                    /* [join_lock] OS join or detach done */
    struct gil_thread *next, *prev;/* [head] rt->handles */
};

static void handles_link(gil_thread_t *h)
{
    gil_runtime_t *rt = h->interp->rt;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    h->next = rt->handles;
    if (h->next)
        h->next->prev = h;
    rt->handles = h;
    gil_lock_release(&rt->head);
}

static void handles_unlink(gil_thread_t *h)
{
    gil_runtime_t *rt = h->interp->rt;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    if (h->prev)
        h->prev->next = h->next;
    else if (rt->handles == h)
        rt->handles = h->next;
    if (h->next)
        h->next->prev = h->prev;
    h->next = h->prev = NULL;
    gil_lock_release(&rt->head);
}

void gil_thread_handle_retain(gil_thread_t *h)
{
    atomic_fetch_add(&h->refcnt, 1);
}

void gil_thread_handle_release(gil_thread_t *h)
{
    if (atomic_fetch_sub(&h->refcnt, 1) != 1)
        return;
    /* Last reference: an OS thread nobody joined is detached. */
    gil_lock_acquire(&h->join_lock, GIL_FOREVER, 0);
    if (!h->joined && atomic_load(&h->state) >= GIL_THREAD_RUNNING)
        gil_os_thread_detach(h->os);
    h->joined = 1;
    gil_lock_release(&h->join_lock);
    handles_unlink(h);
    free(h);
}

static void bootstrap(void *arg)
{
    gil_thread_t *h = arg;
    gil_event_wait(&h->ready, GIL_FOREVER, 0);
    gil_tstate_t *ts = h->ts;
    gil_interp_t *interp = h->interp;
    gil_tstate_bind(ts);
    atomic_store(&h->native_id, gil_tstate_native_id(ts));
    GIL_HOOK(interp->rt, GIL_EV_THREAD_STARTED, ts);
    if (gil_interp_finalizing(interp)) {
        /* Started just before finalization: never run (gh-108987). */
        gil_tstate_delete(ts);
    } else {
        gil_attach(ts);
        atomic_fetch_add(&interp->nrunning, 1);
        h->fn(ts, h->arg);
        atomic_fetch_sub(&interp->nrunning, 1);
        gil_tstate_delete_current();    /* clears, unlinks, drops the GIL */
    }
    GIL_HOOK(interp->rt, GIL_EV_THREAD_EXITED, ts);
    atomic_store(&h->state, GIL_THREAD_DONE);
    gil_event_set(&h->done);
    atomic_store(&h->thread_ref, 0);
    gil_thread_handle_release(h);
}

int gil_thread_start(gil_interp_t *interp, gil_thread_fn fn, void *arg,
                     gil_thread_t **out)
{
    if (!fn)
        return GIL_EINVAL;
    if (gil_interp_finalizing(interp))
        return GIL_EFINALIZING;
    gil_thread_t *h = calloc(1, sizeof *h);
    if (!h)
        return GIL_ENOMEM;
    h->interp = interp;
    h->fn = fn;
    h->arg = arg;
    atomic_init(&h->refcnt, out ? 2 : 1);
    atomic_init(&h->thread_ref, 1);
    atomic_init(&h->state, GIL_THREAD_STARTING);
    gil_event_init(&h->ready);
    gil_event_init(&h->done);
    gil_lock_init(&h->join_lock);
    h->ts = gil_tstate_new(interp);
    if (!h->ts) {
        free(h);
        return GIL_ENOMEM;
    }
    h->ts->handle = h;
    handles_link(h);
    gil_lock_acquire(&h->join_lock, GIL_FOREVER, 0);
    int rc = gil_os_thread_start(bootstrap, h, gil_interp_stack_size(interp),
                                 0, &h->os);
    if (rc != GIL_OK) {
        gil_lock_release(&h->join_lock);
        gil_tstate_delete(h->ts);   /* nothing half-registered stays */
        handles_unlink(h);
        free(h);
        return rc == GIL_EINVAL ? GIL_EINVAL : rc == GIL_ENOMEM ? GIL_ENOMEM
                                                                : GIL_EAGAIN;
    }
    atomic_store(&h->ident, (uint64_t)h->os);
    atomic_store(&h->state, GIL_THREAD_RUNNING);
    gil_lock_release(&h->join_lock);
    gil_event_set(&h->ready);
    if (out)
        *out = h;
    return GIL_OK;
}

int gil_thread_join(gil_thread_t *h, int64_t timeout_ns, int flags)
{
    int st = atomic_load(&h->state);
    if (st < GIL_THREAD_RUNNING)
        return GIL_ESTATE;
    if (atomic_load(&h->ident) == gil_os_thread_ident() &&
        !gil_event_is_set(&h->done))
        return GIL_EDEADLK;
    gil_lock_status_t w = gil_event_wait(&h->done, timeout_ns, flags);
    if (w == GIL_LOCK_TIMEOUT)
        return GIL_ETIMEDOUT;
    if (w == GIL_LOCK_INTR)
        return GIL_EINTR_STATUS;
    gil_lock_acquire(&h->join_lock, GIL_FOREVER, 0);
    if (!h->joined) {
        gil_os_thread_join(h->os);
        h->joined = 1;
    }
    gil_lock_release(&h->join_lock);
    return GIL_OK;
}

int gil_thread_is_done(gil_thread_t *h)
{
    return gil_event_is_set(&h->done);
}

gil_thread_state_t gil_thread_get_state(gil_thread_t *h)
{
    return (gil_thread_state_t)atomic_load(&h->state);
}

uint64_t gil_thread_ident(gil_thread_t *h) { return atomic_load(&h->ident); }
uint64_t gil_thread_native_id(gil_thread_t *h)
{
    return atomic_load(&h->native_id);
}

int gil_thread_count(gil_interp_t *interp)
{
    return atomic_load(&interp->nrunning);
}

/* Fork child: only the thread `survivor` exists.  Every other handle is
** done for good: never join or detach a pthread that is not there, and
** drop the reference its thread would have dropped at its end. */
void gil_thread_after_fork(gil_runtime_t *rt, uint64_t survivor)
{
    gil_thread_t *h = rt->handles, *next;
    for (; h; h = next) {
        next = h->next;
        gil_lock_after_fork(&h->join_lock);
        if (atomic_load(&h->ident) == survivor)
            continue;
        h->joined = 1;
        atomic_store(&h->state, GIL_THREAD_DONE);
        atomic_store(&h->done.state, 1);   /* no waiter exists here */
        if (atomic_exchange(&h->thread_ref, 0)) {
            if (atomic_fetch_sub(&h->refcnt, 1) == 1) {
                if (h->prev)
                    h->prev->next = h->next;
                else
                    rt->handles = h->next;
                if (h->next)
                    h->next->prev = h->prev;
                free(h);
            }
        }
    }
}
