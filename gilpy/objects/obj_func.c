/*
** obj_func.c — Python functions, bound methods and cells (vm/funcobj.h).
** Calling a function is vm/call.c's business (gp_function_vectorcall).
** Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/funcobj.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/errors.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "objects/numobj.h"
#include "objects/gc.h"
#include "objects/ids.h"

/* ---- function ---------------------------------------------------------- */

gp_obj_t *gp_function_new(gp_obj_t *code, gp_obj_t *globals,
                          gp_obj_t *qualname)
{
    gp_code_t *co = (gp_code_t *)code;
    gp_function_t *f = (gp_function_t *)gp_type_alloc(&gp_function_type, 0);
    if (!f)
        return NULL;
    f->vectorcall = gp_function_vectorcall;
    f->code = gp_newref(code);
    f->globals = gp_newref(globals);
    f->builtins = gp_newref(gp_frame_builtins_for(globals));
    f->name = gp_newref(co->name);
    f->qualname = gp_newref(qualname ? qualname : co->qualname);
    f->doc = gp_newref(co->docstring ? co->docstring : GP_NONE);
    gp_obj_t *mod = GP_DICT_CHECK(globals)
        ? gp_dict_getitem(globals, GP_ID(__name__)) : NULL;
    if (!mod && gp_err_occurred())
        gp_err_clear();
    f->module = gp_xnewref(mod);
    gp_gc_track((gp_obj_t *)f);
    return (gp_obj_t *)f;
}

static int func_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_function_t *f = (gp_function_t *)o;
    GP_VISIT(f->code);
    GP_VISIT(f->globals);
    GP_VISIT(f->builtins);
    GP_VISIT(f->name);
    GP_VISIT(f->qualname);
    GP_VISIT(f->defaults);
    GP_VISIT(f->kwdefaults);
    GP_VISIT(f->closure);
    GP_VISIT(f->doc);
    GP_VISIT(f->dict);
    GP_VISIT(f->module);
    GP_VISIT(f->annotations);
    return 0;
}

static int func_clear(gp_obj_t *o)
{
    gp_function_t *f = (gp_function_t *)o;
    GP_CLEAR(f->globals);
    GP_CLEAR(f->builtins);
    GP_CLEAR(f->defaults);
    GP_CLEAR(f->kwdefaults);
    GP_CLEAR(f->closure);
    GP_CLEAR(f->doc);
    GP_CLEAR(f->dict);
    GP_CLEAR(f->module);
    GP_CLEAR(f->annotations);
    return 0;
}

static void func_dealloc(gp_obj_t *o)
{
    gp_function_t *f = (gp_function_t *)o;
    gp_gc_untrack(o);
    func_clear(o);
    GP_CLEAR(f->code);
    GP_CLEAR(f->name);
    GP_CLEAR(f->qualname);
    gp_object_free(o);
}

static gp_obj_t *func_repr(gp_obj_t *o)
{
    return gp_str_fromformat("<function %U at %p>",
                             ((gp_function_t *)o)->qualname, o);
}

static gp_obj_t *func_descr_get(gp_obj_t *func, gp_obj_t *obj, gp_obj_t *type)
{
    if (!obj || obj == GP_NONE)
        return gp_newref(func);
    return gp_method_new(func, obj);
}

#define FN(o) ((gp_function_t *)(o))

static gp_obj_t *func_get_code(gp_obj_t *o, void *c) { return gp_newref(FN(o)->code); }
static int func_set_code(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v || !GP_CODE_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__code__ must be set to a code object");
        return -1;
    }
    gp_code_t *co = (gp_code_t *)v;
    gp_ssize_t nclosure = FN(o)->closure ? GP_SIZE(FN(o)->closure) : 0;
    if (co->nfrees != nclosure) {
        gp_err_format(&gp_exc_ValueError,
                      "%U() requires a code object with %zd free vars, not %d",
                      FN(o)->name, nclosure, co->nfrees);
        return -1;
    }
    GP_SETREF(FN(o)->code, gp_newref(v));
    return 0;
}

