/*
** ceval_helpers.c — the eval loop's slow paths (ceval_int.h) and the
** public entry points of ceval.h: running module code and class bodies,
** the running frame's globals/locals/builtins, the breaker poll.
** Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/ceval.h"
#include "vm/ceval_int.h"
#include "vm/funcobj.h"
#include "vm/errors.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "objects/numobj.h"
#include "objects/moduleobj.h"
#include "objects/ids.h"
#include "objects/gc.h"

/* ---- the breaker ------------------------------------------------------- */

int gp_ceval_breaker(gp_thread_t *t)
{
    uintptr_t bits = gil_breaker_get(t->ts);
    if (bits & GP_BREAK_GC) {
        gil_breaker_clear(t->ts, GP_BREAK_GC);
        gp_gc_collect_scheduled();
    }
    if (bits & GIL_BREAK_LIBGIL_MASK) {
        if (gil_breaker_handle(t->ts) < 0) {
            if (!gp_err_occurred())
                gp_err_set_str(&gp_exc_SystemError,
                               "eval breaker failed without an exception");
            return -1;
        }
    }
    return 0;
}

int gp_eval_poll(void)
{
    gp_thread_t *t = gp_tcur();
    if (GIL_POLL(t->ts))
        return gp_ceval_breaker(t);
    return 0;
}

/* ---- ceval.h entry points ----------------------------------------------- */

gp_obj_t *gp_eval_code(gp_obj_t *code, gp_obj_t *globals, gp_obj_t *locals)
{
    gp_thread_t *t = gp_tcur();
    if (!GP_CODE_CHECK(code)) {
        gp_err_set_str(&gp_exc_SystemError, "gp_eval_code: not a code object");
        return NULL;
    }
    if (!GP_DICT_CHECK(globals)) {
        gp_err_format(&gp_exc_TypeError, "globals must be a dict, not %s",
                      gp_type_name_cstr(GP_TYPE(globals)));
        return NULL;
    }
    int has = gp_dict_contains(globals, GP_ID(__builtins__));
    if (has < 0)
        return NULL;
    if (!has) {
        gp_obj_t *b = gp_dict_getitem_str(t->interp->modules, "builtins");
        if (!b) {
            if (gp_err_occurred())
                gp_err_clear();
            b = t->interp->builtins;
        }
        if (gp_dict_setitem(globals, GP_ID(__builtins__), b) < 0)
            return NULL;
    }
    gp_code_t *co = (gp_code_t *)code;
    gp_frame_t *f = gp_frame_push(t, co, globals,
                                  gp_frame_builtins_for(globals),
                                  locals ? locals : globals, NULL);
    if (!f)
        return NULL;
    gp_obj_t *r = NULL;
    if ((co->ncells == 0 && co->nfrees == 0)
        || gp_frame_init_cells(f, NULL) == 0)
        r = gp_eval_frame(t, f, 0);
    gp_frame_pop(t, f);
    return r;
}

gp_obj_t *gp_eval_class_body(gp_obj_t *func, gp_obj_t *ns)
{
    gp_thread_t *t = gp_tcur();
    gp_function_t *fn = (gp_function_t *)func;
    gp_code_t *co = (gp_code_t *)fn->code;
    gp_frame_t *f = gp_frame_push(t, co, fn->globals, fn->builtins, ns, func);
    if (!f)
        return NULL;
    gp_obj_t *r = NULL;
    if (gp_frame_init_cells(f, fn->closure) == 0)
        r = gp_eval_frame(t, f, 0);
    gp_frame_pop(t, f);
    return r;
}

gp_obj_t *gp_eval_globals(void)
{
    gp_frame_t *f = gp_tcur()->frame;
    return f ? f->globals : NULL;
}

gp_obj_t *gp_eval_locals(void)
{
    gp_frame_t *f = gp_tcur()->frame;
    return f ? gp_frame_locals_dict(f) : NULL;
}

/* With no frame (start-up, a thread before its first call), the
** interpreter's builtins are the sensible answer. */
gp_obj_t *gp_eval_builtins(void)
{
    gp_thread_t *t = gp_tcur();
    return t->frame ? t->frame->builtins : t->interp->builtins;
}

/* ---- names --------------------------------------------------------------- */

