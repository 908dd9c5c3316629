/*
** dict_views.c — dict_keys / dict_values / dict_items (live views of a
** dict; keys and items are set-like: ==, <, &, |, -, ^, isdisjoint) and
** the six dict iterators (forward and reversed over keys, values,
** items), which raise "dictionary changed size during iteration".
** Guard: the GIL.
*/
#include <stdlib.h>
#include "dictobj.h"
#include "abstract.h"
#include "gc.h"
#include "listobj.h"
#include "numobj.h"
#include "setobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

typedef struct {
    gp_obj_t ob;
    gp_obj_t *dict;
} view_t;

typedef struct {
    gp_obj_t ob;
    gp_obj_t *dict;         /* NULL once exhausted */
    gp_ssize_t pos;
    gp_ssize_t used;        /* the dict's size when the iterator began */
    gp_ssize_t left;
    int kind;               /* 0 keys, 1 values, 2 items */
    int rev;
    gp_obj_t *result;       /* a reusable pair for items, or NULL */
} diter_t;

/* ---- iterators -------------------------------------------------------- */

static void diter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((diter_t *)o)->dict);
    GP_XDECREF(((diter_t *)o)->result);
    gp_object_free(o);
}

static int diter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((diter_t *)o)->dict);
    GP_VISIT(((diter_t *)o)->result);
    return 0;
}

static gp_obj_t *iter_self(gp_obj_t *o) { return gp_newref(o); }

static gp_obj_t *diter_next(gp_obj_t *o)
{
    diter_t *it = (diter_t *)o;
    gp_obj_t *d = it->dict;
    if (!d)
        return NULL;
    if (gp_dict_size(d) != it->used) {
        gp_err_set_str(&gp_exc_RuntimeError,
                       "dictionary changed size during iteration");
        it->used = -1;      /* stays broken */
        return NULL;
    }
    gp_obj_t *k, *v;
    int found = it->rev ? gp_dict_prev(d, &it->pos, &k, &v)
                        : gp_dict_next(d, &it->pos, &k, &v);
    if (!found || it->left <= 0) {
        if (found) {
            gp_err_set_str(&gp_exc_RuntimeError,
                           "dictionary keys changed during iteration");
            it->left = -1;
            return NULL;
        }
        it->dict = NULL;
        GP_DECREF(d);
        return NULL;
    }
    it->left--;
    switch (it->kind) {
    case 0:
        return gp_newref(k);
    case 1:
        return gp_newref(v);
    default:
        if (it->result && GP_REFCNT(it->result) == 1) {
            gp_obj_t *r = it->result;
            gp_obj_t *ok = GP_TUPLE_GET(r, 0), *ov = GP_TUPLE_GET(r, 1);
            GP_TUPLE_SET(r, 0, gp_newref(k));
            GP_TUPLE_SET(r, 1, gp_newref(v));
            GP_INCREF(r);
            GP_DECREF(ok);
            GP_DECREF(ov);
            return r;
        }
        return gp_tuple_pack(2, k, v);
    }
}

static gp_obj_t *diter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    diter_t *it = (diter_t *)o;
    gp_ssize_t n = 0;
    if (it->dict && it->used == gp_dict_size(it->dict))
        n = it->left;
    return gp_int_from_ssize(n < 0 ? 0 : n);
}

static gp_methoddef_t diter_methods[] = {
    {"__length_hint__", GP_METH_FN(diter_length_hint), GP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DITER_TYPE(cname, pyname) \
    gp_type_t cname = { \
        .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0), \
        .name = pyname, \
        .basicsize = sizeof(diter_t), \
        .flags = GP_TPFLAGS_HAVE_GC, \
        .dealloc = diter_dealloc, \
        .traverse = diter_traverse, \
        .iter = iter_self, \
        .iternext = diter_next, \
        .methods = diter_methods, \
        .base = &gp_object_type, \
    };

DITER_TYPE(gp_dict_keyiter_type, "dict_keyiterator")
DITER_TYPE(gp_dict_valueiter_type, "dict_valueiterator")
DITER_TYPE(gp_dict_itemiter_type, "dict_itemiterator")
DITER_TYPE(gp_dict_revkeyiter_type, "dict_reversekeyiterator")
DITER_TYPE(gp_dict_revvalueiter_type, "dict_reversevalueiterator")
DITER_TYPE(gp_dict_revitemiter_type, "dict_reverseitemiterator")

gp_obj_t *gp_dictiter_new(gp_obj_t *d, int kind, int reversed)
{
    static gp_type_t *const types[2][3] = {
        {&gp_dict_keyiter_type, &gp_dict_valueiter_type,
         &gp_dict_itemiter_type},
        {&gp_dict_revkeyiter_type, &gp_dict_revvalueiter_type,
         &gp_dict_revitemiter_type},
    };
    diter_t *it = (diter_t *)gp_type_alloc(types[reversed != 0][kind], 0);
    if (!it)
        return NULL;
    it->dict = gp_newref(d);
    it->used = gp_dict_size(d);
    it->left = it->used;
    it->kind = kind;
    it->rev = reversed != 0;
    it->pos = reversed ? gp_dict_last_pos(d) : 0;
    if (kind == 2) {
        it->result = gp_tuple_pack(2, GP_NONE, GP_NONE);
        if (!it->result) {
            GP_DECREF(it);
            return NULL;
        }
    }
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

/* ---- views ------------------------------------------------------------ */

static void view_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((view_t *)o)->dict);
    gp_object_free(o);
}

