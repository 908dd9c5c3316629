/*
** funcobj.h — Python functions, bound methods and cells.  A function is
** code + globals + defaults + closure; calling it binds the arguments
** into a new frame (CPython's messages: "f() missing 1 required
** positional argument: 'x'", "f() got an unexpected keyword argument
** 'y'", "f() takes 2 positional arguments but 3 were given", ...).
** Functions are descriptors: got through an instance they bind into a
** method.  Guard: the GIL.
*/
#ifndef GP_FUNCOBJ_H
#define GP_FUNCOBJ_H

#include "objects/object.h"

typedef struct {
    gp_obj_t ob;
    gp_vectorcall_fn vectorcall;
    gp_obj_t *code;             /* gp_code_t */
    gp_obj_t *globals;          /* dict */
    gp_obj_t *builtins;         /* dict (globals['__builtins__'] at creation) */
    gp_obj_t *name, *qualname;  /* str */
    gp_obj_t *defaults;         /* tuple or NULL */
    gp_obj_t *kwdefaults;       /* dict or NULL */
    gp_obj_t *closure;          /* tuple of cells or NULL */
    gp_obj_t *doc;              /* __doc__ */
    gp_obj_t *dict;             /* function attributes, or NULL */
    gp_obj_t *module;           /* __module__ */
    gp_obj_t *annotations;      /* dict or NULL */
} gp_function_t;

typedef struct {
    gp_obj_t ob;
    gp_obj_t *func;             /* any callable */
    gp_obj_t *self;
} gp_method_t;

typedef struct {
    gp_obj_t ob;
    gp_obj_t *ref;              /* NULL: empty */
} gp_cell_t;

extern gp_type_t gp_function_type, gp_method_type, gp_cell_type;
#define GP_FUNCTION_CHECK(o) (GP_TYPE(o) == &gp_function_type)
#define GP_METHOD_CHECK(o)   (GP_TYPE(o) == &gp_method_type)

gp_obj_t *gp_function_new(gp_obj_t *code, gp_obj_t *globals,
                          gp_obj_t *qualname);
gp_obj_t *gp_method_new(gp_obj_t *func, gp_obj_t *self);
gp_obj_t *gp_cell_new(gp_obj_t *v);           /* v may be NULL */

/* Readies function, method and cell (objects/obj_func.c). */
int gp_obj_func_init(void);

#endif
