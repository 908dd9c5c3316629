/*
** tss.c — thread-specific storage keys (CPython's PyThread_tss_*) over the
** OS contract's keys.  A gil_tss_t's `created` flag is written only by
** create/delete, which callers must not race on the same key.
*/
#include <stdlib.h>

#include "internal.h"

gil_tss_t *gil_tss_alloc(void)
{
    return calloc(1, sizeof(gil_tss_t));
}

void gil_tss_free(gil_tss_t *key)
{
    if (!key)
        return;
    gil_tss_delete(key);
    free(key);
}

int gil_tss_is_created(const gil_tss_t *key)
{
    return key->created;
}

int gil_tss_create(gil_tss_t *key, void (*destructor)(void *))
{
    if (key->created)
        return GIL_OK;
    int rc = gil_os_key_create(&key->key, destructor);
    if (rc == GIL_OK)
        key->created = 1;
    return rc;
}

void gil_tss_delete(gil_tss_t *key)
{
    if (!key->created)
        return;
    gil_os_key_delete(key->key);
    key->created = 0;
}

int gil_tss_set(gil_tss_t *key, void *value)
{
    if (!key->created)
        return GIL_ESTATE;
    return gil_os_key_set(key->key, value);
}

void *gil_tss_get(const gil_tss_t *key)
{
    return key->created ? gil_os_key_get(key->key) : NULL;
}
