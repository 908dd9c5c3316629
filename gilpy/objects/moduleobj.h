/*
** moduleobj.h — module objects (a dict of globals with __name__, __doc__,
** __file__, __spec__...), and the table of modules written in C.  A C
** module is one file in gilpy/modules/ defining a gp_moduledef_t, plus one
** line in modules/modtable.c.  Guard: the GIL.
*/
#ifndef GP_MODULEOBJ_H
#define GP_MODULEOBJ_H

#include "object.h"

typedef struct {
    gp_obj_t ob;
    gp_obj_t *dict;         /* the module's globals */
    gp_obj_t *name;         /* str */
    const struct gp_moduledef *def;  /* C modules, else NULL */
    void *state;            /* C modules: def->state_size bytes, or NULL */
} gp_module_t;

typedef struct gp_moduledef {
    const char *name;
    const char *doc;
    gp_methoddef_t *methods;        /* NULL-terminated, or NULL */
    /* Adds constants, types and other attributes; 0 / -1. */
    int (*exec)(gp_obj_t *module);
    size_t state_size;              /* per-interpreter module state */
    gp_traverse_fn traverse;        /* of the state */
    void (*free)(gp_obj_t *module);
} gp_moduledef_t;

extern gp_type_t gp_module_type;
#define GP_MODULE_CHECK(o) GP_ISINSTANCE_OF(o, &gp_module_type)

gp_obj_t *gp_module_new(gp_obj_t *name);          /* empty, with __name__ */
gp_obj_t *gp_module_dict(gp_obj_t *m);            /* borrowed */
/* Create and execute a C module (does not add it to sys.modules). */
gp_obj_t *gp_module_from_def(const gp_moduledef_t *def);
int gp_module_add(gp_obj_t *m, const char *name, gp_obj_t *v); /* borrowed */
int gp_module_add_int(gp_obj_t *m, const char *name, int64_t v);
int gp_module_add_str(gp_obj_t *m, const char *name, const char *v);
int gp_module_add_type(gp_obj_t *m, gp_type_t *t);

/* modules/modtable.c: the built-in C modules, NULL-terminated. */
extern const gp_moduledef_t *const gp_builtin_modules[];
/* The .py files of gilpy/lib compiled into the binary: name -> source. */
typedef struct { const char *name; const char *source; } gp_frozen_t;
extern const gp_frozen_t gp_frozen_modules[];      /* {NULL, NULL}-ended */

#endif
