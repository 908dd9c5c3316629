/*
** obj_object.c — `object`, the root of every class: __new__/__init__ and
** their argument checks, the default repr/str/hash/comparison, __class__,
** __format__, __dir__, __init_subclass__.  The generic attribute access
** object uses is gp_generic_getattr/setattr (abstract.c).
** Guard: the GIL (the type itself is immutable after gp_types_init).
*/
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "objects/typeslots.h"
#include "vm/errors.h"

/* ---- object ---------------------------------------------------------- */

static int excess_args(gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return nargs || (kwnames && GP_SIZE(kwnames));
}

static gp_obj_t *object_new(gp_type_t *t, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (t->new_ != object_new) {
            gp_err_set_str(&gp_exc_TypeError,
                "object.__new__() takes exactly one argument (the type to "
                "instantiate)");
            return NULL;
        }
        if (!t->init || t->init == gp_object_type.init) {
            return gp_err_format(&gp_exc_TypeError,
                                 "%s() takes no arguments",
                                 gp_type_name_cstr(t));
        }
    }
    if (t->flags & GP_TPFLAGS_ABSTRACT) {
        return gp_err_format(&gp_exc_TypeError,
                             "Can't instantiate abstract class %s",
                             gp_type_name_cstr(t));
    }
    gp_obj_t *o = gp_type_alloc(t, 0);
    if (o && (t->flags & GP_TPFLAGS_HAVE_GC))
        gp_gc_track(o);
    return o;
}

static int object_init(gp_obj_t *self, gp_obj_t *const *args,
                       gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_type_t *t = GP_TYPE(self);
    if (excess_args(nargs, kwnames)) {
        if (t->init != object_init) {
            gp_err_set_str(&gp_exc_TypeError,
                "object.__init__() takes exactly one argument (the "
                "instance to initialize)");
            return -1;
        }
        if (t->new_ == object_new) {
            gp_err_format(&gp_exc_TypeError,
                "%s.__init__() takes exactly one argument (the instance "
                "to initialize)", gp_type_name_cstr(t));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(gp_obj_t *o)
{
    gp_object_free(o);
}

static gp_obj_t *object_repr(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    gp_obj_t *mod = NULL;
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        mod = gp_dict_getitem(t->dict, GP_ID(__module__));
    if (mod && GP_STR_CHECK(mod) && !gp_str_eq_cstr(mod, "builtins"))
        return gp_str_fromformat("<%U.%U object at %p>", mod,
                                 t->ht_qualname, (void *)o);
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        return gp_str_fromformat("<%U object at %p>", t->ht_qualname,
                                 (void *)o);
    return gp_str_fromformat("<%s object at %p>", t->name, (void *)o);
}

static gp_obj_t *object_str(gp_obj_t *o)
{
    gp_unary_fn r = GP_TYPE(o)->repr;
    return r ? r(o) : object_repr(o);
}

gp_hash_t gp_hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    gp_hash_t h = (gp_hash_t)y;
    return h == -1 ? -2 : h;
}

static gp_hash_t object_hash(gp_obj_t *o)
{
    return gp_hash_pointer(o);
}

static gp_obj_t *object_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    switch (op) {
    case GP_EQ:
        if (a == b)
            return gp_newref(GP_TRUE);
        GP_RETURN_NOTIMPLEMENTED;
    case GP_NE: {
        /* By default, __ne__ inverts __eq__ unless that is not
        ** implemented. */
        gp_richcmp_fn eq = GP_TYPE(a)->richcompare;
        if (!eq)
            GP_RETURN_NOTIMPLEMENTED;
        gp_obj_t *r = eq(a, b, GP_EQ);
        if (r && r != GP_NOTIMPLEMENTED) {
            int t = gp_is_true(r);
            GP_DECREF(r);
            if (t < 0)
                return NULL;
            return gp_newref(t ? GP_FALSE : GP_TRUE);
        }
        return r;
    }
    default:
        GP_RETURN_NOTIMPLEMENTED;
    }
}

static gp_obj_t *object_get_class(gp_obj_t *o, void *c)
{
    return gp_newref((gp_obj_t *)GP_TYPE(o));
}

static int object_set_class(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!GP_TYPE_CHECK_FAST(v, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_err_format(&gp_exc_TypeError,
                      "__class__ must be set to a class, not '%s' object",
                      gp_type_name_cstr(GP_TYPE(v)));
        return -1;
    }
    gp_type_t *old = GP_TYPE(o), *nt = (gp_type_t *)v;
    if (!(old->flags & GP_TPFLAGS_HEAPTYPE) ||
        !(nt->flags & GP_TPFLAGS_HEAPTYPE) ||
        old->basicsize != nt->basicsize || old->dictoffset != nt->dictoffset
        || gp_type_solid_base(old) != gp_type_solid_base(nt)) {
        gp_err_format(&gp_exc_TypeError,
                      "__class__ assignment: '%s' object layout differs "
                      "from '%s'", gp_type_name_cstr(nt),
                      gp_type_name_cstr(old));
        return -1;
    }
    GP_INCREF(nt);
    o->type = nt;
    GP_DECREF(old);
    return 0;
}

static gp_getsetdef_t object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *object_format(gp_obj_t *self, gp_obj_t *spec)
{
    if (!GP_STR_CHECK(spec)) {
        return gp_err_format(&gp_exc_TypeError,
            "__format__() argument must be str, not %s",
            gp_type_name_cstr(GP_TYPE(spec)));
    }
    if (GP_SIZE(spec) > 0) {
        return gp_err_format(&gp_exc_TypeError,
            "unsupported format string passed to %s.__format__",
            gp_type_name_cstr(GP_TYPE(self)));
    }
    return gp_str(self);
}

static gp_obj_t *object_dir(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return NULL;
    gp_obj_t **dp = gp_object_dictptr(self);
    if (dp && *dp && gp_dict_update(d, *dp) < 0)
        goto fail;
    gp_obj_t *cls_dir = gp_type_dir((gp_obj_t *)GP_TYPE(self), NULL);
    if (!cls_dir)
        goto fail;
    for (gp_ssize_t i = 0; i < GP_SIZE(cls_dir); i++)
        if (gp_dict_setitem(d, GP_LIST_GET(cls_dir, i), GP_NONE) < 0) {
            GP_DECREF(cls_dir);
            goto fail;
        }
    GP_DECREF(cls_dir);
    gp_obj_t *l = gp_dict_keys(d);
    GP_DECREF(d);
    return l;
fail:
    GP_DECREF(d);
    return NULL;
}

static gp_obj_t *object_init_subclass(gp_obj_t *cls, gp_obj_t *const *args,
                                      gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs || (kwnames && GP_SIZE(kwnames))) {
        return gp_err_format(&gp_exc_TypeError,
            "%s.__init_subclass__() takes no keyword arguments",
            gp_type_name_cstr((gp_type_t *)cls));
    }
    GP_RETURN_NONE;
}