static int view_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((view_t *)o)->dict);
    return 0;
}

gp_obj_t *gp_dictview_new(gp_obj_t *d, gp_type_t *type)
{
    view_t *v = (view_t *)gp_type_alloc(type, 0);
    if (!v)
        return NULL;
    v->dict = gp_newref(d);
    gp_gc_track(GP_OBJ(v));
    return GP_OBJ(v);
}

static int view_kind(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_dict_keys_type ? 0 : t == &gp_dict_values_type ? 1 : 2;
}

static gp_ssize_t view_len(gp_obj_t *o)
{
    return gp_dict_size(((view_t *)o)->dict);
}

static gp_obj_t *view_iter(gp_obj_t *o)
{
    return gp_dictiter_new(((view_t *)o)->dict, view_kind(o), 0);
}

static gp_obj_t *view_reversed(gp_obj_t *o, gp_obj_t *unused)
{
    return gp_dictiter_new(((view_t *)o)->dict, view_kind(o), 1);
}

static gp_obj_t *view_repr(gp_obj_t *o)
{
    int r = gp_repr_enter(o);
    if (r != 0)
        return r > 0 ? gp_str_from_cstr("...") : NULL;
    gp_obj_t *l = gp_sequence_list(o), *res = NULL;
    if (l) {
        gp_obj_t *s = gp_repr(l);
        if (s) {
            res = gp_str_fromformat("%s(%U)", TNAME(o), s);
            GP_DECREF(s);
        }
        GP_DECREF(l);
    }
    gp_repr_leave(o);
    return res;
}

static gp_obj_t *view_mapping(gp_obj_t *o, void *closure)
{
    /* CPython gives a read-only proxy; the dict itself is close enough */
    return gp_newref(((view_t *)o)->dict);
}

static gp_getsetdef_t view_getset[] = {
    {"mapping", view_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int keys_contains(gp_obj_t *o, gp_obj_t *key)
{
    return gp_dict_contains(((view_t *)o)->dict, key);
}

static int values_contains(gp_obj_t *o, gp_obj_t *v)
{
    return gp_sequence_contains_iter(o, v);
}

static int items_contains(gp_obj_t *o, gp_obj_t *item)
{
    if (!GP_TUPLE_CHECK(item) || GP_SIZE(item) != 2)
        return 0;
    gp_obj_t *d = ((view_t *)o)->dict;
    gp_obj_t *v = gp_dict_getitem(d, GP_TUPLE_GET(item, 0));
    if (!v)
        return gp_err_occurred() ? -1 : 0;
    GP_INCREF(v);
    int r = gp_richcompare_bool(v, GP_TUPLE_GET(item, 1), GP_EQ);
    GP_DECREF(v);
    return r;
}

/* Every item of a is in b (1/0/-1). */
static int all_contained_in(gp_obj_t *a, gp_obj_t *b)
{
    gp_obj_t *it = gp_iter(a);
    if (!it)
        return -1;
    int ok = 1;
    for (;;) {
        gp_obj_t *x = gp_iter_next(it);
        if (!x) {
            if (gp_err_occurred())
                ok = -1;
            break;
        }
        ok = gp_contains(b, x);
        GP_DECREF(x);
        if (ok <= 0)
            break;
    }
    GP_DECREF(it);
    return ok;
}

static int is_setlike(gp_obj_t *o)
{
    return GP_ANYSET_CHECK(o) || GP_TYPE(o) == &gp_dict_keys_type ||
           GP_TYPE(o) == &gp_dict_items_type;
}

static gp_obj_t *view_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!is_setlike(a) || !is_setlike(b))
        GP_RETURN_NOTIMPLEMENTED;
    gp_ssize_t la = gp_length(a), lb = gp_length(b);
    if (la < 0 || lb < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case GP_EQ:
    case GP_NE:
        ok = la == lb ? all_contained_in(a, b) : 0;
        if (ok >= 0 && op == GP_NE)
            ok = !ok;
        break;
    case GP_LT:
        ok = la < lb ? all_contained_in(a, b) : 0;
        break;
    case GP_LE:
        ok = la <= lb ? all_contained_in(a, b) : 0;
        break;
    case GP_GT:
        ok = la > lb ? all_contained_in(b, a) : 0;
        break;
    default:
        ok = la >= lb ? all_contained_in(b, a) : 0;
        break;
    }
    if (ok < 0)
        return NULL;
    return gp_bool_from(ok);
}

