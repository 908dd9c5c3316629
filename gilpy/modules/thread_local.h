/*
** thread_local.h — `_thread._local` (threading.local), thread_local.c:
** the type, its readying, and what threading calls when a thread ends
** (_thread._local_thread_end) to drop its dicts before waking joiners.
** Guard: the GIL.
*/
#ifndef GP_THREAD_LOCAL_H
#define GP_THREAD_LOCAL_H

#include "objects/object.h"

extern gp_type_t gp_thread_local_type;
int gp_thread_local_init(void);                      /* 0 / -1 */
gp_obj_t *gp_thread_local_thread_end(gp_obj_t *mod, gp_obj_t *unused);

#endif
