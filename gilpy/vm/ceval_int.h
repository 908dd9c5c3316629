/*
** ceval_int.h — what the eval loop (ceval.c) shares with its slow-path
** helpers (ceval_helpers.c).  Private to vm/ceval*.c.  Guard: the GIL.
*/
#ifndef GP_CEVAL_INT_H
#define GP_CEVAL_INT_H

#include "vm/frame.h"

/* The eval breaker's handler: gilpy's own bits (a due collection), then
** libgil's.  0, or -1 with an exception set. */
int gp_ceval_breaker(gp_thread_t *t);

#ifdef GP_NO_POLL
#define GP_EVAL_POLL(t) 0
#else
/* One relaxed load on the fast path: the loop keeps the address of its
** thread's breaker word in `breaker` (gil/sched.h's GIL_POLL, without
** reloading t->ts each time). */
#define GP_EVAL_POLL(t) \
    (atomic_load_explicit(breaker, memory_order_relaxed) && \
     gp_ceval_breaker(t) < 0)
#endif

/* "__main__.f()" / "print()" / "'int' object": how CPython names a
** callable in call errors.  New reference or NULL. */
gp_obj_t *gp_ceval_func_str(gp_obj_t *func);

/* RAISE_VARARGS: exc and cause (both may be NULL) are stolen.  Returns 1
** when the exception is re-raised as it is (bare raise: no traceback
** entry), 0 when a new one is set. */
int gp_ceval_do_raise(gp_obj_t *exc, gp_obj_t *cause);

/* CALL_FUNCTION_EX: func(*args, **kwargs), args any iterable, kwargs any
** mapping or NULL, with CPython's messages. */
gp_obj_t *gp_ceval_call_ex(gp_obj_t *func, gp_obj_t *args, gp_obj_t *kwargs);
/* DICT_MERGE: dict.update(update) refusing duplicates, for func. */
int gp_ceval_dict_merge(gp_obj_t *func, gp_obj_t *dict, gp_obj_t *update);
/* DICT_UPDATE: "'int' object is not a mapping". */
int gp_ceval_dict_update(gp_obj_t *dict, gp_obj_t *update);
/* LIST_EXTEND: "Value after * must be an iterable, not int". */
int gp_ceval_list_extend(gp_obj_t *list, gp_obj_t *iterable);

gp_obj_t *gp_ceval_import_from(gp_obj_t *module, gp_obj_t *name);
int gp_ceval_import_star(gp_frame_t *f, gp_obj_t *module);

/* Name errors: "name 'x' is not defined", the 3.11 unbound local
** message, and the cell/free variable one for slot i (>= nlocals). */
void gp_ceval_name_error(gp_obj_t *name);
/* LOAD_GLOBAL's slow path: names[i] from globals, else builtins (NameError
** if in neither), remembered in the code's global cache.  Borrowed. */
gp_obj_t *gp_ceval_load_global(gp_code_t *co, gp_obj_t *globals,
                               gp_obj_t *builtins, int i);
void gp_ceval_unbound_local(gp_obj_t *name);
void gp_ceval_deref_error(gp_code_t *co, int i);
gp_obj_t *gp_ceval_slot_name(gp_code_t *co, int i);

/* The pieces of with, except and f-strings. */
int gp_ceval_check_except_type(gp_obj_t *type);
gp_obj_t *gp_ceval_before_with(gp_obj_t *mgr, gp_obj_t **exit);
gp_obj_t *gp_ceval_with_exit(gp_obj_t *exit, gp_obj_t *exc);
gp_obj_t *gp_ceval_format_value(gp_obj_t *v, int conv, gp_obj_t *spec);
int gp_ceval_setup_annotations(gp_frame_t *f);
int gp_ceval_print_expr(gp_obj_t *v);
gp_obj_t *gp_ceval_make_function(gp_obj_t *code, gp_obj_t *globals,
                                 gp_obj_t *defaults, gp_obj_t *kwdefaults,
                                 gp_obj_t *annotations, gp_obj_t *closure);

#endif
