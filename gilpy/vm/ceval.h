/*
** ceval.h — running code: the eval loop's entry points and what the
** rest of gilpy asks of the running frame.  Guard: the GIL, held by the
** calling thread for the whole call (the loop gives it up only at its
** poll points and in blocking built-ins, see INTERPRETER.md).
*/
#ifndef GP_CEVAL_H
#define GP_CEVAL_H

#include "objects/object.h"

/* exec(code, globals, locals): locals may be the same dict as globals
** (module level).  globals gets __builtins__ if it lacks one. */
gp_obj_t *gp_eval_code(gp_obj_t *code, gp_obj_t *globals, gp_obj_t *locals);
/* Run a class body: func's code with `ns` as its locals mapping, func's
** globals and closure.  Returns what the body returns (the __class__
** cell when the body made one, else None). */
gp_obj_t *gp_eval_class_body(gp_obj_t *func, gp_obj_t *ns);
/* The innermost Python frame's globals / locals (a dict, made from the
** fast slots for a function, as locals()) / builtins: borrowed, except
** gp_eval_locals which returns a new reference.  NULL: no frame. */
gp_obj_t *gp_eval_globals(void);
gp_obj_t *gp_eval_locals(void);
gp_obj_t *gp_eval_builtins(void);
/* Handle the eval breaker now (for long loops in C code): 0 / -1. */
int gp_eval_poll(void);

#endif
