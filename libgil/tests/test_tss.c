/*
** test_tss.c — thread-specific storage (gil/tss.h), CPython's
** PyThread_tss_* of PEP 539 plus destructors: allocation, idempotent
** create / delete, the not-created state, per-thread independence of
** values, and when destructors do (a thread ends holding a non-NULL value)
** and do not (NULL value, deleted key) run.
*/
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"



/* ---- allocation and creation ------------------------------------------- */

TEST(tss_alloc_free)
{
    gil_tss_t *k = gil_tss_alloc();
    CHECK(k != NULL);
    if (!k)
        return;
    CHECK_EQ(gil_tss_is_created(k), 0);
    CHECK(gil_tss_get(k) == NULL);
    /* Freeing a never-created key is fine. */
    gil_tss_free(k);

    k = gil_tss_alloc();
    CHECK(k != NULL);
    if (!k)
        return;
    CHECK_EQ(gil_tss_create(k, NULL), GIL_OK);
    CHECK_EQ(gil_tss_is_created(k), 1);
    static int v;
    CHECK_EQ(gil_tss_set(k, &v), GIL_OK);
    CHECK(gil_tss_get(k) == &v);
    /* Free deletes first; with LeakSanitizer this also checks the key
    ** struct itself goes. */
    gil_tss_free(k);
    gil_tss_free(NULL);
}

TEST(tss_create_is_idempotent)
{
    gil_tss_t k = GIL_TSS_INIT;
    CHECK_EQ(gil_tss_create(&k, NULL), GIL_OK);
    CHECK_EQ(gil_tss_is_created(&k), 1);
    gil_os_key_t first = k.key;
    static int v;
    CHECK_EQ(gil_tss_set(&k, &v), GIL_OK);
    /* A second create is a no-op: same OS key, value kept. */
    CHECK_EQ(gil_tss_create(&k, NULL), GIL_OK);
    CHECK_EQ(gil_tss_is_created(&k), 1);
    CHECK_EQ(k.key.k, first.k);
    CHECK(gil_tss_get(&k) == &v);
    gil_tss_delete(&k);
    CHECK_EQ(gil_tss_is_created(&k), 0);
}

TEST(tss_get_before_set_is_null)
{
    gil_tss_t k = GIL_TSS_INIT;
    CHECK_EQ(gil_tss_create(&k, NULL), GIL_OK);
    CHECK(gil_tss_get(&k) == NULL);
    static int v;
    CHECK_EQ(gil_tss_set(&k, &v), GIL_OK);
    CHECK(gil_tss_get(&k) == &v);
    CHECK_EQ(gil_tss_set(&k, NULL), GIL_OK);
    CHECK(gil_tss_get(&k) == NULL);
    gil_tss_delete(&k);
}

TEST(tss_not_created)
{
    gil_tss_t k = GIL_TSS_INIT;
    static int v;
    CHECK_EQ(gil_tss_is_created(&k), 0);
    CHECK_EQ(gil_tss_set(&k, &v), GIL_ESTATE);
    CHECK(gil_tss_get(&k) == NULL);
    /* Deleting a never-created key does nothing. */
    gil_tss_delete(&k);
    CHECK_EQ(gil_tss_is_created(&k), 0);
}

TEST(tss_delete_is_idempotent)
{
    gil_tss_t k = GIL_TSS_INIT;
    static int v;
    CHECK_EQ(gil_tss_create(&k, NULL), GIL_OK);
    CHECK_EQ(gil_tss_set(&k, &v), GIL_OK);
    gil_tss_delete(&k);
    CHECK_EQ(gil_tss_is_created(&k), 0);
    gil_tss_delete(&k);
    gil_tss_delete(&k);
    CHECK_EQ(gil_tss_is_created(&k), 0);
    /* A deleted key behaves as never created. */
    CHECK_EQ(gil_tss_set(&k, &v), GIL_ESTATE);
    CHECK(gil_tss_get(&k) == NULL);
}

