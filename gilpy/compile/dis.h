/*
** dis.h — a disassembler for gilpy code objects (debugging; the runtime
** exposes it as `gilpy -X dis`).  Guard: the GIL.
*/
#ifndef GP_DIS_H
#define GP_DIS_H

#include <stdio.h>
#include "objects/object.h"

/* Prints the instructions of `code` and, after them, of every code
** object among its constants. */
void gp_dis(gp_obj_t *code, FILE *out);

#endif
