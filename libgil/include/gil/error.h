/*
** gil/error.h — libgil's error codes.
**
** Every public function that can fail returns 0 (GIL_OK) or one of these
** negative codes; none sets errno.  gil_strerror() names them.  Misuse that
** means memory is already corrupt (dropping a GIL you do not hold, deleting
** the current thread state) is not an error code but gil_fatal(): a message
** on stderr and abort(), as CPython's Py_FatalError.
*/
#ifndef GIL_ERROR_H
#define GIL_ERROR_H

enum {
    GIL_OK = 0,
    GIL_ENOMEM = -1,      /* out of memory */
    GIL_EINVAL = -2,      /* an argument is out of range */
    GIL_EAGAIN = -3,      /* the OS refused a resource (thread creation) */
    GIL_EPERM = -4,       /* the caller does not own the lock */
    GIL_EOVERFLOW = -5,   /* a counter would wrap */
    GIL_EFULL = -6,       /* a bounded queue is full */
    GIL_EBUSY = -7,       /* the object is in use (e.g. threads remain) */
    GIL_ESTATE = -8,      /* wrong state: not started, already started... */
    GIL_EDEADLK = -9,     /* the operation would wait for the caller itself */
    GIL_EFINALIZING = -10,/* the interpreter is shutting down */
    GIL_ENOTSUP = -11,    /* not supported on this platform */
    GIL_ETIMEDOUT = -12   /* a timed wait expired */
};

/* Name and one-line meaning of an error code ("GIL_EINVAL: invalid
** argument"); never NULL. */
const char *gil_strerror(int err);

/* Print "Fatal libgil error: MSG" to stderr and abort().  Never returns. */
_Noreturn void gil_fatal(const char *msg);

#endif /* GIL_ERROR_H */
