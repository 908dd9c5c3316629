/*
** gil/config.h — every tunable of libgil, in one place.
**
** Each knob is `#ifndef NAME / #define NAME default`, so a build can
** override it with -DNAME=value.  Values that can also be changed at run
** time (policy, switch interval, ticks) are only the *initial* values of a
** new interpreter.
*/
#ifndef GIL_CONFIG_H
#define GIL_CONFIG_H

/* Initial GIL scheduling policy of a new interpreter: GIL_POLICY_FAIR,
** GIL_POLICY_CPYTHON or GIL_POLICY_LEGACY (see gil/sched.h). */
#ifndef GIL_DEFAULT_POLICY
#define GIL_DEFAULT_POLICY GIL_POLICY_FAIR
#endif

/* Switch interval in microseconds (CPython's DEFAULT_INTERVAL).  For the
** cpython policy it is how long a waiter waits before it asks the holder to
** drop; for the fair policy it is the length of a time slice under
** contention and the most credit a sleeping thread may bank. */
#ifndef GIL_DEFAULT_INTERVAL_US
#define GIL_DEFAULT_INTERVAL_US 5000
#endif

/* Largest accepted switch interval: one hour.  Larger values are rejected
** with GIL_EINVAL rather than silently clamped. */
#ifndef GIL_MAX_INTERVAL_US
#define GIL_MAX_INTERVAL_US 3600000000ULL
#endif

/* Legacy policy: eval-breaker polls ("ticks") between two releases of the
** GIL, CPython 2's sys.setcheckinterval default. */
#ifndef GIL_DEFAULT_TICKS
#define GIL_DEFAULT_TICKS 100
#endif

/* Smallest thread stack size accepted (CPython's THREAD_STACK_MIN). */
#ifndef GIL_THREAD_STACK_MIN
#define GIL_THREAD_STACK_MIN 0x8000
#endif

/* Capacity of each pending-call ring (CPython: 300 per interpreter, 32 for
** the main thread).  Must be a power of two. */
#ifndef GIL_PENDING_CAPACITY
#define GIL_PENDING_CAPACITY 256
#endif

/* Most pending calls run in one pass of the eval breaker, so that a flood
** of calls cannot starve the interrupted code (CPython: 100). */
#ifndef GIL_PENDING_MAXLOOP
#define GIL_PENDING_MAXLOOP 100
#endif

/* Number of event-hook slots per runtime. */
#ifndef GIL_MAX_HOOKS
#define GIL_MAX_HOOKS 8
#endif

/* Fair policy: how long (ns) a waiter that is owed the GIL spins before it
** parks in the kernel.  Spinning saves a futex wake-up (~5-25 us on VMs)
** when the holder answers a drop request within a few polls.  0 disables. */
#ifndef GIL_FAIR_SPIN_NS
#define GIL_FAIR_SPIN_NS 20000
#endif

/* Set to 1 to build the portable POSIX (mutex + condition variable)
** fallback instead of Linux futexes, e.g. to test it on Linux. */
#ifndef GIL_NO_FUTEX
#if defined(__linux__)
#define GIL_NO_FUTEX 0
#else
#define GIL_NO_FUTEX 1
#endif
#endif

#endif /* GIL_CONFIG_H */
