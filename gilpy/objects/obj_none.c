/*
** obj_none.c — the singletons None, NotImplemented and Ellipsis and their
** types.  Immortal, immutable: no guard needed.
*/
#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"

gp_obj_t gp_none_obj = GP_OBJ_HEAD_INIT(&gp_none_type);
gp_obj_t gp_notimplemented_obj = GP_OBJ_HEAD_INIT(&gp_notimplemented_type);
gp_obj_t gp_ellipsis_obj = GP_OBJ_HEAD_INIT(&gp_ellipsis_type);

static void immortal_dealloc(gp_obj_t *o)
{
    /* Never reached for an immortal; here so a refcount bug is loud. */
    o->refcnt = GP_IMMORTAL_REFCNT;
}

static gp_obj_t *none_repr(gp_obj_t *o)
{
    return gp_str_from_cstr("None");
}

static int none_bool(gp_obj_t *o)
{
    return 0;
}

static gp_hash_t none_hash(gp_obj_t *o)
{
    return 0xFCA86420;      /* a constant, as CPython 3.12 made it */
}

static gp_obj_t *singleton_new(gp_type_t *t, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs || (kwnames && GP_SIZE(kwnames))) {
        return gp_err_format(&gp_exc_TypeError, "%s takes no arguments",
                             t->name);
    }
    if (t == &gp_none_type)
        GP_RETURN_NONE;
    if (t == &gp_notimplemented_type)
        GP_RETURN_NOTIMPLEMENTED;
    return gp_newref(GP_ELLIPSIS);
}

static gp_number_methods_t none_as_number = {.bool_ = none_bool};

gp_type_t gp_none_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "NoneType",
    .basicsize = sizeof(gp_obj_t),
    .dealloc = immortal_dealloc,
    .repr = none_repr,
    .hash = none_hash,
    .new_ = singleton_new,
    .as_number = &none_as_number,
};

static gp_obj_t *notimpl_repr(gp_obj_t *o)
{
    return gp_str_from_cstr("NotImplemented");
}

gp_type_t gp_notimplemented_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "NotImplementedType",
    .basicsize = sizeof(gp_obj_t),
    .dealloc = immortal_dealloc,
    .repr = notimpl_repr,
    .new_ = singleton_new,
};

static gp_obj_t *ellipsis_repr(gp_obj_t *o)
{
    return gp_str_from_cstr("Ellipsis");
}

gp_type_t gp_ellipsis_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "ellipsis",
    .basicsize = sizeof(gp_obj_t),
    .dealloc = immortal_dealloc,
    .repr = ellipsis_repr,
    .new_ = singleton_new,
};

int gp_obj_none_init(void)
{
    if (gp_type_ready(&gp_none_type) < 0 ||
        gp_type_ready(&gp_notimplemented_type) < 0 ||
        gp_type_ready(&gp_ellipsis_type) < 0)
        return -1;
    return 0;
}
