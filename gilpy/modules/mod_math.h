/*
** mod_math.h — the math module (mod_math.c).  Guard: the GIL.
*/
#ifndef GP_MOD_MATH_H
#define GP_MOD_MATH_H

#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_math;

#endif
