/*
** clock.c — the monotonic clock and overflow-free deadline arithmetic.
** No state; every function is thread-safe, gil_os_monotonic_ns is also
** async-signal-safe.
*/
#include <errno.h>
#include <time.h>

#include "gil/os.h"

int64_t gil_os_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t gil_deadline(int64_t timeout_ns)
{
    if (timeout_ns < 0)
        return GIL_NO_DEADLINE;
    int64_t now = gil_os_monotonic_ns();
    /* Saturate instead of wrapping: a huge timeout means "never". */
    if (timeout_ns > GIL_NO_DEADLINE - now)
        return GIL_NO_DEADLINE;
    return now + timeout_ns;
}

int64_t gil_deadline_remaining(int64_t deadline)
{
    if (deadline == GIL_NO_DEADLINE)
        return GIL_FOREVER;
    int64_t now = gil_os_monotonic_ns();
    /* Compare first: deadline - now overflows for deadlines far past. */
    return deadline > now ? deadline - now : 0;
}

void gil_os_sleep_ns(int64_t ns)
{
    if (ns <= 0)
        return;
    int64_t deadline = gil_deadline(ns);
    struct timespec ts;
    if (deadline == GIL_NO_DEADLINE) {
        for (;;) {
            ts.tv_sec = 1000000;
            ts.tv_nsec = 0;
            nanosleep(&ts, NULL);
        }
    }
    ts.tv_sec = deadline / 1000000000;
    ts.tv_nsec = deadline % 1000000000;
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}