void gp_ceval_name_error(gp_obj_t *name)
{
    gp_err_format(&gp_exc_NameError, "name '%U' is not defined", name);
}

gp_obj_t *gp_ceval_load_global(gp_code_t *co, gp_obj_t *globals,
                               gp_obj_t *builtins, int i)
{
    gp_obj_t *name = GP_TUPLE_ITEMS(co->names)[i];
    gp_obj_t *v = gp_dict_getitem(globals, name);
    if (!v) {
        if (gp_err_occurred())
            return NULL;
        v = gp_dict_getitem(builtins, name);
        if (!v) {
            if (!gp_err_occurred())
                gp_ceval_name_error(name);
            return NULL;
        }
    }
    /* Versions read after the lookups: a key's __eq__ run by them may
    ** have changed either dict, and the value is the one found now. */
    if (!co->global_cache)
        co->global_cache = calloc((size_t)GP_SIZE(co->names),
                                  sizeof *co->global_cache);
    if (co->global_cache) {     /* no memory: no cache, nothing wrong */
        gp_global_cache_t *c = &co->global_cache[i];
        c->globals_version = gp_dict_version(globals);
        c->builtins_version = gp_dict_version(builtins);
        c->value = v;
    }
    return v;
}

void gp_ceval_unbound_local(gp_obj_t *name)
{
    gp_err_format(&gp_exc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not "
                  "associated with a value", name);
}

gp_obj_t *gp_ceval_slot_name(gp_code_t *co, int i)
{
    if (i < co->nlocals)
        return GP_TUPLE_GET(co->varnames, i);
    i -= co->nlocals;
    if (i < co->ncells)
        return GP_TUPLE_GET(co->cellvars, i);
    return GP_TUPLE_GET(co->freevars, i - co->ncells);
}

void gp_ceval_deref_error(gp_code_t *co, int i)
{
    gp_obj_t *name = gp_ceval_slot_name(co, i);
    if (i < co->nlocals + co->ncells)
        gp_ceval_unbound_local(name);
    else
        gp_err_format(&gp_exc_NameError,
                      "cannot access free variable '%U' where it is not "
                      "associated with a value in enclosing scope", name);
}

/* ---- calls --------------------------------------------------------------- */

gp_obj_t *gp_ceval_func_str(gp_obj_t *func)
{
    gp_obj_t *qual = NULL, *mod = NULL, *r = NULL;
    if (gp_getattr_opt(func, GP_ID(__qualname__), &qual) < 0)
        return NULL;
    if (!qual || !GP_STR_CHECK(qual)) {
        GP_XDECREF(qual);
        return gp_str_fromformat("%s object", gp_type_name_cstr(GP_TYPE(func)));
    }
    if (gp_getattr_opt(func, GP_ID(__module__), &mod) < 0) {
        GP_DECREF(qual);
        return NULL;
    }
    if (mod && GP_STR_CHECK(mod) && !gp_str_eq_cstr(mod, "builtins"))
        r = gp_str_fromformat("%U.%U()", mod, qual);
    else
        r = gp_str_fromformat("%U()", qual);
    GP_XDECREF(mod);
    GP_DECREF(qual);
    return r;
}

static int is_iterable(gp_obj_t *o)
{
    gp_type_t *tp = GP_TYPE(o);
    return tp->iter || (tp->as_sequence && tp->as_sequence->item)
        || gp_type_lookup(tp, GP_ID(__getitem__)) != NULL;
}

static int is_mapping_like(gp_obj_t *o)
{
    if (GP_DICT_CHECK(o))
        return 1;
    return gp_type_lookup(GP_TYPE(o), GP_ID(keys)) != NULL;
}