TEST(tss_recreate_after_delete_starts_empty)
{
    gil_tss_t k = GIL_TSS_INIT;
    static int v;
    for (int i = 0; i < 50; i++) {
        CHECK_EQ(gil_tss_create(&k, NULL), GIL_OK);
        /* The OS may hand out the same slot again; the old value must not
        ** shine through (POSIX: a new key starts NULL in every thread). */
        CHECK(gil_tss_get(&k) == NULL);
        CHECK_EQ(gil_tss_set(&k, &v), GIL_OK);
        CHECK(gil_tss_get(&k) == &v);
        gil_tss_delete(&k);
    }
}

static gil_tss_t static_key = GIL_TSS_INIT;

TEST(tss_static_init_key)
{
    static int v;
    CHECK_EQ(gil_tss_is_created(&static_key), 0);
    CHECK(gil_tss_get(&static_key) == NULL);
    CHECK_EQ(gil_tss_set(&static_key, &v), GIL_ESTATE);
    CHECK_EQ(gil_tss_create(&static_key, NULL), GIL_OK);
    CHECK_EQ(gil_tss_is_created(&static_key), 1);
    CHECK(gil_tss_get(&static_key) == NULL);
    CHECK_EQ(gil_tss_set(&static_key, &v), GIL_OK);
    CHECK(gil_tss_get(&static_key) == &v);
    gil_tss_delete(&static_key);
    CHECK_EQ(gil_tss_is_created(&static_key), 0);
}

TEST(tss_many_keys)
{
    enum { N = 64 };
    static gil_tss_t k[N];
    static int v[N];
    memset(k, 0, sizeof k);
    int made = 0;
    for (int i = 0; i < N; i++)
        if (gil_tss_create(&k[i], NULL) == GIL_OK)
            made++;
    CHECK_EQ(made, N);
    for (int i = 0; i < N; i++)
        CHECK_EQ(gil_tss_set(&k[i], &v[i]), GIL_OK);
    for (int i = 0; i < N; i++)
        CHECK(gil_tss_get(&k[i]) == &v[i]);
    for (int i = 0; i < N; i += 2)
        gil_tss_delete(&k[i]);
    /* Deleting some keys leaves the others' values alone. */
    for (int i = 1; i < N; i += 2)
        CHECK(gil_tss_get(&k[i]) == &v[i]);
    for (int i = 0; i < N; i++)
        gil_tss_delete(&k[i]);
}

/* ---- per-thread values --------------------------------------------------- */

static gil_tss_t pt_key = GIL_TSS_INIT;
static int pt_main_value, pt_thread_value;

static void per_thread_main(void *p)
{
    (void)p;
    /* The main thread's value is not ours. */
    CHECK(gil_tss_get(&pt_key) == NULL);
    CHECK_EQ(gil_tss_set(&pt_key, &pt_thread_value), GIL_OK);
    CHECK(gil_tss_get(&pt_key) == &pt_thread_value);
}

TEST(tss_values_are_per_thread)
{
    CHECK_EQ(gil_tss_create(&pt_key, NULL), GIL_OK);
    CHECK_EQ(gil_tss_set(&pt_key, &pt_main_value), GIL_OK);
    run_on_thread(per_thread_main, NULL);
    CHECK(gil_tss_get(&pt_key) == &pt_main_value);
    /* A later thread starts from NULL again. */
    run_on_thread(per_thread_main, NULL);
    CHECK(gil_tss_get(&pt_key) == &pt_main_value);
    gil_tss_delete(&pt_key);
}

/* Several threads at once, each checking it only ever sees its own value. */
enum { CONC_THREADS = 6, CONC_ITERS = 20000 };
static gil_tss_t conc_key = GIL_TSS_INIT;
static gil_event_t conc_go;
static _Atomic int conc_errors;

static void concurrent_main(void *p)
{
    char *base = p;
    gil_event_wait(&conc_go, SEC(10), 0);
    int errors = 0;
    if (gil_tss_get(&conc_key) != NULL)
        errors++;
    for (int i = 0; i < CONC_ITERS; i++) {
        void *mine = base + (i & 7);
        if (gil_tss_set(&conc_key, mine) != GIL_OK)
            errors++;
        if (i % 4 == 3)
            gil_os_yield();
        if (gil_tss_get(&conc_key) != mine)
            errors++;
    }
    atomic_fetch_add(&conc_errors, errors);
}

