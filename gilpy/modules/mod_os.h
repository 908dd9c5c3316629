/*
** mod_os.h — the os module (mod_os.c).  Guard: the GIL.
*/
#ifndef GP_MOD_OS_H
#define GP_MOD_OS_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_os;

#endif
