/*
** mod_time.h — the time module (mod_time.c).  Guard: the GIL.
*/
#ifndef GP_MOD_TIME_H
#define GP_MOD_TIME_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_time;
extern gp_type_t gp_struct_time_type;

#endif
