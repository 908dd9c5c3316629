/*
** call.c — calling Python functions: binding a call's arguments to the
** parameters of the function's code (defaults, keyword-only, *args,
** **kwargs) with CPython 3.11's messages, and the function type's
** vectorcall.  Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/frame.h"
#include "vm/funcobj.h"
#include "vm/errors.h"
#include "objects/genobj.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/strobj.h"

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static gp_obj_t *join_names(gp_obj_t **names, int n)
{
    gp_obj_t *r = gp_str_empty();
    GP_INCREF(r);
    for (int i = 0; i < n && r; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and "
                        : i == n - 1 ? ", and " : ", ";
        gp_obj_t *part = gp_str_fromformat("%s'%U'", sep, names[i]);
        if (!part) {
            GP_CLEAR(r);
            break;
        }
        gp_obj_t *nr = gp_str_concat(r, part);
        GP_DECREF(part);
        GP_SETREF(r, nr);
    }
    return r;
}

static void missing_args(gp_obj_t *qualname, gp_code_t *co, gp_obj_t **slots,
                         int from, int to, const char *kind)
{
    gp_obj_t *small[16], **names = small;
    int cap = to - from, n = 0;
    if (cap > 16) {
        names = malloc((size_t)cap * sizeof(gp_obj_t *));
        if (!names) {
            gp_err_nomemory();
            return;
        }
    }
    for (int i = from; i < to; i++)
        if (!slots[i])
            names[n++] = GP_TUPLE_GET(co->varnames, i);
    gp_obj_t *list = join_names(names, n);
    if (list) {
        gp_err_format(&gp_exc_TypeError,
                      "%U() missing %d required %s argument%s: %U",
                      qualname, n, kind, n == 1 ? "" : "s", list);
        GP_DECREF(list);
    }
    if (names != small)
        free(names);
}

static void too_many_positional(gp_obj_t *qualname, gp_code_t *co,
                                gp_obj_t **slots, gp_ssize_t given,
                                gp_obj_t *defaults)
{
    gp_ssize_t defcount = defaults ? GP_SIZE(defaults) : 0;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (slots[i])
            kwonly_given++;
    gp_obj_t *sig, *kwsig;
    int plural;
    if (defcount) {
        plural = 1;
        sig = gp_str_fromformat("from %zd to %d", co->argcount - defcount,
                                co->argcount);
    } else {
        plural = co->argcount != 1;
        sig = gp_str_fromformat("%d", co->argcount);
    }
    if (!sig)
        return;
    if (kwonly_given)
        kwsig = gp_str_fromformat(
            " positional argument%s (and %d keyword-only argument%s)",
            given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    else
        kwsig = gp_newref(gp_str_empty());
    if (kwsig)
        gp_err_format(&gp_exc_TypeError,
                      "%U() takes %U positional argument%s but %zd%U %s given",
                      qualname, sig, plural ? "s" : "", given, kwsig,
                      given == 1 && !kwonly_given ? "was" : "were");
    GP_DECREF(sig);
    GP_XDECREF(kwsig);
}

static int name_eq(gp_obj_t *a, gp_obj_t *b)
{
    return a == b || gp_str_eq(a, b);
}

int gp_bind_args(gp_frame_t *f, gp_obj_t *func, gp_obj_t *const *args,
                 gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_function_t *fn = (gp_function_t *)func;
    gp_code_t *co = f->code;
    gp_obj_t **slots = f->localsplus;
    int argcount = co->argcount;
    int total = argcount + co->kwonlyargcount;
    gp_ssize_t nkw = kwnames ? GP_SIZE(kwnames) : 0;

    /* The common case: exactly the positional parameters. */
    if (nargs == argcount && nkw == 0
        && !(co->flags & (GP_CO_VARARGS | GP_CO_VARKEYWORDS))
        && co->kwonlyargcount == 0) {
        for (gp_ssize_t i = 0; i < nargs; i++)
            slots[i] = gp_newref(args[i]);
        goto cells;
    }

    gp_obj_t *kwdict = NULL;
    if (co->flags & GP_CO_VARKEYWORDS) {
        kwdict = gp_dict_new();
        if (!kwdict)
            return -1;
        slots[total + ((co->flags & GP_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    gp_ssize_t n = nargs < argcount ? nargs : argcount;
    for (gp_ssize_t i = 0; i < n; i++)
        slots[i] = gp_newref(args[i]);
    if (co->flags & GP_CO_VARARGS) {
        gp_obj_t *rest = nargs > n ? gp_tuple_from_array(args + n, nargs - n)
                                   : gp_newref(gp_tuple_new(0));
        if (!rest)
            return -1;
        slots[total] = rest;
    }

    gp_obj_t *posonly_small[8], **posonly = posonly_small;
    int nposonly = 0;
    for (gp_ssize_t k = 0; k < nkw; k++) {
        gp_obj_t *name = GP_TUPLE_GET(kwnames, k), *v = args[nargs + k];
        if (!GP_STR_CHECK(name)) {
            gp_err_format(&gp_exc_TypeError,
                          "%U() keywords must be strings", fn->qualname);
            goto fail;
        }
        int j;
        for (j = co->posonlyargcount; j < total; j++)
            if (GP_TUPLE_GET(co->varnames, j) == name)
                break;
        if (j == total)
            for (j = co->posonlyargcount; j < total; j++)
                if (name_eq(GP_TUPLE_GET(co->varnames, j), name))
                    break;
        if (j < total) {
            if (slots[j]) {
                gp_err_format(&gp_exc_TypeError,
                              "%U() got multiple values for argument '%S'",
                              fn->qualname, name);
                goto fail;
            }
            slots[j] = gp_newref(v);
            continue;
        }
        if (kwdict) {
            if (gp_dict_setitem(kwdict, name, v) < 0)
                goto fail;
            continue;
        }
        int p;
        for (p = 0; p < co->posonlyargcount; p++)
            if (name_eq(GP_TUPLE_GET(co->varnames, p), name))
                break;
        if (p < co->posonlyargcount) {
            if (nposonly < 8)
                posonly[nposonly++] = name;
            continue;
        }
        gp_err_format(&gp_exc_TypeError,
                      "%U() got an unexpected keyword argument '%S'",
                      fn->qualname, name);
        goto fail;
    }
    if (nposonly) {
        gp_obj_t *joined = gp_str_empty();
        GP_INCREF(joined);
        for (int i = 0; i < nposonly && joined; i++) {
            gp_obj_t *s = gp_str_fromformat("%s%U", i ? ", " : "", posonly[i]);
            gp_obj_t *nj = s ? gp_str_concat(joined, s) : NULL;
            GP_XDECREF(s);
            GP_SETREF(joined, nj);
        }
        if (joined) {
            gp_err_format(&gp_exc_TypeError,
                          "%U() got some positional-only arguments passed as "
                          "keyword arguments: '%U'", fn->qualname, joined);
            GP_DECREF(joined);
        }
        goto fail;
    }

    if (nargs > argcount && !(co->flags & GP_CO_VARARGS)) {
        too_many_positional(fn->qualname, co, slots, nargs, fn->defaults);
        goto fail;
    }
    if (nargs < argcount) {
        gp_ssize_t defcount = fn->defaults ? GP_SIZE(fn->defaults) : 0;
        int m = argcount - (int)defcount;
        for (int i = (int)nargs; i < m; i++) {
            if (!slots[i]) {
                missing_args(fn->qualname, co, slots, (int)nargs, m,
                             "positional");
                goto fail;
            }
        }
        for (int i = m > nargs ? m : (int)nargs; i < argcount; i++)
            if (!slots[i])
                slots[i] = gp_newref(GP_TUPLE_GET(fn->defaults, i - m));
    }
    if (co->kwonlyargcount) {
        int missing = 0;
        for (int i = argcount; i < total; i++) {
            if (slots[i])
                continue;
            gp_obj_t *name = GP_TUPLE_GET(co->varnames, i);
            gp_obj_t *d = fn->kwdefaults
                ? gp_dict_getitem(fn->kwdefaults, name) : NULL;
            if (d) {
                slots[i] = gp_newref(d);
                continue;
            }
            if (gp_err_occurred())
                goto fail;
            missing++;
        }
        if (missing) {
            missing_args(fn->qualname, co, slots, argcount, total,
                         "keyword-only");
            goto fail;
        }
    }
cells:
    if (co->ncells || co->nfrees)
        return gp_frame_init_cells(f, fn->closure);
    return 0;
fail:
    return -1;
}

gp_obj_t *gp_function_vectorcall(gp_obj_t *func, gp_obj_t *const *args,
                                 gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_function_t *fn = (gp_function_t *)func;
    gp_code_t *co = (gp_code_t *)fn->code;
    if (co->flags & GP_CO_GENERATOR) {
        gp_frame_t *f = gp_frame_new_heap(co, fn->globals, fn->builtins,
                                          NULL, func);
        if (!f)
            return NULL;
        if (gp_bind_args(f, func, args, nargs, kwnames) < 0) {
            gp_frame_free(f);
            return NULL;
        }
        return gp_gen_new(f);
    }
    gp_thread_t *t = gp_tcur();
    gp_frame_t *f = gp_frame_push(t, co, fn->globals, fn->builtins, NULL,
                                  func);
    if (!f)
        return NULL;
    gp_obj_t *r = NULL;
    if (gp_bind_args(f, func, args, nargs, kwnames) == 0)
        r = gp_eval_frame(t, f, 0);
    gp_frame_pop(t, f);
    return r;
}