TEST(tss_concurrent_independence)
{
    static char slots[CONC_THREADS][8];
    gil_os_thread_t t[CONC_THREADS];
    CHECK_EQ(gil_tss_create(&conc_key, NULL), GIL_OK);
    gil_event_init(&conc_go);
    atomic_store(&conc_errors, 0);
    int n = 0;
    for (int i = 0; i < CONC_THREADS; i++)
        if (gil_os_thread_start(concurrent_main, slots[i], 0, 0, &t[n]) == GIL_OK)
            n++;
    CHECK_EQ(n, CONC_THREADS);
    gil_event_set(&conc_go);
    for (int i = 0; i < n; i++)
        CHECK_EQ(gil_os_thread_join(t[i]), GIL_OK);
    CHECK_EQ(atomic_load(&conc_errors), 0);
    CHECK(gil_tss_get(&conc_key) == NULL);
    gil_tss_delete(&conc_key);
}

/* ---- destructors ---------------------------------------------------------- */

typedef struct dval {
    uint64_t owner_tid;                 /* native id of the thread that set it */
    _Atomic uint64_t dtor_tid;          /* native id the destructor ran on */
    _Atomic int dtor_calls;
} dval_t;

static _Atomic int dtor_total;

static void dtor(void *p)
{
    dval_t *v = p;
    atomic_store(&v->dtor_tid, gil_os_thread_native_id());
    atomic_fetch_add(&v->dtor_calls, 1);
    atomic_fetch_add(&dtor_total, 1);
}

static gil_tss_t dkey = GIL_TSS_INIT;

/* mode 0: set a value; 1: never set; 2: set NULL; 3: set a value then NULL;
** 4: set one value, then replace it with another (only the last counts). */
typedef struct dthread {
    int mode;
    dval_t a, b;
} dthread_t;

static void dthread_main(void *p)
{
    dthread_t *d = p;
    uint64_t tid = gil_os_thread_native_id();
    d->a.owner_tid = tid;
    d->b.owner_tid = tid;
    switch (d->mode) {
    case 0:
        gil_tss_set(&dkey, &d->a);
        break;
    case 2:
        gil_tss_set(&dkey, NULL);
        break;
    case 3:
        gil_tss_set(&dkey, &d->a);
        gil_tss_set(&dkey, NULL);
        break;
    case 4:
        gil_tss_set(&dkey, &d->a);
        gil_tss_set(&dkey, &d->b);
        break;
    default:
        break;
    }
}

TEST(tss_destructor_runs_on_thread_exit)
{
    enum { N = 10 };
    static dthread_t d[N];
    static const int modes[N] = {0, 0, 0, 0, 1, 2, 3, 4, 1, 0};
    gil_os_thread_t t[N];
    memset(d, 0, sizeof d);
    atomic_store(&dtor_total, 0);
    CHECK_EQ(gil_tss_create(&dkey, dtor), GIL_OK);
    int ok[N];
    for (int i = 0; i < N; i++) {
        d[i].mode = modes[i];
        ok[i] = gil_os_thread_start(dthread_main, &d[i], 0, 0, &t[i]) == GIL_OK;
        CHECK(ok[i]);
    }
    /* A thread's destructors finish before the thread does, so join is
    ** enough to see them. */
    for (int i = 0; i < N; i++)
        if (ok[i])
            CHECK_EQ(gil_os_thread_join(t[i]), GIL_OK);
    int expected = 0;
    for (int i = 0; i < N; i++) {
        if (!ok[i])
            continue;
        int want_a = d[i].mode == 0;
        int want_b = d[i].mode == 4;
        expected += want_a + want_b;
        CHECK_EQ(atomic_load(&d[i].a.dtor_calls), want_a);
        CHECK_EQ(atomic_load(&d[i].b.dtor_calls), want_b);
        /* ... and they run on the exiting thread itself. */
        if (want_a)
            CHECK_EQ(atomic_load(&d[i].a.dtor_tid), d[i].a.owner_tid);
        if (want_b)
            CHECK_EQ(atomic_load(&d[i].b.dtor_tid), d[i].b.owner_tid);
    }
    CHECK_EQ(atomic_load(&dtor_total), expected);
    CHECK_EQ(expected, 6);
    /* The main thread never set a value and is still alive. */
    CHECK(gil_tss_get(&dkey) == NULL);
    gil_tss_delete(&dkey);
    CHECK_EQ(atomic_load(&dtor_total), expected);
}