static gp_obj_t *func_get_defaults(gp_obj_t *o, void *c)
{
    return gp_newref(FN(o)->defaults ? FN(o)->defaults : GP_NONE);
}
static int func_set_defaults(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (v == GP_NONE)
        v = NULL;
    if (v && !GP_TUPLE_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__defaults__ must be set to a tuple object");
        return -1;
    }
    GP_SETREF(FN(o)->defaults, gp_xnewref(v));
    return 0;
}

static gp_obj_t *func_get_kwdefaults(gp_obj_t *o, void *c)
{
    return gp_newref(FN(o)->kwdefaults ? FN(o)->kwdefaults : GP_NONE);
}
static int func_set_kwdefaults(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (v == GP_NONE)
        v = NULL;
    if (v && !GP_DICT_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    GP_SETREF(FN(o)->kwdefaults, gp_xnewref(v));
    return 0;
}

static gp_obj_t *func_get_globals(gp_obj_t *o, void *c) { return gp_newref(FN(o)->globals); }
static gp_obj_t *func_get_builtins(gp_obj_t *o, void *c) { return gp_newref(FN(o)->builtins); }
static gp_obj_t *func_get_closure(gp_obj_t *o, void *c)
{
    return gp_newref(FN(o)->closure ? FN(o)->closure : GP_NONE);
}

static gp_obj_t *func_get_name(gp_obj_t *o, void *c) { return gp_newref(FN(o)->name); }
static int func_set_name(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v || !GP_STR_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__name__ must be set to a string object");
        return -1;
    }
    GP_SETREF(FN(o)->name, gp_newref(v));
    return 0;
}
static gp_obj_t *func_get_qualname(gp_obj_t *o, void *c) { return gp_newref(FN(o)->qualname); }
static int func_set_qualname(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v || !GP_STR_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__qualname__ must be set to a string object");
        return -1;
    }
    GP_SETREF(FN(o)->qualname, gp_newref(v));
    return 0;
}
static gp_obj_t *func_get_doc(gp_obj_t *o, void *c)
{
    return gp_newref(FN(o)->doc ? FN(o)->doc : GP_NONE);
}
static int func_set_doc(gp_obj_t *o, gp_obj_t *v, void *c)
{
    GP_SETREF(FN(o)->doc, gp_newref(v ? v : GP_NONE));
    return 0;
}
static gp_obj_t *func_get_module(gp_obj_t *o, void *c)
{
    return gp_newref(FN(o)->module ? FN(o)->module : GP_NONE);
}
static int func_set_module(gp_obj_t *o, gp_obj_t *v, void *c)
{
    GP_SETREF(FN(o)->module, gp_xnewref(v));
    return 0;
}
static gp_obj_t *func_get_annotations(gp_obj_t *o, void *c)
{
    if (!FN(o)->annotations) {
        FN(o)->annotations = gp_dict_new();
        if (!FN(o)->annotations)
            return NULL;
    }
    return gp_newref(FN(o)->annotations);
}
static int func_set_annotations(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (v == GP_NONE)
        v = NULL;
    if (v && !GP_DICT_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__annotations__ must be set to a dict object");
        return -1;
    }
    GP_SETREF(FN(o)->annotations, gp_xnewref(v));
    return 0;
}
static gp_obj_t *func_get_dict(gp_obj_t *o, void *c)
{
    if (!FN(o)->dict) {
        FN(o)->dict = gp_dict_new();
        if (!FN(o)->dict)
            return NULL;
    }
    return gp_newref(FN(o)->dict);
}
static int func_set_dict(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError,
                       "cannot delete __dict__");
        return -1;
    }
    if (!GP_DICT_CHECK(v)) {
        gp_err_format(&gp_exc_TypeError,
                      "__dict__ must be set to a dictionary, not a '%s'",
                      gp_type_name_cstr(GP_TYPE(v)));
        return -1;
    }
    GP_SETREF(FN(o)->dict, gp_newref(v));
    return 0;
}

