/*
** mod_thread.c — the `_thread` module (CPython 3.11's surface): threads
** started with libgil's gil_thread_start, and the lock types `lock`
** (LockType) and `RLock` over libgil's gil_lock_t / gil_rlock_t.  Its
** `_local` type (threading.local) is thread_local.c's.
**
** Guards: a lock object's word is libgil's atomic lock (any thread may
** touch it, GIL held or not); every other field here is guarded by the
** GIL.  A boot record (what a new thread will call) is handed from the
** starting thread to the new one through gil_thread_start, which orders
** the hand-over; the new thread owns it from then on.
**
** Why every blocking call first tries without releasing the GIL: an
** uncontended acquire then costs one CAS and never touches the GIL (as
** CPython's acquire_timed).  Only a wait that must block detaches, and
** it waits "interruptibly": when a signal arrives libgil returns
** GIL_LOCK_INTR, we re-attach, run the signal handlers (gp_eval_poll),
** and either raise what they raised (Ctrl-C -> KeyboardInterrupt) or wait
** again for the time that is left.
*/
#include <math.h>
#include <signal.h>
#include <stdlib.h>

#include <gil.h>

#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/ceval.h"
#include "vm/errors.h"
#include "vm/state.h"
#include "modules/mod_thread.h"
#include "modules/thread_local.h"
#include "config.h"


/* CPython's TIMEOUT_MAX on 64-bit Linux: floor(PY_TIMEOUT_MAX in s). */
#define TIMEOUT_MAX_S 9223372036.0

/* ---- timeouts ---------------------------------------------------------- */