static gp_obj_t *object_subclasshook(gp_obj_t *cls, gp_obj_t *const *args,
                                     gp_ssize_t nargs, gp_obj_t *kwnames)
{
    GP_RETURN_NOTIMPLEMENTED;
}

static gp_obj_t *object_sizeof(gp_obj_t *self, gp_obj_t *unused)
{
    gp_type_t *t = GP_TYPE(self);
    gp_ssize_t n = t->basicsize;
    if (t->itemsize)
        n += GP_SIZE(self) * t->itemsize;
    return gp_int_from_ssize(n);
}

static gp_methoddef_t object_methods[] = {
    {"__format__", object_format, GP_METH_O, NULL},
    {"__dir__", object_dir, GP_METH_NOARGS, NULL},
    {"__init_subclass__", GP_METH_FN(object_init_subclass),
     GP_METH_FASTCALL | GP_METH_KEYWORDS | GP_METH_CLASS, NULL},
    {"__subclasshook__", GP_METH_FN(object_subclasshook),
     GP_METH_FASTCALL | GP_METH_KEYWORDS | GP_METH_CLASS, NULL},
    {"__sizeof__", object_sizeof, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_object_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "object",
    .basicsize = sizeof(gp_obj_t),
    .flags = GP_TPFLAGS_BASETYPE,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattro = gp_generic_getattr,
    .setattro = gp_generic_setattr,
    .new_ = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
    .doc = "The base class of the class hierarchy.\n\n"
           "When called, it accepts no arguments and returns a new "
           "featureless\ninstance that has no instance attributes and "
           "cannot be given any.\n",
};
