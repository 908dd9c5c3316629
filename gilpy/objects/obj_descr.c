/*
** obj_descr.c — the callables and descriptors of descrobj.h: builtin
** functions and methods, method / classmethod / slot-wrapper / getset
** descriptors, method-wrapper, property, staticmethod, classmethod and
** super.  Descriptors are immutable after creation; property,
** staticmethod and classmethod hold Python objects and are GC types.
** Guard: the GIL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "objects/typeslots.h"
#include "vm/errors.h"
#include "vm/funcobj.h"
#include "vm/frame.h"
#include "vm/state.h"
#include "objects/moduleobj.h"

/* ---- calling a gp_methoddef_t ------------------------------------------ */

/* The name CPython's arity errors use (_PyObject_FunctionStr): "len",
** "_thread.allocate_lock" (a module's function), "lock.release" (a
** method, by its type). */
static void func_str(char *buf, size_t n, const gp_methoddef_t *def,
                     gp_obj_t *self)
{
    const char *prefix = NULL;
    if (self && GP_MODULE_CHECK(self)) {
        gp_obj_t *mn = ((gp_module_t *)self)->name;
        prefix = mn && GP_STR_CHECK(mn) ? gp_str_utf8(mn, NULL) : NULL;
        if (prefix && !strcmp(prefix, "builtins"))
            prefix = NULL;
    } else if (self) {
        gp_type_t *t = GP_TYPE_CHECK_FAST(self, GP_TPFLAGS_TYPE_SUBCLASS)
                       && (def->flags & GP_METH_CLASS) ? (gp_type_t *)self
                                                       : GP_TYPE(self);
        prefix = gp_type_name_cstr(t);
    }
    if (prefix)
        snprintf(buf, n, "%s.%s", prefix, def->name);
    else
        snprintf(buf, n, "%s", def->name);
}

static int no_kw(const gp_methoddef_t *def, gp_obj_t *self,
                 gp_obj_t *kwnames)
{
    if (kwnames && GP_SIZE(kwnames)) {
        char name[128];
        func_str(name, sizeof name, def, self);
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments",
                      name);
        return -1;
    }
    return 0;
}

gp_obj_t *gp_methoddef_call(const gp_methoddef_t *def, gp_obj_t *self,
                            gp_obj_t *const *args, gp_ssize_t nargs,
                            gp_obj_t *kwnames)
{
    int f = def->flags & ~(GP_METH_CLASS | GP_METH_STATIC);
    if (gp_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    gp_obj_t *r = NULL;
    switch (f) {
    case GP_METH_NOARGS:
        if (no_kw(def, self, kwnames) < 0)
            break;
        if (nargs) {
            char name[128];
            func_str(name, sizeof name, def, self);
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes no arguments (%zd given)", name,
                          nargs);
            break;
        }
        r = def->fn(self, NULL);
        break;
    case GP_METH_O:
        if (no_kw(def, self, kwnames) < 0)
            break;
        if (nargs != 1) {
            char name[128];
            func_str(name, sizeof name, def, self);
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes exactly one argument (%zd given)",
                          name, nargs);
            break;
        }
        r = def->fn(self, args[0]);
        break;
    case GP_METH_FASTCALL:
        /* varargs functions name themselves plainly here (3.11) */
        if (no_kw(def, NULL, kwnames) < 0)
            break;
        r = ((gp_cfunc_fast_t)(void (*)(void))def->fn)(self, args, nargs);
        break;
    case GP_METH_FASTCALL | GP_METH_KEYWORDS:
        r = ((gp_cfunc_fastkw_t)(void (*)(void))def->fn)(
            self, args, nargs, kwnames && GP_SIZE(kwnames) ? kwnames : NULL);
        break;
    default:
        gp_err_set_str(&gp_exc_SystemError, "bad method flags");
    }
    gp_leave_recursive_call();
    return r;
}

/* ---- builtin_function_or_method ---------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_vectorcall_fn vectorcall;
    const gp_methoddef_t *def;
    gp_obj_t *self;             /* module, bound object, or NULL */
    gp_obj_t *module;           /* __module__ or NULL */
} cfunc_t;

static gp_obj_t *cfunc_vectorcall(gp_obj_t *o, gp_obj_t *const *args,
                                  gp_ssize_t nargs, gp_obj_t *kwnames)
{
    cfunc_t *f = (cfunc_t *)o;
    return gp_methoddef_call(f->def, f->self, args, nargs, kwnames);
}

gp_obj_t *gp_cfunction_new(const gp_methoddef_t *def, gp_obj_t *self,
                           gp_obj_t *module_name)
{
    cfunc_t *f = (cfunc_t *)gp_type_alloc(&gp_cfunction_type, 0);
    if (!f)
        return NULL;
    f->vectorcall = cfunc_vectorcall;
    f->def = def;
    f->self = gp_xnewref(self);
    f->module = gp_xnewref(module_name);
    gp_gc_track((gp_obj_t *)f);
    return (gp_obj_t *)f;
}