static gp_getsetdef_t func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL, NULL},
    {"__module__", func_get_module, func_set_module, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_function_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "function",
    .basicsize = sizeof(gp_function_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_METHOD_DESCRIPTOR
           | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = func_dealloc,
    .repr = func_repr,
    .getattro = gp_generic_getattr,
    .setattro = gp_generic_setattr,
    .call = gp_function_vectorcall,
    .descr_get = func_descr_get,
    .traverse = func_traverse,
    .clear = func_clear,
    .getset = func_getset,
    .dictoffset = offsetof(gp_function_t, dict),
};

/* ---- bound method ------------------------------------------------------ */

gp_obj_t *gp_method_new(gp_obj_t *func, gp_obj_t *self)
{
    gp_method_t *m = (gp_method_t *)gp_type_alloc(&gp_method_type, 0);
    if (!m)
        return NULL;
    m->func = gp_newref(func);
    m->self = gp_newref(self);
    gp_gc_track((gp_obj_t *)m);
    return (gp_obj_t *)m;
}

static int method_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((gp_method_t *)o)->func);
    GP_VISIT(((gp_method_t *)o)->self);
    return 0;
}

static int method_clear(gp_obj_t *o)
{
    GP_CLEAR(((gp_method_t *)o)->func);
    GP_CLEAR(((gp_method_t *)o)->self);
    return 0;
}

static void method_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    method_clear(o);
    gp_object_free(o);
}

/* self goes in front of the arguments; a small call uses a stack buffer. */
static gp_obj_t *method_call(gp_obj_t *o, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_method_t *m = (gp_method_t *)o;
    gp_ssize_t total = nargs + (kwnames ? GP_SIZE(kwnames) : 0);
    gp_obj_t *small[8], **buf = small;
    if (total + 1 > 8) {
        buf = malloc((size_t)(total + 1) * sizeof(gp_obj_t *));
        if (!buf)
            return gp_err_nomemory();
    }
    buf[0] = m->self;
    if (total)
        memcpy(buf + 1, args, (size_t)total * sizeof(gp_obj_t *));
    /* Hold the parts: the call may drop the last outside reference. */
    gp_obj_t *func = gp_newref(m->func), *self = gp_newref(m->self);
    gp_obj_t *r = gp_vectorcall(func, buf, nargs + 1, kwnames);
    GP_DECREF(func);
    GP_DECREF(self);
    if (buf != small)
        free(buf);
    return r;
}

static gp_obj_t *method_repr(gp_obj_t *o)
{
    gp_method_t *m = (gp_method_t *)o;
    gp_obj_t *name = NULL;
    if (gp_getattr_opt(m->func, GP_ID(__qualname__), &name) < 0)
        return NULL;
    if (!name && gp_getattr_opt(m->func, GP_ID(__name__), &name) < 0)
        return NULL;
    if (name && !GP_STR_CHECK(name))
        GP_CLEAR(name);
    gp_obj_t *r = gp_str_fromformat("<bound method %s of %R>",
                                    name ? gp_str_utf8(name, NULL) : "?",
                                    m->self);
    GP_XDECREF(name);
    return r;
}

static gp_obj_t *method_getattro(gp_obj_t *o, gp_obj_t *name)
{
    /* Descriptors of the method type first (__func__, __self__, __doc__),
    ** then the function's attributes. */
    gp_obj_t *d = gp_type_lookup(GP_TYPE(o), name);
    if (d) {
        gp_descrget_fn get = GP_TYPE(d)->descr_get;
        if (get)
            return get(d, o, (gp_obj_t *)GP_TYPE(o));
        return gp_newref(d);
    }
    return gp_getattr(((gp_method_t *)o)->func, name);
}

static gp_obj_t *method_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if ((op != GP_EQ && op != GP_NE) || !GP_METHOD_CHECK(a)
        || !GP_METHOD_CHECK(b))
        GP_RETURN_NOTIMPLEMENTED;
    gp_method_t *x = (gp_method_t *)a, *y = (gp_method_t *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = gp_richcompare_bool(x->func, y->func, GP_EQ);
        if (eq < 0)
            return NULL;
    }
    return gp_bool_from(op == GP_EQ ? eq : !eq);
}

