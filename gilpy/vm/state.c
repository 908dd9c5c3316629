/*
** state.c — the life of gilpy's interpreter and thread states, hung on
** libgil's.  Owns gp_interp_start (runtime, GIL, types, builtins, sys),
** gp_interp_finish (threading._shutdown, flush, finalize), the per-thread
** gp_thread_t, libgil's hooks (signals -> KeyboardInterrupt, async
** exceptions, thread-state clearing) and the C-level recursion guard.
**
** Guards: a gp_interp_t is guarded by its GIL; a gp_thread_t belongs to
** its thread, except that libgil's tstate_clear hook may run on another
** thread (fork child, finalization) — always with the GIL held, which is
** why freeing a gp_thread_t's objects there is safe.
**
** The SIGINT handler is the one piece of code here that runs without the
** GIL: it only calls gil_signal_trip, which is async-signal-safe.  The
** runtime pointer it needs is the one process-wide constant of the
** interpreter (set before the handler is installed, never changed), which
** is why it may live in a static: signal handlers receive no argument.
*/
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/state.h"
#include "vm/errors.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/strobj.h"
#include "vm/runtime.h"
#include "modules/mod_atexit.h"
#include "config.h"

/* Written once before SIGINT's handler is installed; read by it. */
static gil_runtime_t *volatile sigint_runtime;

static void on_sigint(int signum)
{
    int saved = errno;
    if (sigint_runtime)
        gil_signal_trip(sigint_runtime, signum);
    errno = saved;
}

/* ---- libgil's hooks ---------------------------------------------------- */

/* Signals: the only Python-visible handler gilpy has is SIGINT's default,
** which raises KeyboardInterrupt where the main thread is. */
static int hook_signals(gil_tstate_t *ts, uint64_t mask)
{
    if (mask & (1ull << SIGINT)) {
        gp_err_set_none(&gp_exc_KeyboardInterrupt);
        return -1;
    }
    return 0;
}