static void cfunc_dealloc(gp_obj_t *o)
{
    cfunc_t *f = (cfunc_t *)o;
    gp_gc_untrack(o);
    GP_XDECREF(f->self);
    GP_XDECREF(f->module);
    gp_object_free(o);
}

static int cfunc_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    cfunc_t *f = (cfunc_t *)o;
    GP_VISIT(f->self);
    GP_VISIT(f->module);
    return 0;
}

static int cfunc_clear(gp_obj_t *o)
{
    cfunc_t *f = (cfunc_t *)o;
    GP_CLEAR(f->self);
    GP_CLEAR(f->module);
    return 0;
}

static gp_obj_t *cfunc_repr(gp_obj_t *o)
{
    cfunc_t *f = (cfunc_t *)o;
    if (!f->self || GP_TYPE(f->self) == &gp_module_type)
        return gp_str_fromformat("<built-in function %s>", f->def->name);
    return gp_str_fromformat("<built-in method %s of %s object at %p>",
                             f->def->name,
                             gp_type_name_cstr(GP_TYPE(f->self)),
                             (void *)f->self);
}

static gp_obj_t *cfunc_get_name(gp_obj_t *o, void *c)
{
    return gp_str_from_cstr(((cfunc_t *)o)->def->name);
}

static gp_obj_t *cfunc_get_qualname(gp_obj_t *o, void *c)
{
    cfunc_t *f = (cfunc_t *)o;
    if (!f->self || GP_TYPE(f->self) == &gp_module_type)
        return gp_str_from_cstr(f->def->name);
    gp_type_t *t = GP_TYPE_CHECK_FAST(f->self, GP_TPFLAGS_TYPE_SUBCLASS)
                   ? (gp_type_t *)f->self : GP_TYPE(f->self);
    return gp_str_fromformat("%s.%s", gp_type_name_cstr(t), f->def->name);
}

static gp_obj_t *cfunc_get_self(gp_obj_t *o, void *c)
{
    gp_obj_t *s = ((cfunc_t *)o)->self;
    return gp_newref(s ? s : GP_NONE);
}

static gp_obj_t *cfunc_get_module(gp_obj_t *o, void *c)
{
    gp_obj_t *m = ((cfunc_t *)o)->module;
    return gp_newref(m ? m : GP_NONE);
}

static gp_obj_t *cfunc_get_doc(gp_obj_t *o, void *c)
{
    const char *d = ((cfunc_t *)o)->def->doc;
    return d ? gp_str_from_cstr(d) : gp_newref(GP_NONE);
}

static gp_getsetdef_t cfunc_getset[] = {
    {"__name__", cfunc_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunc_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunc_get_self, NULL, NULL, NULL},
    {"__module__", cfunc_get_module, NULL, NULL, NULL},
    {"__doc__", cfunc_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *cfunc_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if ((op != GP_EQ && op != GP_NE) || GP_TYPE(b) != &gp_cfunction_type)
        GP_RETURN_NOTIMPLEMENTED;
    cfunc_t *x = (cfunc_t *)a, *y = (cfunc_t *)b;
    int eq = x->def == y->def && x->self == y->self;
    return gp_bool_from(op == GP_EQ ? eq : !eq);
}

static gp_hash_t cfunc_hash(gp_obj_t *o)
{
    cfunc_t *f = (cfunc_t *)o;
    gp_hash_t h = gp_hash_pointer(f->def) ^ gp_hash_pointer(f->self);
    return h == -1 ? -2 : h;
}

gp_type_t gp_cfunction_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(cfunc_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = cfunc_dealloc,
    .repr = cfunc_repr,
    .hash = cfunc_hash,
    .richcompare = cfunc_richcompare,
    .call = cfunc_vectorcall,
    .traverse = cfunc_traverse,
    .clear = cfunc_clear,
    .getset = cfunc_getset,
};

/* ---- method descriptors (list.append) -------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_vectorcall_fn vectorcall;
    gp_type_t *type;            /* the type it belongs to (static) */
    const gp_methoddef_t *def;
    int slot;                   /* wrapper descriptors: the slot */
} descr_t;

static int descr_check(descr_t *d, gp_obj_t *obj, const char *name)
{
    if (!GP_ISINSTANCE_OF(obj, d->type)) {
        gp_err_format(&gp_exc_TypeError,
                      "descriptor '%s' for '%s' objects doesn't apply to a "
                      "'%s' object", name, gp_type_name_cstr(d->type),
                      gp_type_name_cstr(GP_TYPE(obj)));
        return -1;
    }
    return 0;
}

static gp_obj_t *mdescr_vectorcall(gp_obj_t *o, gp_obj_t *const *args,
                                   gp_ssize_t nargs, gp_obj_t *kwnames)
{
    descr_t *d = (descr_t *)o;
    if (nargs < 1) {
        return gp_err_format(&gp_exc_TypeError,
                             "unbound method %s.%s() needs an argument",
                             gp_type_name_cstr(d->type), d->def->name);
    }
    if (descr_check(d, args[0], d->def->name) < 0)
        return NULL;
    return gp_methoddef_call(d->def, args[0], args + 1, nargs - 1, kwnames);
}