gp_obj_t *gp_ceval_call_ex(gp_obj_t *func, gp_obj_t *args, gp_obj_t *kwargs)
{
    gp_obj_t *tuple = NULL, *res = NULL;
    if (GP_TUPLE_CHECK_EXACT(args)) {
        tuple = gp_newref(args);
    } else {
        if (!is_iterable(args)) {
            gp_obj_t *fs = gp_ceval_func_str(func);
            if (fs) {
                gp_err_format(&gp_exc_TypeError,
                              "%U argument after * must be an iterable, not %s",
                              fs, gp_type_name_cstr(GP_TYPE(args)));
                GP_DECREF(fs);
            }
            return NULL;
        }
        tuple = gp_sequence_tuple(args);
        if (!tuple)
            return NULL;
    }
    gp_ssize_t nargs = GP_SIZE(tuple);
    if (!kwargs || (GP_DICT_CHECK(kwargs) && gp_dict_size(kwargs) == 0)) {
        res = gp_vectorcall(func, GP_TUPLE_ITEMS(tuple), nargs, NULL);
        GP_DECREF(tuple);
        return res;
    }
    gp_obj_t *dict = NULL;
    if (GP_DICT_CHECK_EXACT(kwargs)) {
        dict = gp_newref(kwargs);
    } else {
        if (!is_mapping_like(kwargs)) {
            gp_obj_t *fs = gp_ceval_func_str(func);
            if (fs) {
                gp_err_format(&gp_exc_TypeError,
                              "%U argument after ** must be a mapping, not %s",
                              fs, gp_type_name_cstr(GP_TYPE(kwargs)));
                GP_DECREF(fs);
            }
            GP_DECREF(tuple);
            return NULL;
        }
        dict = gp_dict_new();
        if (!dict || gp_dict_update(dict, kwargs) < 0) {
            GP_XDECREF(dict);
            GP_DECREF(tuple);
            return NULL;
        }
    }
    gp_ssize_t nkw = gp_dict_size(dict);
    gp_obj_t *kwnames = gp_tuple_new(nkw);
    gp_obj_t *small[16], **buf = small;
    if (kwnames && nargs + nkw > 16) {
        buf = malloc((size_t)(nargs + nkw) * sizeof(gp_obj_t *));
        if (!buf) {
            gp_err_nomemory();
            GP_CLEAR(kwnames);
        }
    }
    if (kwnames) {
        memcpy(buf, GP_TUPLE_ITEMS(tuple), (size_t)nargs * sizeof(gp_obj_t *));
        gp_ssize_t pos = 0, i = 0;
        gp_obj_t *k, *v;
        int ok = 1;
        while (gp_dict_next(dict, &pos, &k, &v)) {
            if (!GP_STR_CHECK(k)) {
                gp_err_set_str(&gp_exc_TypeError, "keywords must be strings");
                ok = 0;
                /* fill the rest so the tuple can be freed */
            }
            GP_TUPLE_SET(kwnames, i, gp_newref(k));
            buf[nargs + i] = v;
            i++;
        }
        for (; i < nkw; i++)
            GP_TUPLE_SET(kwnames, i, gp_newref(GP_NONE));
        if (ok)
            res = gp_vectorcall(func, buf, nargs, kwnames);
        GP_DECREF(kwnames);
    }
    if (buf != small)
        free(buf);
    GP_DECREF(dict);
    GP_DECREF(tuple);
    return res;
}

int gp_ceval_dict_merge(gp_obj_t *func, gp_obj_t *dict, gp_obj_t *update)
{
    if (!is_mapping_like(update)) {
        gp_obj_t *fs = gp_ceval_func_str(func);
        if (fs) {
            gp_err_format(&gp_exc_TypeError,
                          "%U argument after ** must be a mapping, not %s",
                          fs, gp_type_name_cstr(GP_TYPE(update)));
            GP_DECREF(fs);
        }
        return -1;
    }
    gp_obj_t *src = update;
    if (!GP_DICT_CHECK(update)) {
        src = gp_dict_new();
        if (!src || gp_dict_update(src, update) < 0) {
            GP_XDECREF(src);
            return -1;
        }
    } else {
        GP_INCREF(src);
    }
    gp_ssize_t pos = 0;
    gp_obj_t *k, *v;
    int r = 0;
    while (gp_dict_next(src, &pos, &k, &v)) {
        int has = gp_dict_contains(dict, k);
        if (has < 0) {
            r = -1;
            break;
        }
        if (has) {
            gp_obj_t *fs = gp_ceval_func_str(func);
            if (fs) {
                if (GP_STR_CHECK(k))
                    gp_err_format(&gp_exc_TypeError,
                        "%U got multiple values for keyword argument '%U'",
                        fs, k);
                else
                    gp_err_set_str(&gp_exc_TypeError,
                                   "keywords must be strings");
                GP_DECREF(fs);
            }
            r = -1;
            break;
        }
        if (gp_dict_setitem(dict, k, v) < 0) {
            r = -1;
            break;
        }
    }
    GP_DECREF(src);
    return r;
}

