/*
** mod_gil.h — the `gil` module (mod_gil.c): the GIL policy and libgil's
** statistics from Python.  Guard: the GIL.
*/
#ifndef GP_MOD_GIL_H
#define GP_MOD_GIL_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_gil;

#endif
