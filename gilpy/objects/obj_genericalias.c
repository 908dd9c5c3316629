/*
** obj_genericalias.c — types.GenericAlias: what `list[int]` makes, so that
** annotations such as `x: dict[str, int]` evaluate (PEP 585).  It holds
** the origin class and the argument tuple, prints as `list[int]`, and
** calling it calls the origin.  Immutable once made; guard: the GIL.
*/
#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/gc.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "objects/genericalias.h"
#include "vm/errors.h"

typedef struct {
    gp_obj_t ob;
    gp_obj_t *origin;
    gp_obj_t *args;             /* tuple */
} alias_t;

gp_obj_t *gp_generic_alias_new(gp_obj_t *origin, gp_obj_t *args)
{
    alias_t *a = (alias_t *)gp_type_alloc(&gp_generic_alias_type, 0);
    if (!a)
        return NULL;
    a->origin = gp_newref(origin);
    a->args = GP_TUPLE_CHECK(args) ? gp_newref(args)
                                   : gp_tuple_pack(1, args);
    gp_gc_track((gp_obj_t *)a);
    if (!a->args) {
        GP_DECREF(a);
        return NULL;
    }
    return (gp_obj_t *)a;
}

static void alias_dealloc(gp_obj_t *o)
{
    alias_t *a = (alias_t *)o;
    gp_gc_untrack(o);
    GP_XDECREF(a->origin);
    GP_XDECREF(a->args);
    gp_object_free(o);
}

static int alias_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((alias_t *)o)->origin);
    GP_VISIT(((alias_t *)o)->args);
    return 0;
}

/* A class prints by its (module-qualified) name, ... as ..., the rest by
** repr, as typing does. */
static int put_item(gp_strbuf_t *b, gp_obj_t *x)
{
    gp_obj_t *s;
    if (x == GP_ELLIPSIS) {
        s = gp_str_from_cstr("...");
    } else if (GP_TYPE_CHECK_FAST(x, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_obj_t *q = gp_getattr_str(x, "__qualname__");
        gp_obj_t *m = q ? gp_getattr_str(x, "__module__") : NULL;
        if (m && GP_STR_CHECK(m) && !gp_str_eq_cstr(m, "builtins"))
            s = gp_str_fromformat("%U.%U", m, q);
        else
            s = q ? gp_newref(q) : NULL;
        if (!m)
            gp_err_clear();
        GP_XDECREF(q);
        GP_XDECREF(m);
    } else {
        s = gp_repr(x);
    }
    if (!s)
        return -1;
    gp_strbuf_str(b, s);
    GP_DECREF(s);
    return 0;
}

static gp_obj_t *alias_repr(gp_obj_t *o)
{
    alias_t *a = (alias_t *)o;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (put_item(&b, a->origin) < 0)
        goto fail;
    gp_strbuf_char(&b, '[');
    if (GP_SIZE(a->args) == 0)
        gp_strbuf_cstr(&b, "()");          /* tuple[()] */
    for (gp_ssize_t i = 0; i < GP_SIZE(a->args); i++) {
        if (i)
            gp_strbuf_cstr(&b, ", ");
        if (put_item(&b, GP_TUPLE_GET(a->args, i)) < 0)
            goto fail;
    }
    gp_strbuf_char(&b, ']');
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    return NULL;
}

static gp_obj_t *alias_call(gp_obj_t *o, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return gp_vectorcall(((alias_t *)o)->origin, args, nargs, kwnames);
}

static gp_obj_t *alias_origin(gp_obj_t *o, void *c)
{
    return gp_newref(((alias_t *)o)->origin);
}

static gp_obj_t *alias_args(gp_obj_t *o, void *c)
{
    return gp_newref(((alias_t *)o)->args);
}

static gp_getsetdef_t alias_getset[] = {
    {"__origin__", alias_origin, NULL, NULL, NULL},
    {"__args__", alias_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_generic_alias_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "types.GenericAlias",
    .basicsize = sizeof(alias_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = alias_dealloc,
    .repr = alias_repr,
    .call = alias_call,
    .traverse = alias_traverse,
    .getset = alias_getset,
};

int gp_obj_genericalias_init(void)
{
    return gp_type_ready(&gp_generic_alias_type);
}