int gp_ceval_dict_update(gp_obj_t *dict, gp_obj_t *update)
{
    if (!is_mapping_like(update)) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not a mapping",
                      gp_type_name_cstr(GP_TYPE(update)));
        return -1;
    }
    return gp_dict_update(dict, update);
}

int gp_ceval_list_extend(gp_obj_t *list, gp_obj_t *iterable)
{
    if (!is_iterable(iterable)) {
        gp_err_format(&gp_exc_TypeError,
                      "Value after * must be an iterable, not %s",
                      gp_type_name_cstr(GP_TYPE(iterable)));
        return -1;
    }
    return gp_list_extend(list, iterable);
}

gp_obj_t *gp_ceval_make_function(gp_obj_t *code, gp_obj_t *globals,
                                 gp_obj_t *defaults, gp_obj_t *kwdefaults,
                                 gp_obj_t *annotations, gp_obj_t *closure)
{
    gp_function_t *fn = (gp_function_t *)gp_function_new(code, globals, NULL);
    if (!fn)
        return NULL;
    if (defaults && defaults != GP_NONE)
        fn->defaults = gp_newref(defaults);
    if (kwdefaults && kwdefaults != GP_NONE)
        fn->kwdefaults = gp_newref(kwdefaults);
    if (closure && closure != GP_NONE)
        fn->closure = gp_newref(closure);
    /* Annotations arrive as a flat tuple (name, value, ...) or a dict. */
    if (annotations && GP_DICT_CHECK(annotations)) {
        fn->annotations = gp_newref(annotations);
    } else if (annotations && GP_TUPLE_CHECK(annotations)) {
        gp_obj_t *d = gp_dict_new();
        if (!d) {
            GP_DECREF(fn);
            return NULL;
        }
        for (gp_ssize_t i = 0; i + 1 < GP_SIZE(annotations); i += 2)
            if (gp_dict_setitem(d, GP_TUPLE_GET(annotations, i),
                                GP_TUPLE_GET(annotations, i + 1)) < 0) {
                GP_DECREF(d);
                GP_DECREF(fn);
                return NULL;
            }
        fn->annotations = d;
    }
    return (gp_obj_t *)fn;
}

/* ---- raise ------------------------------------------------------------- */

static int is_exc_class(gp_obj_t *o)
{
    return GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_TYPE_SUBCLASS) && GP_IS_EXC_TYPE(o);
}

