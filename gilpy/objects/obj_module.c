/*
** obj_module.c — module objects: a dict of globals with a name; C modules
** are made from their gp_moduledef_t (methods become builtin functions
** bound to the module, then the exec function adds the rest).
** Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"

gp_obj_t *gp_module_new(gp_obj_t *name)
{
    gp_module_t *m = (gp_module_t *)gp_type_alloc(&gp_module_type, 0);
    if (!m)
        return NULL;
    m->name = gp_newref(name);
    m->dict = gp_dict_new();
    if (!m->dict ||
        gp_dict_setitem(m->dict, GP_ID(__name__), name) < 0 ||
        gp_dict_setitem(m->dict, GP_ID(__doc__), GP_NONE) < 0 ||
        gp_dict_setitem(m->dict, GP_ID(__package__), GP_NONE) < 0 ||
        gp_dict_setitem(m->dict, GP_ID(__loader__), GP_NONE) < 0 ||
        gp_dict_setitem(m->dict, GP_ID(__spec__), GP_NONE) < 0) {
        gp_gc_track((gp_obj_t *)m);
        GP_DECREF(m);
        return NULL;
    }
    gp_gc_track((gp_obj_t *)m);
    return (gp_obj_t *)m;
}

gp_obj_t *gp_module_dict(gp_obj_t *m)
{
    return ((gp_module_t *)m)->dict;
}

int gp_module_add(gp_obj_t *m, const char *name, gp_obj_t *v)
{
    return gp_dict_setitem_str(((gp_module_t *)m)->dict, name, v);
}

static int add_new(gp_obj_t *m, const char *name, gp_obj_t *v)
{
    if (!v)
        return -1;
    int r = gp_module_add(m, name, v);
    GP_DECREF(v);
    return r;
}

int gp_module_add_int(gp_obj_t *m, const char *name, int64_t v)
{
    return add_new(m, name, gp_int_from_i64(v));
}

int gp_module_add_str(gp_obj_t *m, const char *name, const char *v)
{
    return add_new(m, name, gp_str_from_cstr(v));
}

int gp_module_add_type(gp_obj_t *m, gp_type_t *t)
{
    if (gp_type_ready(t) < 0)
        return -1;
    const char *dot = strrchr(t->name, '.');
    return gp_module_add(m, dot ? dot + 1 : t->name, (gp_obj_t *)t);
}

gp_obj_t *gp_module_from_def(const gp_moduledef_t *def)
{
    gp_obj_t *name = gp_str_from_cstr(def->name);
    if (!name)
        return NULL;
    gp_obj_t *m = gp_module_new(name);
    GP_DECREF(name);
    if (!m)
        return NULL;
    gp_module_t *mod = (gp_module_t *)m;
    mod->def = def;
    if (def->state_size && !(mod->state = calloc(1, def->state_size))) {
        GP_DECREF(m);
        return gp_err_nomemory();
    }
    if (def->doc && gp_module_add_str(m, "__doc__", def->doc) < 0)
        goto fail;
    for (gp_methoddef_t *md = def->methods; md && md->name; md++) {
        gp_obj_t *f = gp_cfunction_new(md, m, mod->name);
        if (add_new(m, md->name, f) < 0)
            goto fail;
    }
    if (def->exec && def->exec(m) < 0)
        goto fail;
    return m;
fail:
    GP_DECREF(m);
    return NULL;
}

static void module_dealloc(gp_obj_t *o)
{
    gp_module_t *m = (gp_module_t *)o;
    gp_gc_untrack(o);
    if (m->def && m->def->free)
        m->def->free(o);
    free(m->state);
    GP_XDECREF(m->dict);
    GP_XDECREF(m->name);
    gp_object_free(o);
}

static int module_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_module_t *m = (gp_module_t *)o;
    GP_VISIT(m->dict);
    if (m->def && m->def->traverse && m->state)
        return m->def->traverse(o, visit, arg);
    return 0;
}

static int module_clear(gp_obj_t *o)
{
    GP_CLEAR(((gp_module_t *)o)->dict);
    return 0;
}

static gp_obj_t *module_repr(gp_obj_t *o)
{
    gp_module_t *m = (gp_module_t *)o;
    gp_obj_t *name = m->dict ? gp_dict_getitem(m->dict, GP_ID(__name__))
                             : NULL;
    if (!name)
        name = m->name;
    gp_obj_t *file = m->dict ? gp_dict_getitem(m->dict, GP_ID(__file__))
                             : NULL;
    if (file && GP_STR_CHECK(file))
        return gp_str_fromformat("<module %R from %R>", name, file);
    if (m->def)
        return gp_str_fromformat("<module %R (built-in)>", name);
    if (m->dict && gp_dict_getitem_str(m->dict, "__frozen__"))
        return gp_str_fromformat("<module %R (frozen)>", name);
    return gp_str_fromformat("<module %R>", name);
}

static gp_obj_t *module_getattro(gp_obj_t *o, gp_obj_t *name)
{
    gp_obj_t *r = gp_generic_getattr(o, name);
    if (r || !gp_err_matches(&gp_exc_AttributeError))
        return r;
    gp_module_t *m = (gp_module_t *)o;
    gp_obj_t *ga = m->dict ? gp_dict_getitem(m->dict, GP_ID(__getattr__))
                           : NULL;
    gp_err_clear();
    if (ga)
        return gp_call_one(ga, name);
    gp_obj_t *mn = m->dict ? gp_dict_getitem(m->dict, GP_ID(__name__))
                           : NULL;
    if (mn && GP_STR_CHECK(mn))
        return gp_err_format(&gp_exc_AttributeError,
                             "module '%U' has no attribute '%U'", mn, name);
    return gp_err_format(&gp_exc_AttributeError,
                         "module has no attribute '%U'", name);
}

static int module_init(gp_obj_t *o, gp_obj_t *const *args, gp_ssize_t nargs,
                       gp_obj_t *kwnames)
{
    static const char *const names[] = {"name", "doc", NULL};
    gp_obj_t *a[2];
    if (gp_arg_parse("module", args, nargs, kwnames, names, 0, 1, a) < 0)
        return -1;
    if (!GP_STR_CHECK(a[0])) {
        gp_err_format(&gp_exc_TypeError,
                      "module.__init__() argument 'name' must be str, not %s",
                      gp_type_name_cstr(GP_TYPE(a[0])));
        return -1;
    }
    gp_module_t *m = (gp_module_t *)o;
    if (!m->dict && !(m->dict = gp_dict_new()))
        return -1;
    GP_SETREF(m->name, gp_newref(a[0]));
    if (gp_dict_setitem(m->dict, GP_ID(__name__), a[0]) < 0 ||
        gp_dict_setitem(m->dict, GP_ID(__doc__), a[1] ? a[1] : GP_NONE) < 0)
        return -1;
    return 0;
}

static gp_obj_t *module_get_dict(gp_obj_t *o, void *c)
{
    gp_module_t *m = (gp_module_t *)o;
    if (!m->dict && !(m->dict = gp_dict_new()))
        return NULL;
    return gp_newref(m->dict);
}

static gp_getsetdef_t module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *module_dir(gp_obj_t *o, gp_obj_t *unused)
{
    gp_obj_t *d = ((gp_module_t *)o)->dict;
    return d ? gp_dict_keys(d) : gp_list_new(0);
}

static gp_methoddef_t module_methods[] = {
    {"__dir__", module_dir, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_module_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "module",
    .basicsize = sizeof(gp_module_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = gp_generic_setattr,
    .new_ = gp_type_generic_new,
    .init = module_init,
    .traverse = module_traverse,
    .clear = module_clear,
    .methods = module_methods,
    .getset = module_getset,
    .dictoffset = offsetof(gp_module_t, dict),
};

int gp_obj_module_init(void)
{
    return gp_type_ready(&gp_module_type);
}