static gp_obj_t *mdescr_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    descr_t *d = (descr_t *)o;
    if (!obj)
        return gp_newref(o);
    if (descr_check(d, obj, d->def->name) < 0)
        return NULL;
    return gp_cfunction_new(d->def, obj, NULL);
}

static void descr_dealloc(gp_obj_t *o)
{
    gp_object_free(o);
}

static gp_obj_t *mdescr_repr(gp_obj_t *o)
{
    descr_t *d = (descr_t *)o;
    return gp_str_fromformat("<method '%s' of '%s' objects>", d->def->name,
                             gp_type_name_cstr(d->type));
}

static gp_obj_t *descr_get_name(gp_obj_t *o, void *c)
{
    descr_t *d = (descr_t *)o;
    return gp_str_from_cstr(d->def ? d->def->name : gp_slot_name(d->slot));
}

static gp_obj_t *descr_get_qualname(gp_obj_t *o, void *c)
{
    descr_t *d = (descr_t *)o;
    return gp_str_fromformat("%s.%s", gp_type_name_cstr(d->type),
                             d->def ? d->def->name : gp_slot_name(d->slot));
}

static gp_obj_t *descr_get_objclass(gp_obj_t *o, void *c)
{
    return gp_newref((gp_obj_t *)((descr_t *)o)->type);
}

static gp_obj_t *descr_get_doc(gp_obj_t *o, void *c)
{
    descr_t *d = (descr_t *)o;
    if (d->def && d->def->doc)
        return gp_str_from_cstr(d->def->doc);
    GP_RETURN_NONE;
}

static gp_getsetdef_t descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", descr_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_method_descr_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "method_descriptor",
    .basicsize = sizeof(descr_t),
    .flags = GP_TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = descr_dealloc,
    .repr = mdescr_repr,
    .call = mdescr_vectorcall,
    .descr_get = mdescr_get,
    .getset = descr_getset,
};

gp_obj_t *gp_method_descr_new(gp_type_t *t, const gp_methoddef_t *def)
{
    descr_t *d = (descr_t *)gp_type_alloc(&gp_method_descr_type, 0);
    if (!d)
        return NULL;
    d->vectorcall = mdescr_vectorcall;
    d->type = t;
    d->def = def;
    return (gp_obj_t *)d;
}

/* dict.fromkeys: bound to the class it is got through. */
static gp_obj_t *cmdescr_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    descr_t *d = (descr_t *)o;
    if (!type)
        type = (gp_obj_t *)GP_TYPE(obj);
    return gp_cfunction_new(d->def, type, NULL);
}

static gp_obj_t *cmdescr_vectorcall(gp_obj_t *o, gp_obj_t *const *args,
                                    gp_ssize_t nargs, gp_obj_t *kwnames)
{
    descr_t *d = (descr_t *)o;
    if (nargs < 1 || !GP_TYPE_CHECK_FAST(args[0], GP_TPFLAGS_TYPE_SUBCLASS)) {
        return gp_err_format(&gp_exc_TypeError,
                             "descriptor '%s' for type '%s' needs a type",
                             d->def->name, gp_type_name_cstr(d->type));
    }
    return gp_methoddef_call(d->def, args[0], args + 1, nargs - 1, kwnames);
}

static gp_obj_t *cmdescr_repr(gp_obj_t *o)
{
    descr_t *d = (descr_t *)o;
    return gp_str_fromformat("<method '%s' of '%s' objects>", d->def->name,
                             gp_type_name_cstr(d->type));
}

gp_type_t gp_classmethod_descr_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(descr_t),
    .dealloc = descr_dealloc,
    .repr = cmdescr_repr,
    .call = cmdescr_vectorcall,
    .descr_get = cmdescr_get,
    .getset = descr_getset,
};

gp_obj_t *gp_classmethod_descr_new(gp_type_t *t, const gp_methoddef_t *def)
{
    descr_t *d = (descr_t *)gp_type_alloc(&gp_classmethod_descr_type, 0);
    if (!d)
        return NULL;
    d->vectorcall = cmdescr_vectorcall;
    d->type = t;
    d->def = def;
    return (gp_obj_t *)d;
}

/* ---- slot wrappers (int.__add__) and method-wrapper ------------------- */

static gp_obj_t *wdescr_vectorcall(gp_obj_t *o, gp_obj_t *const *args,
                                   gp_ssize_t nargs, gp_obj_t *kwnames)
{
    descr_t *d = (descr_t *)o;
    const char *name = gp_slot_name(d->slot);
    if (nargs < 1) {
        return gp_err_format(&gp_exc_TypeError,
                             "descriptor '%s' of '%s' object needs an "
                             "argument", name, gp_type_name_cstr(d->type));
    }
    if (descr_check(d, args[0], name) < 0)
        return NULL;
    return gp_slot_call(d->type, d->slot, args[0], args + 1, nargs - 1,
                        kwnames);
}

typedef struct {
    gp_obj_t ob;
    gp_vectorcall_fn vectorcall;
    descr_t *descr;
    gp_obj_t *self;
} mwrapper_t;

