/*
** mod_atexit.c — the `atexit` module: functions to call when the
** interpreter finishes, after threading._shutdown has joined the
** non-daemon threads (gp_interp_finish), newest first.
**
** The callbacks are the interpreter's `atexit` list (vm/state.h) of
** (func, args, kwargs-or-None) tuples.  unregister() puts None in a slot
** instead of removing it, as CPython 3.11 does, so a callback that
** unregisters another while they run cannot shift the ones not yet
** called; _ncallbacks() counts the slots.  Guard: the GIL.
*/
#include "modules/mod_atexit.h"
#include "objects/abstract.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "vm/errors.h"
#include "vm/state.h"

/* The interpreter's list, created on first use; borrowed, NULL on error. */
static gp_obj_t *callbacks(void)
{
    gp_interp_t *in = gp_icur();
    if (!in->atexit)
        in->atexit = gp_list_new(0);
    return in->atexit;
}

void gp_atexit_run(gp_interp_t *in)
{
    gp_obj_t *list = in->atexit;
    if (!list)
        return;
    GP_INCREF(list);
    for (gp_ssize_t i = GP_SIZE(list) - 1; i >= 0; i--) {
        if (i >= GP_SIZE(list))         /* _clear() from a callback */
            continue;
        gp_obj_t *e = GP_LIST_ITEMS(list)[i];
        if (e == GP_NONE)
            continue;
        GP_INCREF(e);                   /* the call may unregister it */
        gp_obj_t *kw = GP_TUPLE_ITEMS(e)[2];
        gp_obj_t *r = gp_call(GP_TUPLE_ITEMS(e)[0], GP_TUPLE_ITEMS(e)[1],
                              kw == GP_NONE ? NULL : kw);
        if (r)
            GP_DECREF(r);
        else    /* SystemExit included: CPython reports every exception */
            gp_err_write_unraisable_msg("Exception ignored in atexit callback",
                                        GP_TUPLE_ITEMS(e)[0]);
        GP_DECREF(e);
    }
    GP_DECREF(list);
    GP_CLEAR(in->atexit);
}

static gp_obj_t *atexit_register(gp_obj_t *m, gp_obj_t *const *args,
                                 gp_ssize_t nargs, gp_obj_t *kwnames)
{
    (void)m;
    if (nargs == 0) {
        gp_err_set_str(&gp_exc_TypeError,
                       "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    if (!gp_callable(args[0])) {
        gp_err_set_str(&gp_exc_TypeError,
                       "the first argument must be callable");
        return NULL;
    }
    gp_obj_t *list = callbacks();
    gp_obj_t *pos = NULL, *kw = NULL;
    if (!list || gp_unpack_kwnames(args + 1, nargs - 1, kwnames, &pos,
                                   &kw) < 0)
        return NULL;
    gp_obj_t *e = gp_tuple_new(3);
    if (!e) {
        GP_DECREF(pos);
        GP_XDECREF(kw);
        return NULL;
    }
    GP_INCREF(args[0]);
    GP_TUPLE_ITEMS(e)[0] = args[0];
    GP_TUPLE_ITEMS(e)[1] = pos;
    if (!kw) {
        kw = GP_NONE;
        GP_INCREF(kw);
    }
    GP_TUPLE_ITEMS(e)[2] = kw;
    int rc = gp_list_append(list, e);
    GP_DECREF(e);
    if (rc < 0)
        return NULL;
    GP_INCREF(args[0]);
    return args[0];
}

static gp_obj_t *atexit_unregister(gp_obj_t *m, gp_obj_t *func)
{
    (void)m;
    gp_obj_t *list = gp_icur()->atexit;
    for (gp_ssize_t i = 0; list && i < GP_SIZE(list); i++) {
        gp_obj_t *e = GP_LIST_ITEMS(list)[i];
        if (e == GP_NONE)
            continue;
        GP_INCREF(e);           /* __eq__ may run code that clears the list */
        int eq = gp_richcompare_bool(GP_TUPLE_ITEMS(e)[0], func, GP_EQ);
        GP_DECREF(e);
        if (eq < 0)
            return NULL;
        if (eq && i < GP_SIZE(list) && GP_LIST_ITEMS(list)[i] == e) {
            GP_INCREF(GP_NONE);
            GP_LIST_ITEMS(list)[i] = GP_NONE;
            GP_DECREF(e);
        }
    }
    GP_RETURN_NONE;
}

static gp_obj_t *atexit_run_exitfuncs(gp_obj_t *m, gp_obj_t *unused)
{
    (void)m, (void)unused;
    gp_atexit_run(gp_icur());
    GP_RETURN_NONE;
}

static gp_obj_t *atexit_clear(gp_obj_t *m, gp_obj_t *unused)
{
    (void)m, (void)unused;
    GP_CLEAR(gp_icur()->atexit);
    GP_RETURN_NONE;
}

static gp_obj_t *atexit_ncallbacks(gp_obj_t *m, gp_obj_t *unused)
{
    (void)m, (void)unused;
    gp_obj_t *list = gp_icur()->atexit;
    return gp_int_from_ssize(list ? GP_SIZE(list) : 0);
}

static gp_methoddef_t atexit_functions[] = {
    {"register", GP_METH_FN(atexit_register),
     GP_METH_FASTCALL | GP_METH_KEYWORDS,
     "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, GP_METH_O,
     "Unregister an exit function which was previously registered."},
    {"_run_exitfuncs", atexit_run_exitfuncs, GP_METH_NOARGS,
     "Run all registered exit functions."},
    {"_clear", atexit_clear, GP_METH_NOARGS,
     "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, GP_METH_NOARGS,
     "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

const gp_moduledef_t gp_mod_atexit = {
    .name = "atexit",
    .doc = "allow programmer to define multiple exit functions to be "
           "executed upon normal program termination.",
    .methods = atexit_functions,
};
