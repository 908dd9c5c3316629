/*
** rtfix.h — a runtime fixture for libgil's state/GIL tests: a runtime, one
** interpreter and the main thread attached to it.
*/
#ifndef GIL_TEST_RTFIX_H
#define GIL_TEST_RTFIX_H

#include "gil.h"
#include "harness.h"

typedef struct fix {
    gil_runtime_t *rt;
    gil_interp_t *interp;
    gil_tstate_t *ts;      /* the main thread's, attached */
} fix_t;

static inline fix_t fix_up(gil_policy_t policy)
{
    fix_t f;
    f.rt = gil_runtime_new();
    f.interp = gil_interp_new(f.rt);
    gil_set_policy(f.interp, policy);
    f.ts = gil_tstate_new_bound(f.interp);
    gil_attach(f.ts);
    return f;
}

static inline void fix_down(fix_t *f)
{
    if (gil_tstate_current())
        gil_tstate_delete_current();
    CHECK_EQ(gil_interp_delete(f->interp), GIL_OK);
    CHECK_EQ(gil_runtime_free(f->rt), GIL_OK);
}

/* Join from a thread holding the GIL: release it while waiting. */
static inline int fix_join(gil_thread_t *h)
{
    int rc;
    GIL_BEGIN_ALLOW_THREADS
    rc = gil_thread_join(h, GIL_FOREVER, 0);
    GIL_END_ALLOW_THREADS
    gil_thread_handle_release(h);
    return rc;
}

/* Scale loop counts down under sanitizers, which slow hand-offs 10x+. */
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define SCALE(n) ((n) / 10)
#else
#define SCALE(n) (n)
#endif

static const gil_policy_t all_policies[] = {
    GIL_POLICY_FAIR, GIL_POLICY_CPYTHON, GIL_POLICY_LEGACY};

#endif