/* acquire(blocking=True, timeout=-1) -> *timeout_ns (-1 forever, 0 try).
** The argument rules and messages are 3.11's. */
static int parse_acquire_args(const char *fname, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames,
                              int64_t *timeout_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    /* 3.11 parses with "|iO": blocking must be an integer, and a wrong
    ** keyword is "'bad' is an invalid keyword argument for acquire()" */
    for (gp_ssize_t k = 0; kwnames && k < GP_SIZE(kwnames); k++) {
        gp_obj_t *kn = GP_TUPLE_GET(kwnames, k);
        if (!gp_str_eq_cstr(kn, "blocking") && !gp_str_eq_cstr(kn, "timeout")) {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword "
                          "argument for %s()", kn, fname);
            return -1;
        }
    }
    if (gp_arg_parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0]) {
        gp_obj_t *i = gp_number_index(a[0]);
        if (!i)
            return -1;
        blocking = gp_int_sign(i) != 0;
        GP_DECREF(i);
    }
    double t = -1.0;
    if (a[1]) {
        if (GP_FLOAT_CHECK(a[1])) {
            t = gp_float_value(a[1]);
            if (isnan(t)) {
                gp_err_set_str(&gp_exc_ValueError, "Invalid value NaN (not a number)");
                return -1;
            }
            if (fabs(t) > 9223372036.854775807) {
                gp_err_set_str(&gp_exc_OverflowError,
                               "timestamp too large to convert to C _PyTime_t");
                return -1;
            }
        } else {
            /* Like CPython, anything else must be an integer. */
            gp_obj_t *i = gp_number_index(a[1]);
            if (!i)
                return -1;
            int ovf = 0;
            int64_t v = gp_int_as_i64_overflow(i, &ovf);
            GP_DECREF(i);
            if (ovf || v > 9223372036 || v < -9223372036) {
                gp_err_set_str(&gp_exc_OverflowError,
                               "timestamp too large to convert to C _PyTime_t");
                return -1;
            }
            t = (double)v;
        }
    }
    if (!blocking && t != -1.0) {
        gp_err_set_str(&gp_exc_ValueError,
                       "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1.0) {
        gp_err_set_str(&gp_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        *timeout_ns = 0;
    } else if (t == -1.0) {
        *timeout_ns = -1;
    } else {
        if (t > TIMEOUT_MAX_S) {
            gp_err_set_str(&gp_exc_OverflowError, "timeout value is too large");
            return -1;
        }
        /* Round up, as CPython does: a wait is never shorter than asked. */
        *timeout_ns = (int64_t)ceil(t * 1e9);
    }
    return 0;
}

/* What one blocking attempt does: acquire, or wait with the GIL released. */
typedef gil_lock_status_t (*attempt_fn)(void *what, int64_t timeout_ns,
                                        int flags);

/* Try with the GIL held, then wait without it, running signal handlers on
** interruption.  1 acquired, 0 timed out, -1 exception. */
static int acquire_timed(attempt_fn attempt, void *what, int64_t timeout_ns)
{
    if (attempt(what, GIL_TRY, 0) == GIL_LOCK_ACQUIRED)
        return 1;
    if (timeout_ns == 0)
        return 0;
    int64_t deadline = timeout_ns > 0
                       ? gil_os_monotonic_ns() + timeout_ns : -1;
    for (;;) {
        gil_lock_status_t st;
        GIL_BEGIN_ALLOW_THREADS
        st = attempt(what, timeout_ns, GIL_LOCK_INTERRUPTIBLE);
        GIL_END_ALLOW_THREADS
        if (st == GIL_LOCK_ACQUIRED)
            return 1;
        if (st == GIL_LOCK_TIMEOUT)
            return 0;
        /* Interrupted: handlers run here, with the GIL. */
        if (gp_eval_poll() < 0)
            return -1;
        if (deadline >= 0) {
            timeout_ns = deadline - gil_os_monotonic_ns();
            if (timeout_ns <= 0)
                return attempt(what, GIL_TRY, 0) == GIL_LOCK_ACQUIRED;
        }
    }
}

/* ---- lock -------------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gil_lock_t lock;
} lockobj_t;

static gil_lock_status_t lock_attempt(void *l, int64_t t, int flags)
{
    return gil_lock_acquire(l, t, flags);
}

static gp_obj_t *lock_acquire(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    lockobj_t *l = (lockobj_t *)self;
    if (nargs == 0 && !kwnames && gil_lock_try(&l->lock))
        GP_RETURN_TRUE;             /* the uncontended path */
    int64_t t;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &t) < 0)
        return NULL;
    int r = acquire_timed(lock_attempt, &l->lock, t);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_obj_t *lock_release(gp_obj_t *self, gp_obj_t *unused)
{
    lockobj_t *l = (lockobj_t *)self;
    if (!gil_lock_locked(&l->lock)) {
        gp_err_set_str(&gp_exc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    gil_lock_release(&l->lock);
    GP_RETURN_NONE;
}

static gp_obj_t *lock_exit(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return lock_release(self, NULL);
}

static gp_obj_t *lock_locked(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_bool_from(gil_lock_locked(&((lockobj_t *)self)->lock));
}

static gp_obj_t *lock_at_fork_reinit(gp_obj_t *self, gp_obj_t *unused)
{
    gil_lock_init(&((lockobj_t *)self)->lock);
    GP_RETURN_NONE;
}

static gp_obj_t *lock_repr(gp_obj_t *self)
{
    return gp_str_fromformat("<%s %s object at %p>",
                             gil_lock_locked(&((lockobj_t *)self)->lock)
                             ? "locked" : "unlocked",
                             GP_TYPE(self)->name, (void *)self);
}

static void lock_dealloc(gp_obj_t *self)
{
    gp_object_free(self);
}

#define ACQUIRE_DEF(name) \
    {name, GP_METH_FN(lock_acquire), GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL}
static gp_methoddef_t lock_methods[] = {
    ACQUIRE_DEF("acquire"),
    ACQUIRE_DEF("acquire_lock"),
    ACQUIRE_DEF("__enter__"),
    {"release", lock_release, GP_METH_NOARGS, NULL},
    {"release_lock", lock_release, GP_METH_NOARGS, NULL},
    {"__exit__", GP_METH_FN(lock_exit), GP_METH_FASTCALL, NULL},
    {"locked", lock_locked, GP_METH_NOARGS, NULL},
    {"locked_lock", lock_locked, GP_METH_NOARGS, NULL},
    {"_at_fork_reinit", lock_at_fork_reinit, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* No new_: in 3.11 "cannot create '_thread.lock' instances"; locks come
** from allocate_lock(). */
gp_type_t gp_thread_lock_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "_thread.lock",
    .basicsize = sizeof(lockobj_t),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
};

gp_obj_t *gp_thread_lock_new(void)
{
    lockobj_t *l = (lockobj_t *)gp_type_alloc(&gp_thread_lock_type, 0);
    if (l)
        gil_lock_init(&l->lock);
    return GP_OBJ(l);
}

/* ---- RLock ------------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gil_rlock_t rlock;
} rlockobj_t;

static gil_lock_status_t rlock_attempt(void *r, int64_t t, int flags)
{
    return gil_rlock_acquire(r, t, flags);
}

static gp_obj_t *rlock_acquire(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    rlockobj_t *r = (rlockobj_t *)self;
    int64_t t;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &t) < 0)
        return NULL;
    if (gil_rlock_is_owned(&r->rlock) && gil_rlock_count(&r->rlock) == UINT64_MAX) {
        gp_err_set_str(&gp_exc_OverflowError, "Internal lock count overflowed");
        return NULL;
    }
    int ok = acquire_timed(rlock_attempt, &r->rlock, t);
    return ok < 0 ? NULL : gp_bool_from(ok);
}

static gp_obj_t *rlock_release(gp_obj_t *self, gp_obj_t *unused)
{
    if (gil_rlock_release(&((rlockobj_t *)self)->rlock) != GIL_OK) {
        gp_err_set_str(&gp_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    GP_RETURN_NONE;
}

static gp_obj_t *rlock_exit(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    return rlock_release(self, NULL);
}

static gp_obj_t *rlock_is_owned(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_bool_from(gil_rlock_is_owned(&((rlockobj_t *)self)->rlock));
}

static gp_obj_t *rlock_recursion_count(gp_obj_t *self, gp_obj_t *unused)
{
    gil_rlock_t *r = &((rlockobj_t *)self)->rlock;
    return gp_int_from_u64(gil_rlock_is_owned(r) ? gil_rlock_count(r) : 0);
}

/* Condition.wait's helpers: give the lock up entirely, and take it back. */
static gp_obj_t *rlock_release_save(gp_obj_t *self, gp_obj_t *unused)
{
    uint64_t count, owner;
    if (gil_rlock_release_save(&((rlockobj_t *)self)->rlock, &count,
                               &owner) != GIL_OK) {
        gp_err_set_str(&gp_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    gp_obj_t *c = gp_int_from_u64(count), *o = gp_int_from_u64(owner);
    gp_obj_t *res = c && o ? gp_tuple_pack(2, c, o) : NULL;
    GP_XDECREF(c);
    GP_XDECREF(o);
    return res;
}

typedef struct { gil_rlock_t *r; uint64_t count, owner; } restore_t;

static gil_lock_status_t restore_attempt(void *what, int64_t t, int flags)
{
    restore_t *rs = what;
    /* libgil restores only by waiting; the GIL-held try is skipped. */
    if (t == GIL_TRY)
        return GIL_LOCK_TIMEOUT;
    return gil_rlock_restore(rs->r, rs->count, rs->owner, flags);
}

static gp_obj_t *rlock_acquire_restore(gp_obj_t *self, gp_obj_t *state)
{
    if (!GP_TUPLE_CHECK(state) || GP_SIZE(state) != 2) {
        gp_err_set_str(&gp_exc_TypeError, "_acquire_restore() argument 1 must be tuple");
        return NULL;
    }
    restore_t rs = {&((rlockobj_t *)self)->rlock, 0, 0};
    rs.count = gp_int_as_u64(GP_TUPLE_GET(state, 0));
    if (gp_err_occurred())
        return NULL;
    rs.owner = gp_int_as_u64(GP_TUPLE_GET(state, 1));
    if (gp_err_occurred())
        return NULL;
    if (acquire_timed(restore_attempt, &rs, -1) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *rlock_at_fork_reinit(gp_obj_t *self, gp_obj_t *unused)
{
    gil_rlock_init(&((rlockobj_t *)self)->rlock);
    GP_RETURN_NONE;
}

static gp_obj_t *rlock_repr(gp_obj_t *self)
{
    gil_rlock_t *r = &((rlockobj_t *)self)->rlock;
    uint64_t owner = atomic_load_explicit(&r->owner, memory_order_relaxed);
    /* read as the owner would: the repr is informative, not synchronised
    ** (CPython reads rlock_count the same way) */
    uint64_t count = owner ? r->count : 0;
    return gp_str_fromformat("<%s %s.%s object owner=%llu count=%llu at %p>",
                             owner ? "locked" : "unlocked",
                             "_thread", "RLock", (unsigned long long)owner,
                             (unsigned long long)count, (void *)self);
}

static gp_obj_t *rlock_new(gp_type_t *t, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    rlockobj_t *r = (rlockobj_t *)gp_type_alloc(t, 0);
    if (r)
        gil_rlock_init(&r->rlock);
    return GP_OBJ(r);
}

static gp_methoddef_t rlock_methods[] = {
    {"acquire", GP_METH_FN(rlock_acquire), GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL},
    {"__enter__", GP_METH_FN(rlock_acquire), GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL},
    {"release", rlock_release, GP_METH_NOARGS, NULL},
    {"__exit__", GP_METH_FN(rlock_exit), GP_METH_FASTCALL, NULL},
    {"_is_owned", rlock_is_owned, GP_METH_NOARGS, NULL},
    {"_recursion_count", rlock_recursion_count, GP_METH_NOARGS, NULL},
    {"_release_save", rlock_release_save, GP_METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, GP_METH_O, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

gp_type_t gp_thread_rlock_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "_thread.RLock",
    .basicsize = sizeof(rlockobj_t),
    .flags = GP_TPFLAGS_BASETYPE,
    .dealloc = lock_dealloc,
    .repr = rlock_repr,
    .new_ = rlock_new,
    .methods = rlock_methods,
};

/* ---- threads ----------------------------------------------------------- */

/* What the new thread calls; owned by the new thread once it runs. */
typedef struct {
    gp_interp_t *interp;
    gp_obj_t *func, *args, *kwargs;     /* kwargs may be NULL */
} boot_t;

static void boot_free(boot_t *b)
{
    GP_DECREF(b->func);
    GP_DECREF(b->args);
    GP_XDECREF(b->kwargs);
    free(b);
}

/* The body of every thread _thread starts (libgil's t_bootstrap runs it
** holding the GIL, and clears and deletes the state afterwards). */
static void thread_body(gil_tstate_t *ts, void *arg)
{
    boot_t *b = arg;
    gp_thread_t *t = gp_thread_new(b->interp, ts);
    if (!t) {
        /* No gp state: nothing Python can run; drop the boot record with
        ** the GIL held, which is all its references need. */
        boot_free(b);
        return;
    }
    gil_tstate_set_data(ts, t);
    gp_obj_t *res = gp_call(b->func, b->args, b->kwargs);
    if (res) {
        GP_DECREF(res);
    } else if (gp_err_matches(&gp_exc_SystemExit)) {
        gp_err_clear();             /* _thread.exit(): a quiet end */
    } else {
        /* 3.11: "Exception ignored in thread started by: <function f>",
        ** through sys.unraisablehook */
        gp_err_write_unraisable_msg("Exception ignored in thread started by",
                                    b->func);
    }
    boot_free(b);
}

/* Start func(*args, **kwargs) on a new thread; *handle (if not NULL) gets
** a handle reference.  Raises CPython's errors. */
int gp_thread_start(gp_obj_t *func, gp_obj_t *args, gp_obj_t *kwargs,
                    gil_thread_t **handle)
{
    gp_interp_t *in = gp_icur();
    boot_t *b = malloc(sizeof *b);
    if (!b) {
        gp_err_nomemory();
        return -1;
    }
    b->interp = in;
    b->func = gp_newref(func);
    b->args = gp_newref(args);
    b->kwargs = kwargs ? gp_newref(kwargs) : NULL;
    gil_thread_t *h = NULL;
    int rc = gil_thread_start(in->gil, thread_body, b, &h);
    if (rc != GIL_OK) {
        boot_free(b);
        if (rc == GIL_EFINALIZING)
            gp_err_set_str(&gp_exc_RuntimeError,
                           "can't create new thread at interpreter shutdown");
        else
            gp_err_set_str(&gp_exc_RuntimeError, "can't start new thread");
        return -1;
    }
    if (handle)
        *handle = h;
    else
        gil_thread_handle_release(h);
    return 0;
}

static gp_obj_t *thread_start_new(gp_obj_t *mod, gp_obj_t *const *args,
                                  gp_ssize_t nargs)
{
    if (gp_arg_count("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    if (!gp_callable(args[0])) {
        gp_err_set_str(&gp_exc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!GP_TUPLE_CHECK(args[1])) {
        gp_err_set_str(&gp_exc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (nargs == 3 && !GP_DICT_CHECK(args[2])) {
        gp_err_set_str(&gp_exc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    gil_thread_t *h;
    if (gp_thread_start(args[0], args[1], nargs == 3 ? args[2] : NULL, &h) < 0)
        return NULL;
    uint64_t ident = gil_thread_ident(h);
    gil_thread_handle_release(h);
    return gp_int_from_u64(ident);
}

static gp_obj_t *thread_allocate_lock(gp_obj_t *mod, gp_obj_t *unused)
{
    return gp_thread_lock_new();
}

static gp_obj_t *thread_get_ident(gp_obj_t *mod, gp_obj_t *unused)
{
    return gp_int_from_u64(gil_os_thread_ident());
}

static gp_obj_t *thread_get_native_id(gp_obj_t *mod, gp_obj_t *unused)
{
    return gp_int_from_u64(gil_tstate_native_id(gil_tstate_current()));
}

static gp_obj_t *thread_count(gp_obj_t *mod, gp_obj_t *unused)
{
    return gp_int_from_i64(gil_thread_count(gp_icur()->gil));
}

static gp_obj_t *thread_exit(gp_obj_t *mod, gp_obj_t *unused)
{
    gp_err_set_none(&gp_exc_SystemExit);
    return NULL;
}

static gp_obj_t *thread_stack_size(gp_obj_t *mod, gp_obj_t *const *args,
                                   gp_ssize_t nargs)
{
    if (nargs > 1) {
        return gp_err_format(&gp_exc_TypeError, "stack_size() takes at most "
                             "1 argument (%zd given)", nargs);
    }
    gp_interp_t *in = gp_icur();
    gil_interp_t *gi = in->gil;
    /* What the user set (0: gilpy's default, GP_THREAD_STACK_SIZE, which
    ** fits the recursion limit) */
    size_t old = in->thread_stack_size;
    if (nargs == 1) {
        gp_ssize_t n = gp_number_as_ssize_t(args[0], &gp_exc_OverflowError);
        if (n == -1 && gp_err_occurred())
            return NULL;
        if (n < 0) {
            gp_err_set_str(&gp_exc_ValueError, "size must be 0 or a positive value");
            return NULL;
        }
        if (gil_interp_set_stack_size(gi, n ? (size_t)n
                                      : GP_THREAD_STACK_SIZE) != GIL_OK) {
            gp_err_format(&gp_exc_ValueError, "size not valid: %zd bytes", n);
            return NULL;
        }
        in->thread_stack_size = (size_t)n;
    } else {
        /* 3.11 quirk: stack_size() reports the size and resets it to 0 */
        gil_interp_set_stack_size(gi, GP_THREAD_STACK_SIZE);
        in->thread_stack_size = 0;
    }
    return gp_int_from_u64(old);
}

static gp_obj_t *thread_interrupt_main(gp_obj_t *mod, gp_obj_t *const *args,
                                       gp_ssize_t nargs)
{
    if (gp_arg_count("interrupt_main", nargs, 0, 1) < 0)
        return NULL;
    int64_t sig = SIGINT;
    if (nargs == 1 && (sig = gp_int_as_i64(args[0])) == -1 && gp_err_occurred())
        return NULL;
    if (sig < 1 || sig >= 64) {
        gp_err_set_str(&gp_exc_ValueError, "signal number out of range");
        return NULL;
    }
    gil_signal_trip(gil_interp_runtime(gp_icur()->gil), (int)sig);
    GP_RETURN_NONE;
}

static gp_methoddef_t thread_functions[] = {
    {"start_new_thread", GP_METH_FN(thread_start_new), GP_METH_FASTCALL, NULL},
    {"start_new", GP_METH_FN(thread_start_new), GP_METH_FASTCALL, NULL},
    {"allocate_lock", thread_allocate_lock, GP_METH_NOARGS, NULL},
    {"allocate", thread_allocate_lock, GP_METH_NOARGS, NULL},
    {"get_ident", thread_get_ident, GP_METH_NOARGS, NULL},
    {"get_native_id", thread_get_native_id, GP_METH_NOARGS, NULL},
    {"_count", thread_count, GP_METH_NOARGS, NULL},
    {"exit", thread_exit, GP_METH_NOARGS, NULL},
    {"exit_thread", thread_exit, GP_METH_NOARGS, NULL},
    {"stack_size", GP_METH_FN(thread_stack_size), GP_METH_FASTCALL, NULL},
    {"interrupt_main", GP_METH_FN(thread_interrupt_main), GP_METH_FASTCALL, NULL},
    {"_local_thread_end", gp_thread_local_thread_end, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int thread_exec(gp_obj_t *m)
{
    gp_obj_t *tmax = gp_float_from_double(TIMEOUT_MAX_S);
    int rc = tmax ? gp_module_add(m, "TIMEOUT_MAX", tmax) : -1;
    GP_XDECREF(tmax);
    if (rc < 0 ||
        gp_module_add(m, "error", GP_OBJ(&gp_exc_RuntimeError)) < 0 ||
        gp_module_add(m, "LockType", GP_OBJ(&gp_thread_lock_type)) < 0 ||
        gp_module_add(m, "RLock", GP_OBJ(&gp_thread_rlock_type)) < 0 ||
        gp_module_add(m, "_local", GP_OBJ(&gp_thread_local_type)) < 0)
        return -1;
    return 0;
}

int gp_mod_thread_init(void)
{
    if (gp_type_ready(&gp_thread_lock_type) < 0 ||
        gp_type_ready(&gp_thread_rlock_type) < 0 ||
        gp_thread_local_init() < 0)
        return -1;
    return 0;
}

const gp_moduledef_t gp_mod_thread = {
    .name = "_thread",
    .doc = "Threads and locks on libgil.",
    .methods = thread_functions,
    .exec = thread_exec,
};
