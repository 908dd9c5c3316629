/*
** mod_gc.h — the `gc` module (mod_gc.c): the cycle collector from Python.
** Guard: the GIL.
*/
#ifndef GP_MOD_GC_H
#define GP_MOD_GC_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_gc;

#endif
