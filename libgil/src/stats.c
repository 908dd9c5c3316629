/*
** stats.c — GIL statistics snapshots and event hooks.
**
** Counters live in each thread state (gil_counters_t, relaxed atomics
** written by their owner) and, for deleted states, in the interpreter's
** `retired` totals under the head lock.  A snapshot sums them under the
** head lock: each field is exact for itself, the whole is not a consistent
** cut while threads run.
**
** Hooks: GIL_MAX_HOOKS slots of immutable records, published with release
** stores and read with acquire loads.  `hook_mask` (the union of their
** events) is what the fast paths test with one relaxed load.  A removed
** record is not freed while a call may still be running on another
** thread: it goes to a list freed with the runtime.
*/
#include <stdlib.h>

#include "internal.h"

#define FIELDS(X) X(acquisitions) X(contended) X(wait_ns) X(hold_ns) \
    X(voluntary) X(forced) X(drop_requests) X(handoffs)

void gil_counters_add(gil_counters_t *dst, const gil_counters_t *src)
{
    gil_counters_t *s = (gil_counters_t *)src;
#define ADD(f) ABUMP(&dst->f, ALOAD(&s->f));
    FIELDS(ADD)
#undef ADD
    if (ALOAD(&s->max_wait_ns) > ALOAD(&dst->max_wait_ns))
        ASTORE(&dst->max_wait_ns, ALOAD(&s->max_wait_ns));
}

void gil_counters_zero(gil_counters_t *c)
{
#define ZERO(f) ASTORE(&c->f, 0);
    FIELDS(ZERO)
#undef ZERO
    ASTORE(&c->max_wait_ns, 0);
}

static void to_stats(const gil_counters_t *c, gil_stats_t *out)
{
    gil_counters_t *s = (gil_counters_t *)c;
#define COPY(f) out->f = ALOAD(&s->f);
    FIELDS(COPY)
#undef COPY
    out->max_wait_ns = ALOAD(&s->max_wait_ns);
}

void gil_stats_thread(const gil_tstate_t *ts, gil_stats_t *out)
{
    to_stats(&ts->stats, out);
}

void gil_stats_interp(gil_interp_t *interp, gil_interp_stats_t *out)
{
    gil_counters_t sum;
    memset(&sum, 0, sizeof sum);
    uint64_t n = 0;
    gil_lock_acquire(&interp->rt->head, GIL_FOREVER, 0);
    gil_counters_add(&sum, &interp->retired);
    for (gil_tstate_t *ts = interp->tstates; ts; ts = ts->next, n++)
        gil_counters_add(&sum, &ts->stats);
    gil_lock_release(&interp->rt->head);
    to_stats(&sum, &out->total);
    out->switches = ALOAD(&interp->gil.switches);
    out->waiters = ALOAD(&interp->gil.nwaiters);
    out->threads = n;
}

void gil_stats_reset(gil_interp_t *interp)
{
    gil_lock_acquire(&interp->rt->head, GIL_FOREVER, 0);
    gil_counters_zero(&interp->retired);
    for (gil_tstate_t *ts = interp->tstates; ts; ts = ts->next)
        gil_counters_zero(&ts->stats);
    ASTORE(&interp->gil.switches, 0);
    gil_lock_release(&interp->rt->head);
}

void gil_stats_set_timing(gil_interp_t *interp, int on)
{
    ASTORE(&interp->stats_timing, on ? 1 : 0);
}

/* ---- hooks ----------------------------------------------------------------- */

static void recompute_mask(gil_runtime_t *rt)
{
    unsigned mask = 0;
    for (int i = 0; i < GIL_MAX_HOOKS; i++) {
        gil_hook_rec_t *r = atomic_load_explicit(&rt->hooks[i],
                                                 memory_order_acquire);
        if (r)
            mask |= r->mask;
    }
    atomic_store_explicit(&rt->hook_mask, mask, RELAXED);
}

int gil_hook_add(gil_runtime_t *rt, unsigned mask, gil_hook_fn fn, void *data)
{
    if (!fn || !(mask & GIL_EV_ALL) || (mask & ~(unsigned)GIL_EV_ALL))
        return GIL_EINVAL;
    gil_hook_rec_t *r = calloc(1, sizeof *r);
    if (!r)
        return GIL_ENOMEM;
    r->mask = mask;
    r->fn = fn;
    r->data = data;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    for (int i = 0; i < GIL_MAX_HOOKS; i++) {
        if (!atomic_load(&rt->hooks[i])) {
            atomic_store_explicit(&rt->hooks[i], r, memory_order_release);
            recompute_mask(rt);
            gil_lock_release(&rt->head);
            return i;
        }
    }
    gil_lock_release(&rt->head);
    free(r);
    return GIL_EFULL;
}

int gil_hook_remove(gil_runtime_t *rt, int id)
{
    if (id < 0 || id >= GIL_MAX_HOOKS)
        return GIL_EINVAL;
    gil_lock_acquire(&rt->head, GIL_FOREVER, 0);
    gil_hook_rec_t *r = atomic_exchange(&rt->hooks[id], NULL);
    if (r) {
        r->dead = rt->dead_hooks;
        rt->dead_hooks = r;
        recompute_mask(rt);
    }
    gil_lock_release(&rt->head);
    return r ? GIL_OK : GIL_EINVAL;
}

void gil_hook_fire(gil_runtime_t *rt, gil_event_kind_t ev, gil_tstate_t *ts)
{
    for (int i = 0; i < GIL_MAX_HOOKS; i++) {
        gil_hook_rec_t *r = atomic_load_explicit(&rt->hooks[i],
                                                 memory_order_acquire);
        if (r && (r->mask & ev))
            r->fn(ev, ts, r->data);
    }
}

void gil_hooks_free(gil_runtime_t *rt)
{
    for (int i = 0; i < GIL_MAX_HOOKS; i++)
        free(atomic_exchange(&rt->hooks[i], NULL));
    while (rt->dead_hooks) {
        gil_hook_rec_t *next = rt->dead_hooks->dead;
        free(rt->dead_hooks);
        rt->dead_hooks = next;
    }
}
