/*
** gil.h — libgil, the threading runtime of gilpy.
**
** One header for the whole public API.  libgil holds no interpreter: it
** provides OS threads, locks, thread-specific storage, runtime /
** interpreter / thread states, the GIL with three scheduling policies, the
** eval breaker, pending calls, async exceptions, signals, fork handling,
** statistics and event hooks, for any C interpreter to embed.
**
**   gil/config.h  tunables            gil/error.h   error codes, gil_fatal
**   gil/os.h      OS contract, clock  gil/lock.h    lock, rlock, event
**   gil/tss.h     thread-specific     gil/state.h   runtime/interp/tstate
**   gil/sched.h   the GIL itself      gil/thread.h  thread start / join
**   gil/stats.h   statistics, hooks
*/
#ifndef GIL_H
#define GIL_H

#define GIL_VERSION "0.1.0"

#include "gil/config.h"
#include "gil/error.h"
#include "gil/os.h"
#include "gil/lock.h"
#include "gil/tss.h"
#include "gil/state.h"
#include "gil/sched.h"
#include "gil/thread.h"
#include "gil/stats.h"

#endif /* GIL_H */