int gp_ceval_do_raise(gp_obj_t *exc, gp_obj_t *cause)
{
    if (!exc) {
        gp_obj_t *h = gp_err_handled();
        if (!h || h == GP_NONE) {
            gp_err_set_str(&gp_exc_RuntimeError,
                           "No active exception to reraise");
            return 0;
        }
        gp_err_restore(gp_newref(h));
        return 1;
    }
    gp_obj_t *value;
    if (is_exc_class(exc)) {
        value = gp_call_noargs(exc);
        if (!value)
            goto fail;
        if (!GP_IS_EXC_INSTANCE(value)) {
            gp_err_format(&gp_exc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %s", exc,
                          gp_type_name_cstr(GP_TYPE(value)));
            GP_DECREF(value);
            goto fail;
        }
    } else if (GP_IS_EXC_INSTANCE(exc)) {
        value = gp_newref(exc);
    } else {
        gp_err_set_str(&gp_exc_TypeError,
                       "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        gp_obj_t *fixed;
        if (is_exc_class(cause)) {
            fixed = gp_call_noargs(cause);
            if (!fixed) {
                GP_DECREF(value);
                goto fail;
            }
        } else if (GP_IS_EXC_INSTANCE(cause)) {
            fixed = gp_newref(cause);
        } else if (cause == GP_NONE) {
            fixed = NULL;
        } else {
            gp_err_set_str(&gp_exc_TypeError,
                           "exception causes must derive from BaseException");
            GP_DECREF(value);
            goto fail;
        }
        gp_exc_set_cause(value, fixed);
        ((gp_exc_obj_t *)value)->suppress_context = 1;
    }
    gp_err_set(GP_TYPE(value), value);
    GP_DECREF(value);
fail:
    GP_XDECREF(exc);
    GP_XDECREF(cause);
    return 0;
}

int gp_ceval_check_except_type(gp_obj_t *type)
{
    if (GP_TUPLE_CHECK(type)) {
        for (gp_ssize_t i = 0; i < GP_SIZE(type); i++)
            if (!is_exc_class(GP_TUPLE_GET(type, i)))
                goto bad;
        return 0;
    }
    if (is_exc_class(type))
        return 0;
bad:
    gp_err_set_str(&gp_exc_TypeError,
                   "catching classes that do not inherit from BaseException "
                   "is not allowed");
    return -1;
}

/* ---- with ---------------------------------------------------------------- */

/* type(o).name bound to o (CPython's special method lookup). */
static gp_obj_t *lookup_special(gp_obj_t *o, gp_obj_t *name)
{
    gp_obj_t *d = gp_type_lookup(GP_TYPE(o), name);
    if (!d)
        return NULL;
    gp_descrget_fn get = GP_TYPE(d)->descr_get;
    if (get)
        return get(d, o, (gp_obj_t *)GP_TYPE(o));
    return gp_newref(d);
}

gp_obj_t *gp_ceval_before_with(gp_obj_t *mgr, gp_obj_t **exit)
{
    *exit = NULL;
    gp_obj_t *enter = lookup_special(mgr, GP_ID(__enter__));
    if (!enter) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError,
                          "'%s' object does not support the context manager "
                          "protocol", gp_type_name_cstr(GP_TYPE(mgr)));
        return NULL;
    }
    gp_obj_t *ex = lookup_special(mgr, GP_ID(__exit__));
    if (!ex) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError,
                          "'%s' object does not support the context manager "
                          "protocol (missed __exit__ method)",
                          gp_type_name_cstr(GP_TYPE(mgr)));
        GP_DECREF(enter);
        return NULL;
    }
    gp_obj_t *res = gp_call_noargs(enter);
    GP_DECREF(enter);
    if (!res) {
        GP_DECREF(ex);
        return NULL;
    }
    *exit = ex;
    return res;
}

gp_obj_t *gp_ceval_with_exit(gp_obj_t *exit, gp_obj_t *exc)
{
    gp_obj_t *tb = GP_IS_EXC_INSTANCE(exc) ? gp_exc_get_traceback(exc) : NULL;
    gp_obj_t *args[3] = {(gp_obj_t *)GP_TYPE(exc), exc, tb ? tb : GP_NONE};
    return gp_vectorcall(exit, args, 3, NULL);
}

/* ---- f-strings, annotations, the REPL's echo ------------------------------ */

gp_obj_t *gp_ceval_format_value(gp_obj_t *v, int conv, gp_obj_t *spec)
{
    gp_obj_t *c = NULL;
    switch (conv) {
    case 1: c = gp_str(v); break;
    case 2: c = gp_repr(v); break;
    case 3: c = gp_ascii(v); break;
    default: c = gp_newref(v); break;
    }
    if (!c)
        return NULL;
    if (!spec && GP_STR_CHECK_EXACT(c))
        return c;
    gp_obj_t *r = gp_format(c, spec);
    GP_DECREF(c);
    return r;
}

int gp_ceval_setup_annotations(gp_frame_t *f)
{
    if (!f->locals) {
        gp_err_set_str(&gp_exc_SystemError,
                       "no locals found when setting up annotations");
        return -1;
    }
    if (GP_DICT_CHECK_EXACT(f->locals)) {
        int has = gp_dict_contains(f->locals, GP_ID(__annotations__));
        if (has != 0)
            return has < 0 ? -1 : 0;
    } else {
        gp_obj_t *v = gp_getitem(f->locals, GP_ID(__annotations__));
        if (v) {
            GP_DECREF(v);
            return 0;
        }
        if (!gp_err_matches(&gp_exc_KeyError))
            return -1;
        gp_err_clear();
    }
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return -1;
    int r = gp_setitem(f->locals, GP_ID(__annotations__), d);
    GP_DECREF(d);
    return r;
}

