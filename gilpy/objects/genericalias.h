/*
** genericalias.h — types.GenericAlias (obj_genericalias.c): `list[int]`.
** Guard: the GIL.
*/
#ifndef GP_GENERICALIAS_H
#define GP_GENERICALIAS_H

#include "object.h"

extern gp_type_t gp_generic_alias_type;
/* origin[args]: args a tuple or a single item. */
gp_obj_t *gp_generic_alias_new(gp_obj_t *origin, gp_obj_t *args);
int gp_obj_genericalias_init(void);

#endif
