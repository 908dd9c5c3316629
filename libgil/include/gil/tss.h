/*
** gil/tss.h — thread-specific storage: CPython's PyThread_tss_* (PEP 539)
** plus destructors.
**
** A key is a gil_tss_t, zero-initialised (GIL_TSS_INIT) or allocated with
** gil_tss_alloc.  Create is idempotent; each thread sees its own value
** (NULL until set).  When a thread that set a non-NULL value ends, the
** key's destructor (if any) runs on that thread with the value.  Deleting a
** key does not run destructors.  Thread-safety: create/delete must not race
** with each other on one key; get/set are per-thread and lock-free.
*/
#ifndef GIL_TSS_H
#define GIL_TSS_H

#include "gil/os.h"

typedef struct gil_tss {
    int created;            /* 1 once gil_tss_create succeeded */
    gil_os_key_t key;
} gil_tss_t;
#define GIL_TSS_INIT {0, {0}}

gil_tss_t *gil_tss_alloc(void);              /* NULL if out of memory */
void gil_tss_free(gil_tss_t *key);           /* deletes first; NULL is ok */
int gil_tss_is_created(const gil_tss_t *key);
/* GIL_OK (also if already created), GIL_EAGAIN (no keys left). */
int gil_tss_create(gil_tss_t *key, void (*destructor)(void *));
void gil_tss_delete(gil_tss_t *key);         /* idempotent */
/* GIL_OK, GIL_ESTATE (key not created) or GIL_ENOMEM. */
int gil_tss_set(gil_tss_t *key, void *value);
void *gil_tss_get(const gil_tss_t *key);     /* NULL if unset / not created */

#endif /* GIL_TSS_H */
