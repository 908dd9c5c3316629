/*
** descrobj.h — the callables and descriptors of the type system:
** builtin functions (`builtin_function_or_method`: a gp_methoddef_t bound
** to a module or an object), method descriptors of built-in types
** (`method_descriptor`, `classmethod_descriptor`), slot wrappers
** (`wrapper_descriptor` such as int.__add__, and `method-wrapper` when
** bound), `getset_descriptor`, and the Python-level `property`,
** `classmethod`, `staticmethod` and `super`.  Reprs and error messages
** as CPython's ("descriptor 'append' for 'list' objects doesn't apply to
** a 'int' object", "<built-in function len>", "<method 'append' of
** 'list' objects>").  Guard: the GIL; descriptors are immutable.
*/
#ifndef GP_DESCROBJ_H
#define GP_DESCROBJ_H

#include "object.h"

extern gp_type_t gp_cfunction_type, gp_method_descr_type,
                 gp_classmethod_descr_type, gp_wrapper_descr_type,
                 gp_method_wrapper_type, gp_getset_descr_type,
                 gp_property_type, gp_classmethod_type,
                 gp_staticmethod_type, gp_super_type, gp_mappingproxy_type;

/* A builtin function: def called with self (the module, or NULL) and
** its __module__ name (may be NULL).  As PyCFunction_NewEx. */
gp_obj_t *gp_cfunction_new(const gp_methoddef_t *def, gp_obj_t *self,
                           gp_obj_t *module_name);
/* Call a gp_methoddef_t on self with vectorcall arguments, checking the
** flags' arity ("len() takes exactly one argument (2 given)",
** "f() takes no keyword arguments", "f() takes no arguments (1 given)"). */
gp_obj_t *gp_methoddef_call(const gp_methoddef_t *def, gp_obj_t *self,
                            gp_obj_t *const *args, gp_ssize_t nargs,
                            gp_obj_t *kwnames);
gp_obj_t *gp_method_descr_new(gp_type_t *t, const gp_methoddef_t *def);
gp_obj_t *gp_getset_descr_new(gp_type_t *t, const gp_getsetdef_t *def);
gp_obj_t *gp_classmethod_descr_new(gp_type_t *t, const gp_methoddef_t *def);
/* A slot wrapper (int.__add__, object.__init__): calls slot `slot` of t;
** see typeslots.h for the slot numbers. */
gp_obj_t *gp_wrapper_descr_new(gp_type_t *t, int slot);
/* A staticmethod wrapping a builtin bound to self (type.__new__). */
gp_obj_t *gp_staticmethod_from_cfunction(const gp_methoddef_t *def,
                                         gp_obj_t *self);
/* sm is a staticmethod of a builtin (made by the above): its def, and
** its self in *self; else NULL. */
const gp_methoddef_t *gp_staticmethod_cdef(gp_obj_t *sm, gp_obj_t **self);
/* The slot a wrapper descriptor calls, and its type (*owner). */
int gp_wrapper_descr_slot(gp_obj_t *w, gp_type_t **owner);
/* Is w the wrapper of slot `slot` of type t? */
int gp_wrapper_descr_is(gp_obj_t *w, gp_type_t *t, int slot);
/* super(type, obj) for C code (class creation's __init_subclass__). */
gp_obj_t *gp_super_new(gp_type_t *type, gp_obj_t *obj);
/* property(fget, fset, fdel, doc) etc. for C code. */
gp_obj_t *gp_staticmethod_new(gp_obj_t *callable);
gp_obj_t *gp_classmethod_new(gp_obj_t *callable);
/* A read-only live view of a mapping (what C.__dict__ returns;
** descr_mappingproxy.c). */
gp_obj_t *gp_mappingproxy_new(gp_obj_t *mapping);
/* Makes the descriptor types ready (obj_descr.c). */
int gp_obj_descr_init(void);

#endif
