/*
** typeslots.h — the bridge between C slots and dunder methods
** (type_slots.c): the table of slot names, the slot wrappers that make
** a C slot callable as `int.__add__`, and the slots of classes that call
** the class's dunder methods.  Guard: the GIL.
*/
#ifndef GP_TYPESLOTS_H
#define GP_TYPESLOTS_H

#include "object.h"

enum {
    GP_SLOT_REPR, GP_SLOT_STR, GP_SLOT_HASH, GP_SLOT_CALL, GP_SLOT_ITER,
    GP_SLOT_NEXT, GP_SLOT_GETATTRIBUTE, GP_SLOT_GETATTR, GP_SLOT_SETATTR,
    GP_SLOT_DELATTR, GP_SLOT_GET, GP_SLOT_SET, GP_SLOT_DELETE, GP_SLOT_INIT,
    GP_SLOT_DEL, GP_SLOT_NEW,
    GP_SLOT_LT, GP_SLOT_LE, GP_SLOT_EQ, GP_SLOT_NE, GP_SLOT_GT, GP_SLOT_GE,
    GP_SLOT_LEN, GP_SLOT_GETITEM, GP_SLOT_SETITEM, GP_SLOT_DELITEM,
    GP_SLOT_CONTAINS, GP_SLOT_BOOL, GP_SLOT_NEG, GP_SLOT_POS, GP_SLOT_ABS,
    GP_SLOT_INVERT, GP_SLOT_INT, GP_SLOT_FLOAT, GP_SLOT_INDEX,
    GP_SLOT_DIVMOD, GP_SLOT_RDIVMOD,
    GP_SLOT_BINOP,                          /* + GP_NB_*: __add__ ... */
    GP_SLOT_RBINOP = GP_SLOT_BINOP + GP_NB_COUNT,   /* __radd__ ... */
    GP_SLOT_IBINOP = GP_SLOT_RBINOP + GP_NB_COUNT,  /* __iadd__ ... */
    GP_SLOT_COUNT = GP_SLOT_IBINOP + GP_NB_COUNT
};

/* "__add__" for GP_SLOT_BINOP + GP_NB_ADD ... */
const char *gp_slot_name(int slot);
/* The same as an immortal str (ids.h), borrowed. */
gp_obj_t *gp_slot_name_obj(int slot);
/* Call slot `slot` of type t on self with the wrapper's arguments. */
gp_obj_t *gp_slot_call(gp_type_t *t, int slot, gp_obj_t *self,
                       gp_obj_t *const *args, gp_ssize_t nargs,
                       gp_obj_t *kwnames);
/* gp_type_ready: wrappers for the slots a static type defines. */
int gp_slots_add_wrappers(gp_type_t *t);
/* Class creation: own copies of the slot tables, inherited from b. */
void gp_type_inherit_heap(gp_type_t *t, gp_type_t *b);
/* Class creation: every slot whose dunder the class defines calls it. */
void gp_slots_fixup(gp_type_t *t);
/* After setattr(cls, name, v): refresh that slot in cls and subclasses. */
void gp_slots_update(gp_type_t *t, gp_obj_t *name);
/* A heap type dies: its slot tables go. */
void gp_slots_free(gp_type_t *t);

/* obj_type.c helpers shared with obj_object.c. */
gp_type_t *gp_type_solid_base(gp_type_t *t);
gp_obj_t *gp_type_dir(gp_obj_t *self, gp_obj_t *unused);   /* a list */

#endif