static gp_obj_t *mwrapper_vectorcall(gp_obj_t *o, gp_obj_t *const *args,
                                     gp_ssize_t nargs, gp_obj_t *kwnames)
{
    mwrapper_t *w = (mwrapper_t *)o;
    return gp_slot_call(w->descr->type, w->descr->slot, w->self, args,
                        nargs, kwnames);
}

static gp_obj_t *wdescr_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    descr_t *d = (descr_t *)o;
    if (!obj)
        return gp_newref(o);
    if (descr_check(d, obj, gp_slot_name(d->slot)) < 0)
        return NULL;
    mwrapper_t *w = (mwrapper_t *)gp_type_alloc(&gp_method_wrapper_type, 0);
    if (!w)
        return NULL;
    w->vectorcall = mwrapper_vectorcall;
    w->descr = (descr_t *)gp_newref(o);
    w->self = gp_newref(obj);
    gp_gc_track((gp_obj_t *)w);
    return (gp_obj_t *)w;
}

static gp_obj_t *wdescr_repr(gp_obj_t *o)
{
    descr_t *d = (descr_t *)o;
    return gp_str_fromformat("<slot wrapper '%s' of '%s' objects>",
                             gp_slot_name(d->slot),
                             gp_type_name_cstr(d->type));
}

gp_type_t gp_wrapper_descr_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(descr_t),
    .flags = GP_TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = descr_dealloc,
    .repr = wdescr_repr,
    .call = wdescr_vectorcall,
    .descr_get = wdescr_get,
    .getset = descr_getset,
};

gp_obj_t *gp_wrapper_descr_new(gp_type_t *t, int slot)
{
    descr_t *d = (descr_t *)gp_type_alloc(&gp_wrapper_descr_type, 0);
    if (!d)
        return NULL;
    d->vectorcall = wdescr_vectorcall;
    d->type = t;
    d->slot = slot;
    return (gp_obj_t *)d;
}

int gp_wrapper_descr_slot(gp_obj_t *w, gp_type_t **owner)
{
    descr_t *d = (descr_t *)w;
    *owner = d->type;
    return d->slot;
}

int gp_wrapper_descr_is(gp_obj_t *w, gp_type_t *t, int slot)
{
    descr_t *d = (descr_t *)w;
    return GP_TYPE(w) == &gp_wrapper_descr_type && d->type == t &&
           d->slot == slot;
}

static void mwrapper_dealloc(gp_obj_t *o)
{
    mwrapper_t *w = (mwrapper_t *)o;
    gp_gc_untrack(o);
    GP_XDECREF(w->descr);
    GP_XDECREF(w->self);
    gp_object_free(o);
}

static int mwrapper_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((mwrapper_t *)o)->self);
    return 0;
}

static gp_obj_t *mwrapper_repr(gp_obj_t *o)
{
    mwrapper_t *w = (mwrapper_t *)o;
    return gp_str_fromformat("<method-wrapper '%s' of %s object at %p>",
                             gp_slot_name(w->descr->slot),
                             gp_type_name_cstr(GP_TYPE(w->self)),
                             (void *)w->self);
}

static gp_obj_t *mwrapper_get_self(gp_obj_t *o, void *c)
{
    return gp_newref(((mwrapper_t *)o)->self);
}

static gp_obj_t *mwrapper_get_name(gp_obj_t *o, void *c)
{
    return gp_str_from_cstr(gp_slot_name(((mwrapper_t *)o)->descr->slot));
}