static gp_hash_t method_hash(gp_obj_t *o)
{
    gp_method_t *m = (gp_method_t *)o;
    gp_hash_t y = gp_hash(m->func);
    if (y == -1)
        return -1;
    uintptr_t p = (uintptr_t)m->self;
    gp_hash_t x = (gp_hash_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    x ^= y;
    return x == -1 ? -2 : x;
}

static gp_obj_t *method_get_func(gp_obj_t *o, void *c) { return gp_newref(((gp_method_t *)o)->func); }
static gp_obj_t *method_get_self(gp_obj_t *o, void *c) { return gp_newref(((gp_method_t *)o)->self); }
static gp_obj_t *method_get_doc(gp_obj_t *o, void *c)
{
    return gp_getattr(((gp_method_t *)o)->func, GP_ID(__doc__));
}

static gp_getsetdef_t method_getset[] = {
    {"__func__", method_get_func, NULL, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL, NULL},
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_method_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "method",
    .basicsize = sizeof(gp_method_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .getattro = method_getattro,
    .call = method_call,
    .traverse = method_traverse,
    .clear = method_clear,
    .getset = method_getset,
};

/* ---- cell -------------------------------------------------------------- */

gp_obj_t *gp_cell_new(gp_obj_t *v)
{
    gp_cell_t *c = (gp_cell_t *)gp_type_alloc(&gp_cell_type, 0);
    if (!c)
        return NULL;
    c->ref = gp_xnewref(v);
    gp_gc_track((gp_obj_t *)c);
    return (gp_obj_t *)c;
}

static int cell_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((gp_cell_t *)o)->ref);
    return 0;
}

static int cell_clear(gp_obj_t *o)
{
    GP_CLEAR(((gp_cell_t *)o)->ref);
    return 0;
}

static void cell_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    cell_clear(o);
    gp_object_free(o);
}

static gp_obj_t *cell_repr(gp_obj_t *o)
{
    gp_obj_t *v = ((gp_cell_t *)o)->ref;
    if (!v)
        return gp_str_fromformat("<cell at %p: empty>", o);
    return gp_str_fromformat("<cell at %p: %.80s object at %p>", o,
                             gp_type_name_cstr(GP_TYPE(v)), v);
}

static gp_obj_t *cell_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (GP_TYPE(a) != &gp_cell_type || GP_TYPE(b) != &gp_cell_type)
        GP_RETURN_NOTIMPLEMENTED;
    gp_obj_t *x = ((gp_cell_t *)a)->ref, *y = ((gp_cell_t *)b)->ref;
    if (x && y)
        return gp_richcompare(x, y, op);
    /* An empty cell sorts before a full one. */
    int c = (x != NULL) - (y != NULL);
    int r;
    switch (op) {
    case GP_LT: r = c < 0; break;
    case GP_LE: r = c <= 0; break;
    case GP_EQ: r = c == 0; break;
    case GP_NE: r = c != 0; break;
    case GP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return gp_bool_from(r);
}

static gp_obj_t *cell_get_contents(gp_obj_t *o, void *c)
{
    gp_obj_t *v = ((gp_cell_t *)o)->ref;
    if (!v) {
        gp_err_set_str(&gp_exc_ValueError, "Cell is empty");
        return NULL;
    }
    return gp_newref(v);
}

static int cell_set_contents(gp_obj_t *o, gp_obj_t *v, void *c)
{
    GP_SETREF(((gp_cell_t *)o)->ref, gp_xnewref(v));
    return 0;
}

static gp_getsetdef_t cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_cell_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "cell",
    .basicsize = sizeof(gp_cell_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .richcompare = cell_richcompare,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .getset = cell_getset,
};

int gp_obj_func_init(void)
{
    if (gp_type_ready(&gp_function_type) < 0
        || gp_type_ready(&gp_method_type) < 0
        || gp_type_ready(&gp_cell_type) < 0)
        return -1;
    return 0;
}
