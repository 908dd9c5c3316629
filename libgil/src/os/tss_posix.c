/*
** tss_posix.c — thread-specific storage keys on pthread_key_t.  The key
** table is the OS's; libgil adds no state.
*/
#include <pthread.h>

#include "gil/error.h"
#include "gil/os.h"

int gil_os_key_create(gil_os_key_t *key, void (*destructor)(void *))
{
    pthread_key_t k;
    if (pthread_key_create(&k, destructor) != 0)
        return GIL_EAGAIN;
    key->k = (unsigned long)k;
    return GIL_OK;
}

void gil_os_key_delete(gil_os_key_t key)
{
    pthread_key_delete((pthread_key_t)key.k);
}

int gil_os_key_set(gil_os_key_t key, void *value)
{
    return pthread_setspecific((pthread_key_t)key.k, value) == 0 ? GIL_OK
                                                                : GIL_ENOMEM;
}

void *gil_os_key_get(gil_os_key_t key)
{
    return pthread_getspecific((pthread_key_t)key.k);
}
