/*
** mod_gil.c — the `gil` module, gilpy's own: choose the scheduling policy
** of this interpreter's GIL ("fair", "cpython", "legacy") and read
** libgil's statistics, overall and per thread.
**
**   import gil
**   gil.set_policy("cpython"); gil.policy()  -> 'cpython'
**   gil.stats()         -> {'acquisitions': ..., 'switches': ..., ...}
**   gil.thread_stats()  -> the calling thread's counters
**   gil.reset_stats(); gil.set_timing(True)   (hold times cost a clock read)
**
** Guard: the GIL; libgil's setters are safe at any time (the policy is
** re-read at every GIL operation, see libgil/src/gil.c).
*/
#include <gil.h>

#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

static const gil_policy_t all_policies[] = {
    GIL_POLICY_FAIR, GIL_POLICY_CPYTHON, GIL_POLICY_LEGACY
};
#define NPOLICIES (sizeof all_policies / sizeof all_policies[0])

static gp_obj_t *gil_policy(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_str_from_cstr(gil_policy_name(gil_get_policy(gp_icur()->gil)));
}

static gp_obj_t *gil_set_policy_fn(gp_obj_t *m, gp_obj_t *name)
{
    if (!GP_STR_CHECK(name))
        return gp_err_format(&gp_exc_TypeError,
                             "set_policy() argument must be str, not %s",
                             gp_type_name_cstr(GP_TYPE(name)));
    const char *s = gp_str_utf8(name, NULL);
    gil_policy_t p;
    if (!s)
        return NULL;
    if (gil_policy_parse(s, &p) != GIL_OK)
        return gp_err_format(&gp_exc_ValueError,
                             "unknown GIL policy %R; expected 'fair', "
                             "'cpython' or 'legacy'", name);
    gil_set_policy(gp_icur()->gil, p);
    GP_RETURN_NONE;
}

static gp_obj_t *gil_policies(gp_obj_t *m, gp_obj_t *unused)
{
    gp_obj_t *t = gp_tuple_new(NPOLICIES);
    for (size_t i = 0; t && i < NPOLICIES; i++) {
        gp_obj_t *s = gp_str_from_cstr(gil_policy_name(all_policies[i]));
        if (!s) {
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, s);
    }
    return t;
}

static int put(gp_obj_t *d, const char *key, uint64_t v)
{
    gp_obj_t *o = gp_int_from_u64(v);
    int rc = o ? gp_dict_setitem_str(d, key, o) : -1;
    GP_XDECREF(o);
    return rc;
}

static gp_obj_t *stats_dict(const gil_stats_t *st)
{
    gp_obj_t *d = gp_dict_new();
    if (!d || put(d, "acquisitions", st->acquisitions) < 0 ||
        put(d, "contended", st->contended) < 0 ||
        put(d, "wait_ns", st->wait_ns) < 0 ||
        put(d, "max_wait_ns", st->max_wait_ns) < 0 ||
        put(d, "hold_ns", st->hold_ns) < 0 ||
        put(d, "voluntary", st->voluntary) < 0 ||
        put(d, "forced", st->forced) < 0 ||
        put(d, "drop_requests", st->drop_requests) < 0 ||
        put(d, "handoffs", st->handoffs) < 0) {
        GP_XDECREF(d);
        return NULL;
    }
    return d;
}

static gp_obj_t *gil_stats_fn(gp_obj_t *m, gp_obj_t *unused)
{
    gil_interp_stats_t st;
    gil_stats_interp(gp_icur()->gil, &st);
    gp_obj_t *d = stats_dict(&st.total);
    if (d && (put(d, "switches", st.switches) < 0 ||
              put(d, "waiters", st.waiters) < 0 ||
              put(d, "threads", st.threads) < 0))
        GP_CLEAR(d);
    return d;
}

static gp_obj_t *gil_thread_stats(gp_obj_t *m, gp_obj_t *unused)
{
    gil_stats_t st;
    gil_stats_thread(gil_tstate_current(), &st);
    return stats_dict(&st);
}

static gp_obj_t *gil_reset_stats(gp_obj_t *m, gp_obj_t *unused)
{
    gil_stats_reset(gp_icur()->gil);
    GP_RETURN_NONE;
}

static gp_obj_t *gil_set_timing(gp_obj_t *m, gp_obj_t *on)
{
    int b = gp_is_true(on);
    if (b < 0)
        return NULL;
    gil_stats_set_timing(gp_icur()->gil, b);
    GP_RETURN_NONE;
}

static gp_obj_t *gil_set_ticks_fn(gp_obj_t *m, gp_obj_t *n)
{
    int64_t v = gp_int_as_i64(n);
    if (v == -1 && gp_err_occurred())
        return NULL;
    if (v < 1 || v > UINT32_MAX)
        return gp_err_format(&gp_exc_ValueError,
                             "ticks must be between 1 and %u", UINT32_MAX);
    gil_set_ticks(gp_icur()->gil, (uint32_t)v);
    GP_RETURN_NONE;
}

static gp_obj_t *gil_get_ticks_fn(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_int_from_u64(gil_get_ticks(gp_icur()->gil));
}

static gp_methoddef_t gil_functions[] = {
    {"policy", gil_policy, GP_METH_NOARGS, "The current GIL policy's name."},
    {"set_policy", gil_set_policy_fn, GP_METH_O, "Switch the GIL policy."},
    {"policies", gil_policies, GP_METH_NOARGS, "The policies there are."},
    {"stats", gil_stats_fn, GP_METH_NOARGS, "The interpreter's GIL counters."},
    {"thread_stats", gil_thread_stats, GP_METH_NOARGS,
     "The calling thread's GIL counters."},
    {"reset_stats", gil_reset_stats, GP_METH_NOARGS, "Zero the counters."},
    {"set_timing", gil_set_timing, GP_METH_O, "Measure hold times or not."},
    {"set_ticks", gil_set_ticks_fn, GP_METH_O,
     "Polls between switches under the legacy policy."},
    {"get_ticks", gil_get_ticks_fn, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

const gp_moduledef_t gp_mod_gil = {
    .name = "gil",
    .doc = "Scheduling policy and statistics of gilpy's GIL.",
    .methods = gil_functions,
};