/* set(a) <method>(b): the set operations of keys and items views. */
static gp_obj_t *view_setop(gp_obj_t *a, gp_obj_t *b, const char *method)
{
    gp_obj_t *s = gp_set_new(a);
    if (!s)
        return NULL;
    gp_obj_t *r = gp_call_method_str(s, method, 1, b);
    if (!r) {
        GP_DECREF(s);
        return NULL;
    }
    GP_DECREF(r);
    return s;
}

static gp_obj_t *view_and(gp_obj_t *a, gp_obj_t *b)
{
    return view_setop(a, b, "intersection_update");
}

static gp_obj_t *view_or(gp_obj_t *a, gp_obj_t *b)
{
    return view_setop(a, b, "update");
}

static gp_obj_t *view_sub(gp_obj_t *a, gp_obj_t *b)
{
    return view_setop(a, b, "difference_update");
}

static gp_obj_t *view_xor(gp_obj_t *a, gp_obj_t *b)
{
    return view_setop(a, b, "symmetric_difference_update");
}

static gp_obj_t *view_isdisjoint(gp_obj_t *self, gp_obj_t *other)
{
    gp_obj_t *it = gp_iter(other);
    if (!it)
        return NULL;
    for (;;) {
        gp_obj_t *x = gp_iter_next(it);
        if (!x)
            break;
        int c = gp_contains(self, x);
        GP_DECREF(x);
        if (c != 0) {
            GP_DECREF(it);
            return c < 0 ? NULL : gp_bool_from(0);
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    GP_RETURN_TRUE;
}

static gp_methoddef_t setview_methods[] = {
    {"isdisjoint", GP_METH_FN(view_isdisjoint), GP_METH_O,
     "Return True if the view and the given iterable have a null "
     "intersection."},
    {"__reversed__", GP_METH_FN(view_reversed), GP_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static gp_methoddef_t values_methods[] = {
    {"__reversed__", GP_METH_FN(view_reversed), GP_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

static gp_number_methods_t setview_as_number = {
    .binop = {[GP_NB_AND] = view_and, [GP_NB_OR] = view_or,
              [GP_NB_SUBTRACT] = view_sub, [GP_NB_XOR] = view_xor},
};

static gp_sequence_methods_t keys_as_sequence = {
    .length = view_len,
    .contains = keys_contains,
};

static gp_sequence_methods_t values_as_sequence = {
    .length = view_len,
    .contains = values_contains,
};

static gp_sequence_methods_t items_as_sequence = {
    .length = view_len,
    .contains = items_contains,
};

#define VIEW_TYPE(cname, pyname, seq, num, cmp, meths, hashf) \
    gp_type_t cname = { \
        .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0), \
        .name = pyname, \
        .basicsize = sizeof(view_t), \
        .flags = GP_TPFLAGS_HAVE_GC, \
        .dealloc = view_dealloc, \
        .repr = view_repr, \
        .hash = hashf, \
        .richcompare = cmp, \
        .iter = view_iter, \
        .traverse = view_traverse, \
        .as_number = num, \
        .as_sequence = seq, \
        .methods = meths, \
        .getset = view_getset, \
        .base = &gp_object_type, \
    };

VIEW_TYPE(gp_dict_keys_type, "dict_keys", &keys_as_sequence,
          &setview_as_number, view_richcompare, setview_methods,
          gp_hash_not_implemented)
VIEW_TYPE(gp_dict_values_type, "dict_values", &values_as_sequence,
          NULL, NULL, values_methods, NULL)
VIEW_TYPE(gp_dict_items_type, "dict_items", &items_as_sequence,
          &setview_as_number, view_richcompare, setview_methods,
          gp_hash_not_implemented)

int gp_dict_views_init(void)
{
    gp_type_t *types[] = {
        &gp_dict_keys_type, &gp_dict_values_type, &gp_dict_items_type,
        &gp_dict_keyiter_type, &gp_dict_valueiter_type,
        &gp_dict_itemiter_type, &gp_dict_revkeyiter_type,
        &gp_dict_revvalueiter_type, &gp_dict_revitemiter_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (gp_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
