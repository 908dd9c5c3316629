/*
** mod_atexit.h — the `atexit` module (mod_atexit.c) and the call of its
** functions at the interpreter's finish.  Guard: the GIL.
*/
#ifndef GP_MOD_ATEXIT_H
#define GP_MOD_ATEXIT_H

#include "objects/moduleobj.h"
#include "vm/state.h"

extern const gp_moduledef_t gp_mod_atexit;

/* Call the registered functions, newest first, reporting each exception
** as unraisable ("Exception ignored in atexit callback"), then forget
** them.  With the GIL held. */
void gp_atexit_run(gp_interp_t *in);

#endif