static gp_getsetdef_t mwrapper_getset[] = {
    {"__self__", mwrapper_get_self, NULL, NULL, NULL},
    {"__name__", mwrapper_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *mwrapper_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if ((op != GP_EQ && op != GP_NE) || GP_TYPE(b) != GP_TYPE(a))
        GP_RETURN_NOTIMPLEMENTED;
    mwrapper_t *x = (mwrapper_t *)a, *y = (mwrapper_t *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return gp_bool_from(op == GP_EQ ? eq : !eq);
}

gp_type_t gp_method_wrapper_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "method-wrapper",
    .basicsize = sizeof(mwrapper_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = mwrapper_dealloc,
    .repr = mwrapper_repr,
    .richcompare = mwrapper_richcompare,
    .call = mwrapper_vectorcall,
    .traverse = mwrapper_traverse,
    .getset = mwrapper_getset,
};

/* ---- getset descriptors --------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_type_t *type;
    const gp_getsetdef_t *def;
} getset_t;

static gp_obj_t *getset_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    getset_t *g = (getset_t *)o;
    if (!obj)
        return gp_newref(o);
    if (!GP_ISINSTANCE_OF(obj, g->type)) {
        return gp_err_format(&gp_exc_TypeError,
                             "descriptor '%s' for '%s' objects doesn't apply "
                             "to a '%s' object", g->def->name,
                             gp_type_name_cstr(g->type),
                             gp_type_name_cstr(GP_TYPE(obj)));
    }
    if (!g->def->get) {
        return gp_err_format(&gp_exc_AttributeError,
                             "attribute '%s' of '%s' objects is not "
                             "readable", g->def->name,
                             gp_type_name_cstr(g->type));
    }
    return g->def->get(obj, g->def->closure);
}

static int getset_set(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *v)
{
    getset_t *g = (getset_t *)o;
    if (!g->def->set) {
        gp_err_format(&gp_exc_AttributeError,
                      "attribute '%s' of '%s' objects is not writable",
                      g->def->name, gp_type_name_cstr(g->type));
        return -1;
    }
    return g->def->set(obj, v, g->def->closure);
}

static gp_obj_t *getset_repr(gp_obj_t *o)
{
    getset_t *g = (getset_t *)o;
    return gp_str_fromformat("<attribute '%s' of '%s' objects>",
                             g->def->name, gp_type_name_cstr(g->type));
}

gp_type_t gp_getset_descr_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "getset_descriptor",
    .basicsize = sizeof(getset_t),
    .dealloc = descr_dealloc,
    .repr = getset_repr,
    .descr_get = getset_get,
    .descr_set = getset_set,
};

gp_obj_t *gp_getset_descr_new(gp_type_t *t, const gp_getsetdef_t *def)
{
    getset_t *g = (getset_t *)gp_type_alloc(&gp_getset_descr_type, 0);
    if (!g)
        return NULL;
    g->type = t;
    g->def = def;
    return (gp_obj_t *)g;
}

/* ---- staticmethod and classmethod ---------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *callable;
    gp_obj_t *dict;
} smethod_t;

static void sm_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((smethod_t *)o)->callable);
    GP_XDECREF(((smethod_t *)o)->dict);
    gp_object_free(o);
}

static int sm_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((smethod_t *)o)->callable);
    GP_VISIT(((smethod_t *)o)->dict);
    return 0;
}

static int sm_clear(gp_obj_t *o)
{
    GP_CLEAR(((smethod_t *)o)->callable);
    GP_CLEAR(((smethod_t *)o)->dict);
    return 0;
}

static gp_obj_t *sm_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    return gp_newref(((smethod_t *)o)->callable);
}

static int sm_init(gp_obj_t *o, gp_obj_t *const *args, gp_ssize_t nargs,
                   gp_obj_t *kwnames)
{
    const char *name = GP_TYPE(o) == &gp_classmethod_type ? "classmethod"
                                                          : "staticmethod";
    if (kwnames && GP_SIZE(kwnames)) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments",
                      name);
        return -1;
    }
    if (nargs != 1) {
        gp_err_format(&gp_exc_TypeError, "%s expected 1 argument, got %zd",
                      name, nargs);
        return -1;
    }
    GP_SETREF(((smethod_t *)o)->callable, gp_newref(args[0]));
    return 0;
}

static gp_obj_t *sm_get_func(gp_obj_t *o, void *c)
{
    gp_obj_t *f = ((smethod_t *)o)->callable;
    return gp_newref(f ? f : GP_NONE);
}

static gp_obj_t *sm_get_isabstract(gp_obj_t *o, void *c)
{
    GP_RETURN_FALSE;
}

static gp_getsetdef_t sm_getset[] = {
    {"__func__", sm_get_func, NULL, NULL, NULL},
    {"__wrapped__", sm_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", sm_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *sm_call(gp_obj_t *o, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return gp_vectorcall(((smethod_t *)o)->callable, args, nargs, kwnames);
}

static gp_obj_t *sm_repr(gp_obj_t *o)
{
    const char *name = GP_TYPE(o) == &gp_classmethod_type ? "classmethod"
                                                          : "staticmethod";
    return gp_str_fromformat("<%s(%R)>", name, ((smethod_t *)o)->callable);
}

gp_type_t gp_staticmethod_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "staticmethod",
    .basicsize = sizeof(smethod_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = sm_dealloc,
    .repr = sm_repr,
    .call = sm_call,
    .descr_get = sm_get,
    .new_ = gp_type_generic_new,
    .init = sm_init,
    .traverse = sm_traverse,
    .clear = sm_clear,
    .getset = sm_getset,
    .dictoffset = offsetof(smethod_t, dict),
};

static gp_obj_t *cm_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    if (!type)
        type = (gp_obj_t *)GP_TYPE(obj);
    gp_obj_t *f = ((smethod_t *)o)->callable;
    if (GP_TYPE(f)->descr_get && GP_TYPE(f) != &gp_function_type)
        return GP_TYPE(f)->descr_get(f, type, NULL);
    return gp_method_new(f, type);
}

gp_type_t gp_classmethod_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "classmethod",
    .basicsize = sizeof(smethod_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = sm_dealloc,
    .repr = sm_repr,
    .descr_get = cm_get,
    .new_ = gp_type_generic_new,
    .init = sm_init,
    .traverse = sm_traverse,
    .clear = sm_clear,
    .getset = sm_getset,
    .dictoffset = offsetof(smethod_t, dict),
};

static gp_obj_t *sm_make(gp_type_t *t, gp_obj_t *callable)
{
    smethod_t *s = (smethod_t *)gp_type_alloc(t, 0);
    if (!s)
        return NULL;
    s->callable = gp_newref(callable);
    gp_gc_track((gp_obj_t *)s);
    return (gp_obj_t *)s;
}

gp_obj_t *gp_staticmethod_new(gp_obj_t *callable)
{
    return sm_make(&gp_staticmethod_type, callable);
}

gp_obj_t *gp_classmethod_new(gp_obj_t *callable)
{
    return sm_make(&gp_classmethod_type, callable);
}

gp_obj_t *gp_staticmethod_from_cfunction(const gp_methoddef_t *def,
                                         gp_obj_t *self)
{
    gp_obj_t *f = gp_cfunction_new(def, self, NULL);
    if (!f)
        return NULL;
    gp_obj_t *s = gp_staticmethod_new(f);
    GP_DECREF(f);
    return s;
}

const gp_methoddef_t *gp_staticmethod_cdef(gp_obj_t *sm, gp_obj_t **self)
{
    if (GP_TYPE(sm) != &gp_staticmethod_type)
        return NULL;
    gp_obj_t *f = ((smethod_t *)sm)->callable;
    if (!f || GP_TYPE(f) != &gp_cfunction_type)
        return NULL;
    *self = ((cfunc_t *)f)->self;
    return ((cfunc_t *)f)->def;
}

/* ---- property -------------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *fget, *fset, *fdel, *doc;
    gp_obj_t *name;             /* from __set_name__, for messages */
} property_t;

static void prop_dealloc(gp_obj_t *o)
{
    property_t *p = (property_t *)o;
    gp_gc_untrack(o);
    GP_XDECREF(p->fget);
    GP_XDECREF(p->fset);
    GP_XDECREF(p->fdel);
    GP_XDECREF(p->doc);
    GP_XDECREF(p->name);
    gp_object_free(o);
}

static int prop_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    property_t *p = (property_t *)o;
    GP_VISIT(p->fget);
    GP_VISIT(p->fset);
    GP_VISIT(p->fdel);
    GP_VISIT(p->doc);
    return 0;
}

