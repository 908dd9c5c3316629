/*
** thread_posix.c — OS threads on pthreads: start, join, detach, identity,
** names, stack sizes.  With futex.c and tss_posix.c, the only place libgil
** calls pthread_*.  Holds no state of its own: a started thread's function
** and argument travel in a malloc'ed trampoline record freed by the child.
*/
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

#include "gil/config.h"
#include "gil/error.h"
#include "gil/os.h"

typedef struct trampoline {
    void (*fn)(void *);
    void *arg;
} trampoline_t;

static void *thread_main(void *p)
{
    trampoline_t t = *(trampoline_t *)p;
    free(p);
    t.fn(t.arg);
    return NULL;
}

static size_t page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

int gil_os_stack_size_check(size_t size)
{
    if (size == 0)
        return GIL_OK;
    size_t min = GIL_THREAD_STACK_MIN;
#ifdef PTHREAD_STACK_MIN
    if ((size_t)PTHREAD_STACK_MIN > min)
        min = (size_t)PTHREAD_STACK_MIN;
#endif
    if (size < min || size % page_size() != 0)
        return GIL_EINVAL;
    return GIL_OK;
}

int gil_os_thread_start(void (*fn)(void *), void *arg, size_t stack_size,
                        int detached, gil_os_thread_t *out)
{
    if (!fn || (!detached && !out) || gil_os_stack_size_check(stack_size))
        return GIL_EINVAL;
    trampoline_t *t = malloc(sizeof *t);
    if (!t)
        return GIL_ENOMEM;
    t->fn = fn;
    t->arg = arg;
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        free(t);
        return GIL_ENOMEM;
    }
    int rc = 0;
    if (stack_size)
        rc = pthread_attr_setstacksize(&attr, stack_size);
    if (rc == 0 && detached)
        rc = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    if (rc == 0)
        rc = pthread_create(&th, &attr, thread_main, t);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(t);
        return rc == EINVAL ? GIL_EINVAL : GIL_EAGAIN;
    }
    if (out)
        *out = (gil_os_thread_t)th;
    return GIL_OK;
}

int gil_os_thread_join(gil_os_thread_t t)
{
    return pthread_join((pthread_t)t, NULL) == 0 ? GIL_OK : GIL_EINVAL;
}

int gil_os_thread_detach(gil_os_thread_t t)
{
    return pthread_detach((pthread_t)t) == 0 ? GIL_OK : GIL_EINVAL;
}

uint64_t gil_os_thread_ident(void)
{
    return (uint64_t)(uintptr_t)pthread_self();
}

uint64_t gil_os_thread_native_id(void)
{
#if defined(__linux__)
    return (uint64_t)syscall(SYS_gettid);
#else
    return (uint64_t)(uintptr_t)pthread_self();
#endif
}

int gil_os_thread_set_name(const char *name)
{
    if (!name)
        return GIL_EINVAL;
#if defined(__linux__)
    char buf[16];
    size_t n = strlen(name);
    if (n > 15) {
        /* Truncate at a UTF-8 character boundary. */
        n = 15;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, name, n);
    buf[n] = 0;
    return pthread_setname_np(pthread_self(), buf) == 0 ? GIL_OK : GIL_EINVAL;
#else
    return GIL_ENOTSUP;
#endif
}

int gil_os_thread_get_name(char *buf, size_t size)
{
    if (!buf || size == 0)
        return GIL_EINVAL;
#if defined(__linux__)
    char tmp[16];
    if (pthread_getname_np(pthread_self(), tmp, sizeof tmp) != 0)
        return GIL_EINVAL;
    size_t n = strlen(tmp);
    if (n >= size)
        n = size - 1;
    memcpy(buf, tmp, n);
    buf[n] = 0;
    return GIL_OK;
#else
    buf[0] = 0;
    return GIL_ENOTSUP;
#endif
}

_Noreturn void gil_os_thread_hang(void)
{
    for (;;)
        pause();
}

void gil_os_yield(void)
{
    sched_yield();
}

int gil_os_ncpu(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}
