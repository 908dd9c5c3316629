/*
** descr_mappingproxy.c — `mappingproxy`, the read-only live view that
** `C.__dict__` returns: reads go to the class's dict, writes are refused,
** so every change to a class still passes through type.__setattr__ (which
** keeps the C slots in step with the dunders).
** Guard: the GIL.
*/
#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/strobj.h"
#include "vm/errors.h"

typedef struct {
    gp_obj_t ob;
    gp_obj_t *mapping;
} mappingproxy_t;

#define MP(o) (((mappingproxy_t *)(o))->mapping)

gp_obj_t *gp_mappingproxy_new(gp_obj_t *mapping)
{
    mappingproxy_t *p = (mappingproxy_t *)gp_type_alloc(
        &gp_mappingproxy_type, 0);
    if (!p)
        return NULL;
    p->mapping = gp_newref(mapping);
    gp_gc_track((gp_obj_t *)p);
    return (gp_obj_t *)p;
}

static void mp_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_CLEAR(MP(o));
    gp_object_free(o);
}

static int mp_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(MP(o));
    return 0;
}

static int mp_clear(gp_obj_t *o)
{
    GP_CLEAR(MP(o));
    return 0;
}

static gp_obj_t *mp_repr(gp_obj_t *o)
{
    return gp_str_fromformat("mappingproxy(%R)", MP(o));
}

static gp_ssize_t mp_len(gp_obj_t *o)
{
    return gp_length(MP(o));
}

static gp_obj_t *mp_getitem(gp_obj_t *o, gp_obj_t *key)
{
    return gp_getitem(MP(o), key);
}

static int mp_contains(gp_obj_t *o, gp_obj_t *key)
{
    if (GP_DICT_CHECK_EXACT(MP(o)))
        return gp_dict_contains(MP(o), key);
    return gp_contains(MP(o), key);
}

static gp_obj_t *mp_iter(gp_obj_t *o)
{
    return gp_iter(MP(o));
}

static gp_obj_t *mp_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (GP_TYPE(b) == &gp_mappingproxy_type)
        b = MP(b);
    return gp_richcompare(MP(a), b, op);
}

static gp_obj_t *mp_get(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs)
{
    if (gp_arg_count("get", nargs, 1, 2) < 0)
        return NULL;
    gp_obj_t *dflt = nargs > 1 ? args[1] : GP_NONE;
    if (GP_DICT_CHECK_EXACT(MP(self))) {
        gp_obj_t *v = gp_dict_getitem(MP(self), args[0]);
        if (v)
            return gp_newref(v);
        if (gp_err_occurred())
            return NULL;
        return gp_newref(dflt);
    }
    return gp_call_method_str(MP(self), "get", 2, args[0], dflt);
}

static gp_obj_t *mp_keys(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_call_method_str(MP(self), "keys", 0);
}

static gp_obj_t *mp_values(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_call_method_str(MP(self), "values", 0);
}

static gp_obj_t *mp_items(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_call_method_str(MP(self), "items", 0);
}

static gp_obj_t *mp_copy(gp_obj_t *self, gp_obj_t *unused)
{
    return gp_call_method_str(MP(self), "copy", 0);
}

static gp_methoddef_t mp_methods[] = {
    {"get", GP_METH_FN(mp_get), GP_METH_FASTCALL, NULL},
    {"keys", mp_keys, GP_METH_NOARGS, NULL},
    {"values", mp_values, GP_METH_NOARGS, NULL},
    {"items", mp_items, GP_METH_NOARGS, NULL},
    {"copy", mp_copy, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_mapping_methods_t mp_as_mapping = {
    .length = mp_len,
    .subscript = mp_getitem,
};

static gp_sequence_methods_t mp_as_sequence = {
    .contains = mp_contains,
};

static gp_obj_t *mp_new(gp_type_t *t, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (gp_arg_no_kw("mappingproxy", kwnames) < 0 ||
        gp_arg_count("mappingproxy", nargs, 1, 1) < 0)
        return NULL;
    gp_type_t *at = GP_TYPE(args[0]);
    if (!at->as_mapping || !at->as_mapping->subscript ||
        GP_TYPE_CHECK_FAST(args[0], GP_TPFLAGS_LIST_SUBCLASS) ||
        GP_TYPE_CHECK_FAST(args[0], GP_TPFLAGS_TUPLE_SUBCLASS)) {
        return gp_err_format(&gp_exc_TypeError,
                             "mappingproxy() argument must be a mapping, "
                             "not %s", gp_type_name_cstr(at));
    }
    return gp_mappingproxy_new(args[0]);
}

gp_type_t gp_mappingproxy_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "mappingproxy",
    .basicsize = sizeof(mappingproxy_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = mp_dealloc,
    .repr = mp_repr,
    .richcompare = mp_richcompare,
    .iter = mp_iter,
    .new_ = mp_new,
    .traverse = mp_traverse,
    .clear = mp_clear,
    .as_mapping = &mp_as_mapping,
    .as_sequence = &mp_as_sequence,
    .methods = mp_methods,
};
