/*
** traceback.h — traceback objects and how they print.  A traceback entry
** records where an exception passed through a frame: the code object and
** the instruction (so its line and 3.11 column span), linked innermost
** last as in CPython (tb_next).  Entries hold the code, not the frame:
** frames live on the thread's frame stack and die with the call.
** tb_frame is therefore a small snapshot object with f_code, f_lineno,
** f_globals (CPython's frame has more).  Guard: the GIL.
*/
#ifndef GP_TRACEBACK_H
#define GP_TRACEBACK_H

#include "objects/object.h"

typedef struct gp_tb {
    gp_obj_t ob;
    struct gp_tb *next;         /* towards the raise point, or NULL */
    gp_obj_t *code;             /* gp_code_t */
    gp_obj_t *globals;          /* dict, for tb_frame.f_globals */
    int lasti;                  /* instruction index */
    int lineno;
} gp_tb_t;

extern gp_type_t gp_tb_type;
#define GP_TB_CHECK(o) (GP_TYPE(o) == &gp_tb_type)

/* A new entry in front of next (may be NULL): the VM calls this as an
** exception leaves a frame, with exc's current traceback as next. */
gp_obj_t *gp_tb_new(gp_obj_t *next, gp_obj_t *code, gp_obj_t *globals,
                    int lasti);
/* Add the current frame to the current exception's traceback. */
int gp_tb_here(gp_obj_t *code, gp_obj_t *globals, int lasti);

/* Write "Traceback (most recent call last):\n" and one entry per tb, as
** CPython 3.11 does: '  File "f", line N, in name', the stripped source
** line (read from the file; none for "<string>" and "<stdin>"), the
** ^^^^ / ~~~^^^ caret line when the span is not the whole line, "[Previous line repeated N
** more times]" after 3 repeats.  file: a file object (write()).
** Returns 0, or -1 with an exception set. */
int gp_tb_print(gp_obj_t *tb, gp_obj_t *file);

/* Readies the traceback and tb_frame types (vm/traceback.c). */
int gp_traceback_init(void);

#endif