static int prop_clear(gp_obj_t *o)
{
    property_t *p = (property_t *)o;
    GP_CLEAR(p->fget);
    GP_CLEAR(p->fset);
    GP_CLEAR(p->fdel);
    GP_CLEAR(p->doc);
    return 0;
}

/* 3.11: "property 'x' of 'C' object has no setter" */
static gp_obj_t *prop_error(property_t *p, gp_obj_t *obj, const char *what)
{
    if (p->name)
        return gp_err_format(&gp_exc_AttributeError,
                             "property %R of '%s' object has no %s", p->name,
                             gp_type_name_cstr(GP_TYPE(obj)), what);
    return gp_err_format(&gp_exc_AttributeError, "property of '%s' object "
                         "has no %s", gp_type_name_cstr(GP_TYPE(obj)), what);
}

static gp_obj_t *prop_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    property_t *p = (property_t *)o;
    if (!obj)
        return gp_newref(o);
    if (!p->fget || p->fget == GP_NONE)
        return prop_error(p, obj, "getter");
    return gp_call_one(p->fget, obj);
}

static int prop_set(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *v)
{
    property_t *p = (property_t *)o;
    gp_obj_t *f = v ? p->fset : p->fdel;
    if (!f || f == GP_NONE) {
        prop_error(p, obj, v ? "setter" : "deleter");
        return -1;
    }
    gp_obj_t *r = v ? gp_call_args(f, 2, obj, v) : gp_call_one(f, obj);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static int prop_init(gp_obj_t *o, gp_obj_t *const *args, gp_ssize_t nargs,
                     gp_obj_t *kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    gp_obj_t *a[4];
    if (gp_arg_parse("property", args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    property_t *p = (property_t *)o;
    GP_SETREF(p->fget, a[0] && a[0] != GP_NONE ? gp_newref(a[0]) : NULL);
    GP_SETREF(p->fset, a[1] && a[1] != GP_NONE ? gp_newref(a[1]) : NULL);
    GP_SETREF(p->fdel, a[2] && a[2] != GP_NONE ? gp_newref(a[2]) : NULL);
    gp_obj_t *doc = a[3];
    if ((!doc || doc == GP_NONE) && p->fget) {
        gp_obj_t *d = NULL;
        if (gp_getattr_opt(p->fget, GP_ID(__doc__), &d) < 0)
            return -1;
        GP_SETREF(p->doc, d);
    } else {
        GP_SETREF(p->doc, doc ? gp_newref(doc) : NULL);
    }
    return 0;
}

static gp_obj_t *prop_copy(gp_obj_t *o, gp_obj_t *get, gp_obj_t *set,
                           gp_obj_t *del)
{
    property_t *p = (property_t *)o;
    gp_type_t *t = GP_TYPE(o);
    gp_obj_t *args[4] = {
        get ? get : p->fget ? p->fget : GP_NONE,
        set ? set : p->fset ? p->fset : GP_NONE,
        del ? del : p->fdel ? p->fdel : GP_NONE,
        p->doc ? p->doc : GP_NONE,
    };
    gp_obj_t *n = gp_vectorcall((gp_obj_t *)t, args, 4, NULL);
    if (n && GP_TYPE(n) == &gp_property_type && p->name)
        ((property_t *)n)->name = gp_newref(p->name);
    return n;
}

static gp_obj_t *prop_getter(gp_obj_t *o, gp_obj_t *f)
{
    return prop_copy(o, f, NULL, NULL);
}

static gp_obj_t *prop_setter(gp_obj_t *o, gp_obj_t *f)
{
    return prop_copy(o, NULL, f, NULL);
}

static gp_obj_t *prop_deleter(gp_obj_t *o, gp_obj_t *f)
{
    return prop_copy(o, NULL, NULL, f);
}

static gp_obj_t *prop_set_name(gp_obj_t *o, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    if (gp_arg_count("__set_name__", nargs, 2, 2) < 0)
        return NULL;
    GP_SETREF(((property_t *)o)->name, gp_newref(args[1]));
    GP_RETURN_NONE;
}

static gp_methoddef_t prop_methods[] = {
    {"getter", prop_getter, GP_METH_O, NULL},
    {"setter", prop_setter, GP_METH_O, NULL},
    {"deleter", prop_deleter, GP_METH_O, NULL},
    {"__set_name__", GP_METH_FN(prop_set_name), GP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_obj_t *prop_field(gp_obj_t *o, void *c)
{
    property_t *p = (property_t *)o;
    gp_obj_t *v = c == (void *)0 ? p->fget : c == (void *)1 ? p->fset
                : c == (void *)2 ? p->fdel : p->doc;
    return gp_newref(v ? v : GP_NONE);
}

static gp_getsetdef_t prop_getset[] = {
    {"fget", prop_field, NULL, NULL, (void *)0},
    {"fset", prop_field, NULL, NULL, (void *)1},
    {"fdel", prop_field, NULL, NULL, (void *)2},
    {"__doc__", prop_field, NULL, NULL, (void *)3},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_property_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "property",
    .basicsize = sizeof(property_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = prop_dealloc,
    .descr_get = prop_get,
    .descr_set = prop_set,
    .new_ = gp_type_generic_new,
    .init = prop_init,
    .traverse = prop_traverse,
    .clear = prop_clear,
    .methods = prop_methods,
    .getset = prop_getset,
};

/* ---- super ------------------------------------------------------------------ */

typedef struct {
    gp_obj_t ob;
    gp_type_t *type;            /* the class super() was given */
    gp_obj_t *obj;              /* the instance or class, or NULL */
    gp_type_t *obj_type;        /* type of obj for the MRO walk */
} super_t;

static gp_type_t *super_check(gp_type_t *type, gp_obj_t *obj)
{
    if (GP_TYPE_CHECK_FAST(obj, GP_TPFLAGS_TYPE_SUBCLASS) &&
        gp_type_is_subtype((gp_type_t *)obj, type))
        return (gp_type_t *)obj;
    if (gp_type_is_subtype(GP_TYPE(obj), type))
        return GP_TYPE(obj);
    gp_err_set_str(&gp_exc_TypeError,
                   "super(type, obj): obj must be an instance or subtype of "
                   "type");
    return NULL;
}

static int super_fill(super_t *s, gp_type_t *type, gp_obj_t *obj)
{
    gp_type_t *ot = NULL;
    if (obj == GP_NONE)
        obj = NULL;
    if (obj && !(ot = super_check(type, obj)))
        return -1;
    GP_INCREF(type);
    GP_SETREF(s->type, type);
    GP_SETREF(s->obj, gp_xnewref(obj));
    if (ot)
        GP_INCREF(ot);
    GP_SETREF(s->obj_type, ot);
    return 0;
}

gp_obj_t *gp_super_new(gp_type_t *type, gp_obj_t *obj)
{
    super_t *s = (super_t *)gp_type_alloc(&gp_super_type, 0);
    if (!s)
        return NULL;
    gp_gc_track((gp_obj_t *)s);
    if (super_fill(s, type, obj) < 0) {
        GP_DECREF(s);
        return NULL;
    }
    return (gp_obj_t *)s;
}

/* super() with no arguments: the calling function's first argument and
** its __class__ cell (the compiler makes one for a method that uses
** super).  Borrowed results. */
static int frame_super_args(gp_obj_t **type, gp_obj_t **obj)
{
    gp_frame_t *f = gp_tcur()->frame;
    if (!f) {
        gp_err_set_str(&gp_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    gp_code_t *co = f->code;
    if (co->argcount == 0 && !(co->flags & GP_CO_VARARGS)) {
        gp_err_set_str(&gp_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    gp_obj_t *first = f->localsplus[0];
    if (co->cell2arg) {
        /* the first argument lives in a cell */
        for (int i = 0; i < co->ncells; i++)
            if (co->cell2arg[i] == 0) {
                gp_obj_t *cell = f->localsplus[co->nlocals + i];
                first = cell ? ((gp_cell_t *)cell)->ref : NULL;
            }
    }
    if (!first) {
        gp_err_set_str(&gp_exc_RuntimeError,
                       "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nfrees; i++) {
        gp_obj_t *n = GP_TUPLE_GET(co->freevars, i);
        if (!gp_str_eq_cstr(n, "__class__"))
            continue;
        gp_obj_t *cell = f->localsplus[co->nlocals + co->ncells + i];
        gp_obj_t *cls = cell ? ((gp_cell_t *)cell)->ref : NULL;
        if (!cls) {
            gp_err_set_str(&gp_exc_RuntimeError,
                           "super(): empty __class__ cell");
            return -1;
        }
        *type = cls;
        *obj = first;
        return 0;
    }
    gp_err_set_str(&gp_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int super_init(gp_obj_t *o, gp_obj_t *const *args, gp_ssize_t nargs,
                      gp_obj_t *kwnames)
{
    if (gp_arg_no_kw("super", kwnames) < 0 ||
        gp_arg_count("super", nargs, 0, 2) < 0)
        return -1;
    gp_obj_t *type, *obj = NULL;
    if (nargs == 0) {
        /* Zero-argument form: the __class__ cell and first argument of
        ** the calling function (the VM knows its frame). */
        if (frame_super_args(&type, &obj) < 0)
            return -1;
    } else {
        type = args[0];
        obj = nargs > 1 ? args[1] : NULL;
    }
    if (!GP_TYPE_CHECK_FAST(type, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_err_format(&gp_exc_TypeError,
                      "super() argument 1 must be a type, not %s",
                      gp_type_name_cstr(GP_TYPE(type)));
        return -1;
    }
    return super_fill((super_t *)o, (gp_type_t *)type, obj);
}

static gp_obj_t *super_getattro(gp_obj_t *o, gp_obj_t *name)
{
    super_t *s = (super_t *)o;
    if (s->obj_type && !gp_str_eq_cstr(name, "__class__")) {
        gp_obj_t *mro = s->obj_type->mro;
        gp_ssize_t n = GP_SIZE(mro), i = 0;
        while (i < n && GP_TUPLE_GET(mro, i) != (gp_obj_t *)s->type)
            i++;
        for (i++; i < n; i++) {
            gp_type_t *b = (gp_type_t *)GP_TUPLE_GET(mro, i);
            gp_obj_t *v = gp_dict_getitem(b->dict, name);
            if (!v)
                continue;
            gp_descrget_fn get = GP_TYPE(v)->descr_get;
            if (!get)
                return gp_newref(v);
            return get(v, s->obj == (gp_obj_t *)s->obj_type ? NULL : s->obj,
                       (gp_obj_t *)s->obj_type);
        }
    }
    return gp_generic_getattr(o, name);
}

static gp_obj_t *super_descr_get(gp_obj_t *o, gp_obj_t *obj, gp_obj_t *type)
{
    super_t *s = (super_t *)o;
    if (!obj || s->obj)
        return gp_newref(o);
    return gp_super_new(s->type, obj);
}

static gp_obj_t *super_repr(gp_obj_t *o)
{
    super_t *s = (super_t *)o;
    if (s->obj_type)
        return gp_str_fromformat("<super: <class '%s'>, <%s object>>",
                                 gp_type_name_cstr(s->type),
                                 gp_type_name_cstr(s->obj_type));
    return gp_str_fromformat("<super: <class '%s'>, NULL>",
                             s->type ? gp_type_name_cstr(s->type) : "NULL");
}

static void super_dealloc(gp_obj_t *o)
{
    super_t *s = (super_t *)o;
    gp_gc_untrack(o);
    GP_XDECREF(s->type);
    GP_XDECREF(s->obj);
    GP_XDECREF(s->obj_type);
    gp_object_free(o);
}

static int super_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    super_t *s = (super_t *)o;
    GP_VISIT((gp_obj_t *)s->type);
    GP_VISIT(s->obj);
    GP_VISIT((gp_obj_t *)s->obj_type);
    return 0;
}

static gp_obj_t *super_get_thisclass(gp_obj_t *o, void *c)
{
    gp_type_t *t = ((super_t *)o)->type;
    return gp_newref(t ? (gp_obj_t *)t : GP_NONE);
}

static gp_obj_t *super_get_self(gp_obj_t *o, void *c)
{
    gp_obj_t *s = ((super_t *)o)->obj;
    return gp_newref(s ? s : GP_NONE);
}

static gp_getsetdef_t super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL, NULL, NULL},
    {"__self__", super_get_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_super_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "super",
    .basicsize = sizeof(super_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = super_dealloc,
    .repr = super_repr,
    .getattro = super_getattro,
    .descr_get = super_descr_get,
    .new_ = gp_type_generic_new,
    .init = super_init,
    .traverse = super_traverse,
    .getset = super_getset,
};

int gp_obj_descr_init(void)
{
    gp_type_t *types[] = {
        &gp_cfunction_type, &gp_method_descr_type,
        &gp_classmethod_descr_type, &gp_wrapper_descr_type,
        &gp_method_wrapper_type, &gp_getset_descr_type,
        &gp_staticmethod_type, &gp_classmethod_type, &gp_property_type,
        &gp_super_type, &gp_mappingproxy_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (gp_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