typedef struct dlate {
    dval_t v;
    gil_event_t set, go, done;
} dlate_t;

static void dlate_main(void *p)
{
    dlate_t *d = p;
    gil_tss_set(&dkey, &d->v);
    gil_event_set(&d->set);
    gil_event_wait(&d->go, SEC(10), 0);
    gil_event_set(&d->done);
}

TEST(tss_delete_does_not_run_destructors)
{
    static dlate_t d;
    memset(&d, 0, sizeof d);
    atomic_store(&dtor_total, 0);
    CHECK_EQ(gil_tss_create(&dkey, dtor), GIL_OK);
    static dval_t mine;
    memset(&mine, 0, sizeof mine);
    CHECK_EQ(gil_tss_set(&dkey, &mine), GIL_OK);
    gil_os_thread_t t;
    CHECK_EQ(gil_os_thread_start(dlate_main, &d, 0, 0, &t), GIL_OK);
    CHECK_EQ(gil_event_wait(&d.set, SEC(5), 0), GIL_LOCK_ACQUIRED);
    /* The worker holds a value, and so do we; deleting runs neither
    ** destructor, now or when the worker ends. */
    gil_tss_delete(&dkey);
    CHECK_EQ(atomic_load(&dtor_total), 0);
    gil_event_set(&d.go);
    CHECK_EQ(gil_event_wait(&d.done, SEC(5), 0), GIL_LOCK_ACQUIRED);
    CHECK_EQ(gil_os_thread_join(t), GIL_OK);
    CHECK_EQ(atomic_load(&dtor_total), 0);
    CHECK_EQ(atomic_load(&d.v.dtor_calls), 0);
    CHECK_EQ(atomic_load(&mine.dtor_calls), 0);
}

static gil_tss_t nodtor_key = GIL_TSS_INIT;
static int nodtor_value;

static void nodtor_main(void *p)
{
    (void)p;
    CHECK_EQ(gil_tss_set(&nodtor_key, &nodtor_value), GIL_OK);
}

TEST(tss_no_destructor_thread_exit)
{
    /* A non-NULL value under a key without destructor is simply dropped. */
    CHECK_EQ(gil_tss_create(&nodtor_key, NULL), GIL_OK);
    for (int i = 0; i < 4; i++)
        run_on_thread(nodtor_main, NULL);
    CHECK(gil_tss_get(&nodtor_key) == NULL);
    gil_tss_delete(&nodtor_key);
}

/* A destructor that frees what the thread allocated: with LeakSanitizer
** this checks destructors really run for every exiting thread. */
static gil_tss_t free_key = GIL_TSS_INIT;
static _Atomic int free_calls;

static void free_dtor(void *p)
{
    free(p);
    atomic_fetch_add(&free_calls, 1);
}

static void alloc_main(void *p)
{
    (void)p;
    void *mem = malloc(64);
    if (mem)
        gil_tss_set(&free_key, mem);
}

TEST(tss_destructor_frees_thread_memory)
{
    enum { N = 8 };
    gil_os_thread_t t[N];
    atomic_store(&free_calls, 0);
    CHECK_EQ(gil_tss_create(&free_key, free_dtor), GIL_OK);
    int n = 0;
    for (int i = 0; i < N; i++)
        if (gil_os_thread_start(alloc_main, NULL, 0, 0, &t[n]) == GIL_OK)
            n++;
    for (int i = 0; i < n; i++)
        CHECK_EQ(gil_os_thread_join(t[i]), GIL_OK);
    CHECK_EQ(n, N);
    CHECK_EQ(atomic_load(&free_calls), n);
    gil_tss_delete(&free_key);
}
