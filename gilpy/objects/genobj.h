/*
** genobj.h — generator objects.  A generator owns its frame (malloc'd,
** vm/frame.h) and runs it a step at a time through the eval loop: send,
** throw, close, and `yield from` delegation, with CPython 3.11's
** StopIteration rules (a return raises StopIteration(value); a
** StopIteration escaping the body becomes RuntimeError "generator raised
** StopIteration").  Guard: the GIL.
*/
#ifndef GP_GENOBJ_H
#define GP_GENOBJ_H

#include "objects/object.h"
#include "vm/state.h"

struct gp_frame;

typedef struct gp_gen {
    gp_obj_t ob;
    struct gp_frame *frame;     /* owned; NULL once the generator is done */
    gp_obj_t *code;             /* the code it runs */
    gp_obj_t *name, *qualname;
    gp_excinfo_t exc_state;     /* its handled exception while suspended */
    char running;
} gp_gen_t;

extern gp_type_t gp_gen_type;
#define GP_GEN_CHECK(o) (GP_TYPE(o) == &gp_gen_type)

/* A generator owning f (a heap frame with its arguments bound): steals f,
** freeing it on failure. */
gp_obj_t *gp_gen_new(struct gp_frame *f);

/* Results of a step (CPython's PySendResult). */
enum { GP_SEND_ERROR = -1, GP_SEND_RETURN = 0, GP_SEND_NEXT = 1 };

/* Resume gen with arg (NULL: raise the current exception in it, i.e.
** throw).  *result: the yielded (GP_SEND_NEXT) or returned
** (GP_SEND_RETURN) value, new reference; NULL on GP_SEND_ERROR. */
int gp_gen_send_ex(gp_obj_t *gen, gp_obj_t *arg, gp_obj_t **result);
/* The `yield from` step on any receiver: a generator is resumed directly,
** an iterator with v None gets next(), anything else .send(v).
** GP_SEND_RETURN means the receiver finished (StopIteration taken, its
** value in *result). */
int gp_iter_send(gp_obj_t *receiver, gp_obj_t *v, gp_obj_t **result);

/* Readies the generator type. */
int gp_obj_gen_init(void);

#endif