int gp_ceval_print_expr(gp_obj_t *v)
{
    gp_obj_t *hook = gp_dict_getitem_str(gp_icur()->sysdict, "displayhook");
    if (!hook) {
        if (!gp_err_occurred())
            gp_err_set_str(&gp_exc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    gp_obj_t *r = gp_call_one(hook, v);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* ---- import ---------------------------------------------------------------- */

gp_obj_t *gp_ceval_import_from(gp_obj_t *module, gp_obj_t *name)
{
    gp_obj_t *x = NULL;
    int r = gp_getattr_opt(module, name, &x);
    if (r != 0)
        return r < 0 ? NULL : x;
    /* A submodule imported while its package was half initialised. */
    gp_obj_t *pkgname = NULL;
    if (gp_getattr_opt(module, GP_ID(__name__), &pkgname) < 0)
        return NULL;
    if (pkgname && GP_STR_CHECK(pkgname)) {
        gp_obj_t *full = gp_str_fromformat("%U.%U", pkgname, name);
        if (!full) {
            GP_DECREF(pkgname);
            return NULL;
        }
        x = gp_dict_getitem(gp_icur()->modules, full);
        GP_DECREF(full);
        if (x) {
            GP_DECREF(pkgname);
            return gp_newref(x);
        }
        if (gp_err_occurred()) {
            GP_DECREF(pkgname);
            return NULL;
        }
    }
    gp_obj_t *path = NULL;
    if (gp_getattr_opt(module, GP_ID(__file__), &path) < 0) {
        GP_XDECREF(pkgname);
        return NULL;
    }
    gp_obj_t *mname = pkgname && GP_STR_CHECK(pkgname) ? pkgname : NULL;
    if (mname && path && GP_STR_CHECK(path))
        gp_err_format(&gp_exc_ImportError,
                      "cannot import name '%U' from '%U' (%U)",
                      name, mname, path);
    else if (mname)
        gp_err_format(&gp_exc_ImportError,
                      "cannot import name '%U' from '%U' (unknown location)",
                      name, mname);
    else
        gp_err_format(&gp_exc_ImportError,
                      "cannot import name '%U' from '<unknown module name>' "
                      "(unknown location)", name);
    if (mname) {
        /* ImportError.name: the module the name was not found in */
        gp_obj_t *exc = gp_err_fetch();
        if (exc && gp_setattr_str(exc, "name", mname) < 0)
            gp_err_clear();
        gp_err_restore(exc);
    }
    GP_XDECREF(path);
    GP_XDECREF(pkgname);
    return NULL;
}

int gp_ceval_import_star(gp_frame_t *f, gp_obj_t *module)
{
    if (!f->locals) {
        gp_err_set_str(&gp_exc_SystemError,
                       "no locals found during 'import *'");
        return -1;
    }
    gp_obj_t *all = NULL;
    int skip_private = 0;
    if (gp_getattr_opt(module, GP_ID(__all__), &all) < 0)
        return -1;
    if (!all) {
        gp_obj_t *d = NULL;
        if (gp_getattr_opt(module, GP_ID(__dict__), &d) < 0)
            return -1;
        if (!d) {
            gp_err_set_str(&gp_exc_ImportError,
                "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = GP_DICT_CHECK(d) ? gp_dict_keys(d) : gp_sequence_list(d);
        GP_DECREF(d);
        if (!all)
            return -1;
        skip_private = 1;
    }
    gp_obj_t *seq = gp_sequence_list(all);
    GP_DECREF(all);
    if (!seq)
        return -1;
    int r = 0;
    for (gp_ssize_t i = 0; i < GP_SIZE(seq); i++) {
        gp_obj_t *name = GP_LIST_GET(seq, i);
        if (!GP_STR_CHECK(name)) {
            gp_err_format(&gp_exc_TypeError,
                          "%s in module.%s must be str, not %s",
                          skip_private ? "Key" : "Item",
                          skip_private ? "__dict__" : "__all__",
                          gp_type_name_cstr(GP_TYPE(name)));
            r = -1;
            break;
        }
        if (skip_private && GP_STR_LEN(name) > 0 && gp_str_read(name, 0) == '_')
            continue;
        gp_obj_t *v = gp_getattr(module, name);
        if (!v) {
            r = -1;
            break;
        }
        r = GP_DICT_CHECK_EXACT(f->locals) ? gp_dict_setitem(f->locals, name, v)
                                           : gp_setitem(f->locals, name, v);
        GP_DECREF(v);
        if (r < 0)
            break;
    }
    GP_DECREF(seq);
    return r;
}
