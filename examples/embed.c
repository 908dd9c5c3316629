/*
** embed.c — the smallest libgil embedding: a runtime, an interpreter, the
** main thread attached, two interpreter threads that share a counter
** guarded only by the GIL.  Built against an installed libgil with
**   cc embed.c $(pkg-config --cflags --libs gil)
*/
#include <gil.h>
#include <stdio.h>

static long counter;    /* guarded by the GIL */

static void body(gil_tstate_t *ts, void *arg)
{
    for (int i = 0; i < 100000; i++) {
        counter++;
        if (GIL_POLL(ts))
            gil_breaker_handle(ts);
    }
}

int main(void)
{
    gil_runtime_t *rt = gil_runtime_new();
    gil_interp_t *interp = gil_interp_new(rt);
    gil_attach(gil_tstate_new_bound(interp));
    gil_thread_t *h[2];
    for (int i = 0; i < 2; i++)
        gil_thread_start(interp, body, NULL, &h[i]);
    GIL_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 2; i++)
        gil_thread_join(h[i], GIL_FOREVER, 0);
    GIL_END_ALLOW_THREADS
    for (int i = 0; i < 2; i++)
        gil_thread_handle_release(h[i]);
    printf("counter %ld, policy %s\n", counter,
           gil_policy_name(gil_get_policy(interp)));
    gil_tstate_delete_current();
    gil_interp_delete(interp);
    gil_runtime_free(rt);
    return counter == 200000 ? 0 : 1;
}
