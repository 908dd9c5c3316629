/*
** error.c — names of libgil's error codes and the fatal-error exit.
** Stateless.
*/
#include <stdio.h>
#include <stdlib.h>

#include "gil/error.h"

const char *gil_strerror(int err)
{
    switch (err) {
    case GIL_OK: return "GIL_OK: success";
    case GIL_ENOMEM: return "GIL_ENOMEM: out of memory";
    case GIL_EINVAL: return "GIL_EINVAL: invalid argument";
    case GIL_EAGAIN: return "GIL_EAGAIN: the system refused a resource";
    case GIL_EPERM: return "GIL_EPERM: the caller does not own the lock";
    case GIL_EOVERFLOW: return "GIL_EOVERFLOW: a counter would overflow";
    case GIL_EFULL: return "GIL_EFULL: the queue is full";
    case GIL_EBUSY: return "GIL_EBUSY: still in use";
    case GIL_ESTATE: return "GIL_ESTATE: wrong state for this operation";
    case GIL_EDEADLK: return "GIL_EDEADLK: the caller would wait for itself";
    case GIL_EFINALIZING: return "GIL_EFINALIZING: the interpreter is finalizing";
    case GIL_ENOTSUP: return "GIL_ENOTSUP: not supported on this platform";
    case GIL_ETIMEDOUT: return "GIL_ETIMEDOUT: the wait timed out";
    default: return "unknown libgil error";
    }
}

_Noreturn void gil_fatal(const char *msg)
{
    fprintf(stderr, "Fatal libgil error: %s\n", msg);
    fflush(stderr);
    abort();
}
