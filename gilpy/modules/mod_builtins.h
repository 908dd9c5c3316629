/*
** mod_builtins.h — the `builtins` module (mod_builtins.c): the built-in
** functions, types, constants and exception classes.  Guard: the GIL.
*/
#ifndef GP_MOD_BUILTINS_H
#define GP_MOD_BUILTINS_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_builtins;

#endif
