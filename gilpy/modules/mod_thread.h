/*
** mod_thread.h — the `_thread` module (mod_thread.c): its module
** definition, the lock types, and the thread starter that `threading`
** and the `gil` module build on.  Guard: the GIL (lock words are libgil
** atomics).
*/
#ifndef GP_MOD_THREAD_H
#define GP_MOD_THREAD_H

#include <gil.h>
#include "objects/moduleobj.h"

extern const gp_moduledef_t gp_mod_thread;
extern gp_type_t gp_thread_lock_type, gp_thread_rlock_type;

/* Makes the lock types ready (called by gp_types_init). */
int gp_mod_thread_init(void);
/* A new unlocked _thread.lock. */
gp_obj_t *gp_thread_lock_new(void);
/* Start func(*args, **kwargs) (kwargs may be NULL) on a new thread of the
** current interpreter.  *handle, if handle is not NULL, receives a libgil
** handle reference to release.  0, or -1 with RuntimeError "can't start
** new thread" / "can't create new thread at interpreter shutdown". */
int gp_thread_start(gp_obj_t *func, gp_obj_t *args, gp_obj_t *kwargs,
                    gil_thread_t **handle);

#endif
