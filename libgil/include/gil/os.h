/*
** gil/os.h — the narrow OS contract.  The only files that call pthread_*
** or the futex system call are the ones behind this header (src/os/ files);
** a port to another system replaces them and nothing else.
**
** Thread-safety: every function here may be called from any thread, with
** or without the GIL.  gil_os_monotonic_ns() is async-signal-safe, and so
** is gil_os_futex_wake() in the futex build (not in the GIL_NO_FUTEX
** fallback, whose wake takes a bucket mutex).
*/
#ifndef GIL_OS_H
#define GIL_OS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* ---- time --------------------------------------------------------------
** All times are int64 nanoseconds of CLOCK_MONOTONIC.  A *timeout* is a
** relative duration: GIL_FOREVER (< 0) waits without limit, 0 tries once,
** > 0 waits that long.  A *deadline* is an absolute monotonic time, with
** GIL_NO_DEADLINE meaning "never". */
#define GIL_FOREVER ((int64_t)-1)
#define GIL_NO_DEADLINE INT64_MAX

int64_t gil_os_monotonic_ns(void);

/* Deadline for a timeout taken now: GIL_NO_DEADLINE for a negative
** timeout; saturates at GIL_NO_DEADLINE instead of overflowing. */
int64_t gil_deadline(int64_t timeout_ns);

/* Time left until `deadline` (0 once it has passed; GIL_FOREVER for
** GIL_NO_DEADLINE). */
int64_t gil_deadline_remaining(int64_t deadline);

/* Sleep for ns nanoseconds, resuming after signals until the time is up. */
void gil_os_sleep_ns(int64_t ns);

/* ---- threads ---------------------------------------------------------- */
typedef uintptr_t gil_os_thread_t;     /* an OS thread handle (pthread_t) */

/* Start fn(arg) on a new OS thread.  stack_size 0 means the platform
** default.  With `detached` the thread cleans up after itself and *out may
** be NULL; otherwise exactly one of gil_os_thread_join / _detach must be
** called on *out.  Returns GIL_OK, GIL_EAGAIN (the OS refused: limits,
** memory), GIL_EINVAL (bad stack size) or GIL_ENOMEM. */
int gil_os_thread_start(void (*fn)(void *), void *arg, size_t stack_size,
                        int detached, gil_os_thread_t *out);
int gil_os_thread_join(gil_os_thread_t t);    /* GIL_OK or GIL_EINVAL */
int gil_os_thread_detach(gil_os_thread_t t);  /* GIL_OK or GIL_EINVAL */

/* A cookie naming the calling thread (pthread_self), never 0; may be
** reused after the thread ends.  CPython's get_ident(). */
uint64_t gil_os_thread_ident(void);

/* The kernel's thread id (gettid), unique system-wide while alive. */
uint64_t gil_os_thread_native_id(void);

/* OS-visible name of the calling thread.  Linux keeps 15 bytes: longer
** names are truncated (at a UTF-8 boundary).  get copies at most size-1
** bytes plus a NUL.  Both return GIL_OK or GIL_ENOTSUP/GIL_EINVAL. */
int gil_os_thread_set_name(const char *name);
int gil_os_thread_get_name(char *buf, size_t size);

/* Validate a stack size for gil_os_thread_start: 0 (default) is valid; any
** other value must be >= max(GIL_THREAD_STACK_MIN, PTHREAD_STACK_MIN) and
** a multiple of the page size.  GIL_OK or GIL_EINVAL. */
int gil_os_stack_size_check(size_t size);

/* Block the calling thread forever (used for daemon threads that reach for
** the GIL after finalization began, as CPython 3.14 does). */
_Noreturn void gil_os_thread_hang(void);

/* Yield the processor (sched_yield). */
void gil_os_yield(void);

/* ---- futex: wait on a 32-bit word ------------------------------------
** gil_os_futex_wait blocks while *addr == expected, until woken, until the
** deadline (absolute monotonic ns; GIL_NO_DEADLINE = none) or until a
** signal handler runs.  Returns 0 (woken, or *addr != expected, or a
** spurious wake-up: callers always re-check their condition), GIL_ETIMEDOUT
** or GIL_EINTR_STATUS.  gil_os_futex_wake wakes up to n waiters.  On Linux
** this is the futex system call; elsewhere (or with GIL_NO_FUTEX) a table
** of mutex+condvar buckets keyed by address emulates it. */
#define GIL_EINTR_STATUS 1
int gil_os_futex_wait(_Atomic uint32_t *addr, uint32_t expected,
                      int64_t deadline);
void gil_os_futex_wake(_Atomic uint32_t *addr, int n);

/* Prepare the futex emulation for the child of fork() (no-op on Linux). */
void gil_os_futex_after_fork(void);

/* ---- thread-specific storage keys (see gil/tss.h for the API) -------- */
typedef struct gil_os_key { unsigned long k; } gil_os_key_t;
int gil_os_key_create(gil_os_key_t *key, void (*destructor)(void *));
void gil_os_key_delete(gil_os_key_t key);
int gil_os_key_set(gil_os_key_t key, void *value);
void *gil_os_key_get(gil_os_key_t key);

/* Number of online processors (>= 1). */
int gil_os_ncpu(void);

#endif /* GIL_OS_H */