/* libgil holds one reference to a pending async exception (an exception
** class or instance), given to it by gil_async_exc_set. */
static int hook_async_exc(gil_tstate_t *ts, void *exc)
{
    gp_obj_t *e = exc;
    if (GP_TYPE_CHECK_FAST(e, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_err_set_none((gp_type_t *)e);
        GP_DECREF(e);
    } else {
        gp_err_restore(e);
    }
    return -1;
}

static void hook_exc_release(void *exc)
{
    GP_XDECREF((gp_obj_t *)exc);
}

static void hook_tstate_clear(gil_tstate_t *ts)
{
    gp_thread_t *t = gil_tstate_data(ts);
    if (!t)
        return;
    /* Clear while the state is still attached: deallocs reach for the
    ** current thread's state (the trashcan). */
    gp_thread_clear(t);
    gil_tstate_set_data(ts, NULL);
    free(t);
}

static const gil_interp_hooks_t hooks = {
    .async_exc = hook_async_exc,
    .exc_release = hook_exc_release,
    .signals = hook_signals,
    .tstate_clear = hook_tstate_clear,
};

/* ---- thread states ----------------------------------------------------- */

gp_thread_t *gp_thread_new(gp_interp_t *in, gil_tstate_t *ts)
{
    gp_thread_t *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ts = ts;
    t->interp = in;
    t->exc_info = &t->exc_base;
    t->thread_id = gil_tstate_ident(ts);
    return t;
}

void gp_thread_clear(gp_thread_t *t)
{
    GP_CLEAR(t->exc);
    GP_CLEAR(t->exc_base.exc);
    GP_CLEAR(t->dict);
    GP_CLEAR(t->async_exc);
    GP_CLEAR(t->repr_active);
    gp_frame_stack_free(t);
    gp_freelist_clear(&t->floats);
    gp_freelist_clear(&t->ints);
}

/* ---- recursion --------------------------------------------------------- */

/* C recursion shares the Python call depth, as in CPython 3.11: the limit
** bounds the sum, so nested reprs inside deep calls stop in time too. */
int gp_enter_recursive_call(const char *where)
{
    gp_thread_t *t = gp_tcur();
    if (++t->depth > t->interp->recursion_limit + t->recursion_headroom) {
        if (t->recursion_headroom)
            return 0;           /* already raising RecursionError: the
                                   caller still leaves, so keep the count */
        t->depth--;
        t->recursion_headroom = 50;
        gp_err_format(&gp_exc_RecursionError,
                      "maximum recursion depth exceeded%s", where);
        t->recursion_headroom = 0;
        return -1;
    }
    return 0;
}

void gp_leave_recursive_call(void)
{
    gp_tcur()->depth--;
}

/* ---- the interpreter --------------------------------------------------- */

static void fatal(const char *what)
{
    fprintf(stderr, "Fatal Python error: %s\n", what);
    if (gil_tstate_current() && gp_err_occurred()) {
        gp_obj_t *e = gp_err_fetch();
        gp_err_display(e);
        GP_DECREF(e);
    }
    exit(1);
}

/* Import a built-in module by its table entry and register it. */
static gp_obj_t *init_builtin(gp_interp_t *in, const char *name)
{
    gp_obj_t *nm = gp_str_from_cstr(name);
    if (!nm)
        return NULL;
    gp_obj_t *m = gp_import_name(nm, NULL, NULL, 0);
    GP_DECREF(nm);
    return m;
}

gp_interp_t *gp_interp_start(int argc, char **argv)
{
    gil_runtime_t *rt = gil_runtime_new();
    if (!rt)
        fatal("cannot create the runtime");
    gil_interp_t *gi = gil_interp_new(rt);
    gp_interp_t *in = calloc(1, sizeof *in);
    if (!gi || !in)
        fatal("out of memory");
    in->gil = gi;
    in->recursion_limit = 1000;
    in->switch_interval = gil_get_interval_us(gi) / 1e6;
    in->int_max_str_digits = 4300;
    if (gp_hash_key_init(in->hash_key, &in->hash_seeded) < 0)
        fatal("PYTHONHASHSEED must be \"random\" or an integer "
              "in range [0; 4294967295]");
    gil_interp_set_data(gi, in);
    gil_interp_set_hooks(gi, &hooks);
    /* Threads get C stacks deep enough for the recursion limit. */
    gil_interp_set_stack_size(gi, GP_THREAD_STACK_SIZE);

    gil_tstate_t *ts = gil_tstate_new_bound(gi);
    if (!ts)
        fatal("out of memory");
    gil_attach(ts);
    gp_thread_t *t = gp_thread_new(in, ts);
    if (!t)
        fatal("out of memory");
    gil_tstate_set_data(ts, t);

    gp_gc_init(in);
    if (gp_types_init() < 0)
        fatal("cannot initialise the built-in types");
    in->modules = gp_dict_new();
    if (!in->modules)
        fatal("out of memory");
    if (gp_sys_create(in, argc, argv) < 0)
        fatal("cannot initialise sys");
    gp_obj_t *b = init_builtin(in, "builtins");
    if (!b)
        fatal("cannot initialise builtins");
    in->builtins = gp_newref(gp_module_dict(b));
    GP_DECREF(b);
    gp_obj_t *s = init_builtin(in, "sys");
    if (!s)
        fatal("cannot initialise sys");
    GP_DECREF(s);

    sigint_runtime = rt;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    return in;
}

/* Call threading._shutdown() if threading was imported: it joins every
** non-daemon thread (the interpreter's life-cycle rule). */
static void threading_shutdown(gp_interp_t *in)
{
    gp_obj_t *mod = gp_dict_getitem_str(in->modules, "threading");
    if (!mod)
        return;
    gp_obj_t *r = gp_call_method_str(mod, "_shutdown", 0);
    if (r)
        GP_DECREF(r);
    else
        gp_err_write_unraisable(mod);
}

static void flush_std(gp_interp_t *in, const char *name)
{
    gp_obj_t *f = gp_dict_getitem_str(in->sysdict, name);
    if (!f || f == GP_NONE)
        return;
    gp_obj_t *r = gp_call_method_str(f, "flush", 0);
    if (r)
        GP_DECREF(r);
    else
        gp_err_clear();
}

/* Empty __main__'s globals the way CPython's module clearing does (names
** with one leading underscore first, then the rest, __builtins__ kept), so
** the program's objects die while the interpreter still works and their
** __del__ methods run, then collect the cycles. */
static void clear_main(gp_interp_t *in)
{
    gp_obj_t *d = in->main_module ? gp_module_dict(in->main_module) : NULL;
    if (!d)
        return;
    for (int pass = 0; pass < 2; pass++) {
        gp_obj_t *keys = gp_dict_keys(d);
        if (!keys) {
            gp_err_clear();
            return;
        }
        for (gp_ssize_t i = 0; i < GP_SIZE(keys); i++) {
            gp_obj_t *k = GP_LIST_GET(keys, i);
            if (!GP_STR_CHECK(k) || gp_str_eq_cstr(k, "__builtins__"))
                continue;
            int under = GP_SIZE(k) >= 1 && gp_str_read(k, 0) == '_' &&
                        !(GP_SIZE(k) >= 2 && gp_str_read(k, 1) == '_');
            if ((pass == 0) != under)
                continue;
            if (gp_dict_setitem(d, k, GP_NONE) < 0)
                gp_err_clear();
        }
        GP_DECREF(keys);
    }
    gp_gc_collect(2);
    gp_err_clear();
}

int gp_interp_finish(gp_interp_t *in, int status)
{
    threading_shutdown(in);
    gp_atexit_run(in);
    clear_main(in);
    flush_std(in, "stdout");
    flush_std(in, "stderr");
    /* From here daemon threads that reach for the GIL block forever, so
    ** nothing they do can interleave with the teardown. */
    gil_interp_finalize_begin(in->gil, gil_tstate_current());
    in->finalizing = 1;
    return status;
}
