/*
** mod_sys.h — the sys module (mod_sys.c) and the two small types it
** brings: sys.version_info's tuple-with-names and the namespace of
** sys.implementation (types.SimpleNamespace).  Guard: the GIL.
*/
#ifndef GP_MOD_SYS_H
#define GP_MOD_SYS_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_sys;
extern gp_type_t gp_sys_version_info_type, gp_namespace_type;

int gp_mod_sys_init(void);
/* A namespace holding a copy of dict's items (dict may be NULL). */
gp_obj_t *gp_namespace_new(gp_obj_t *dict);

#endif
