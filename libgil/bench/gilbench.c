/*
** gilbench.c — libgil's scheduling benchmark: the three GIL policies
** (legacy, cpython, fair) side by side, against a plain-pthreads floor.
**
**   gilbench [--helper PATH] [--quick] [--dur SECONDS] [--policy NAME]
**            [--switch-us N]
**
**   --helper PATH   the echo_helper program (needed by the convoy test,
**                   which is skipped with a note without it)
**   --quick         short measurements, the whole run in well under 20 s
**                   (what `make demo` runs)
**   --dur SECONDS   length of one measurement (default 2; the full run
**                   then takes about 1-2 minutes on a 2-core machine)
**   --policy NAME   measure only this policy (legacy, cpython or fair)
**   --switch-us N   switch interval of the interpreter, in microseconds
**                   (gil_set_interval_us; default: libgil's, 5000)
**
** What it does.  It embeds libgil the way an interpreter would: a runtime,
** one interpreter, the main thread attached to it; "interpreter threads"
** are started with gil_thread_start and run holding the GIL.  Their code
** is a synthetic bytecode loop: a switch-dispatched interpreter over an
** array of fake opcodes doing 64-bit integer arithmetic on a private
** stack, polling the eval breaker at every loop back-edge and at function
** entry (`if (GIL_POLL(ts)) gil_breaker_handle(ts);`), as CPython's eval
** loop does.  A "bytecode" costs a few ns.  The policy is set on the
** interpreter (gil_set_policy) before each run; measurements of the
** policies are interleaved so that slow drifts of a shared VM hit them
** alike.  The "pthreads" column runs the same code on plain pthreads
** without any GIL: the floor set by the machine.
**
** The tables (columns = policies, then the pthreads floor):
**
**   CPU throughput     1, 2, 4 CPU-bound interpreter threads: total
**                      bytecodes/s, its ratio to 1 thread (ideal under a
**                      GIL: 1.0; below is overhead of switching, far below
**                      is collapse), the share of the slowest thread over
**                      the fastest (1.0 = fair) and GIL switches/s.
**                      Medians of 5 (--quick: 3) interleaved rounds that
**                      share --dur between them, each ratio taken within
**                      one round, with the spread of the ratio over the
**                      rounds (min..max): when the spread is wider than a
**                      goal's margin, the machine is too noisy to judge it
**                      (see bench_throughput).  pthreads scale with the
**                      cores.
**   Convoy             ccbench's bandwidth test: an I/O interpreter thread
**                      ping-pongs 64-byte UDP datagrams over 127.0.0.1 with
**                      echo_helper (a separate process), releasing the GIL
**                      around every send and every recv like Python's
**                      socket module and running a few hundred bytecodes
**                      between messages, while 0, 1, 2 or 4 CPU threads
**                      run.  Round trips/s, ratio to 0 CPU threads, p50 and
**                      p99 round-trip time in us (from before send to
**                      holding the GIL again after recv) and the CPU
**                      threads' bytecodes/s meanwhile.  CPython's GIL
**                      collapses here (bpo-7946: ~0.2% of unloaded with 2
**                      CPU threads): a thread back from I/O waits a whole
**                      switch interval behind a CPU-bound one.
**   GIL statistics     gil_stats_interp of the convoy run with 2 CPU
**                      threads: switches, forced and voluntary releases,
**                      drop requests, hand-offs, waits.
**   Primitives         uncontended gil_drop + gil_take pair and the
**                      gil_detach + gil_attach pair (GIL_BEGIN/END_ALLOW_
**                      THREADS around nothing), in ns, against a
**                      pthread_mutex lock+unlock pair; lock ping-pong
**                      between two interpreter threads through two
**                      gil_lock_t, releasing the GIL around the blocking
**                      acquire (Python's Lock ping-pong), round trips/s;
**                      thread start + join through gil_thread_start /
**                      gil_thread_join, in us, against pthread_create +
**                      pthread_join.  Then the GIL-free primitives:
**                      gil_lock acquire+release against pthread_mutex, and
**                      a ping-pong of two OS threads through two gil_lock_t
**                      against sem_t and a minimal futex hand-off.
**
** Goals for the fair policy (a PASS or MISS mark is printed next to the fair
** value of each, and a summary at the end):
**   - convoy: bandwidth with 1 and with 2 CPU threads >= 50% of unloaded;
**   - convoy: p99 I/O round-trip latency <= 1 ms with 2 CPU threads;
**   - CPU throughput with 2 and with 4 threads >= 95% of 1 thread;
**   - uncontended gil_drop + gil_take <= 20 ns;
**   - thread start + join <= 1.5 x raw pthread_create + pthread_join.
**
** Every figure is also printed as a machine-readable line
**     R <test> <param> <metric> <value>
** e.g. "R convoy.fair 2 ratio 0.62", "R thr.cpython 4 ratio 0.97",
** "R prim.fair - droptake_ns 9.1", "R goal.fair convoy_ratio_2cpu pass 1".
** <test> is thr.P, convoy.P, stats.P, prim.P or goal.fair, with P a
** policy, "pthreads" or "libgil" (GIL-independent figures); <param> is the
** number of CPU threads, or "-".
**
** Reading the figures: machines here are shared 2-vCPU VMs.  Compare
** ratios taken within one run, not absolute figures across runs; primitive
** timings are the best of several repetitions.  On such VMs waking a
** thread on an *idle* vCPU costs tens of us, so the unloaded convoy run
** (N=0, the base of the ratios) can be slower than a loaded one, where the
** vCPUs never sleep: the pthreads column then shows ratios above 1.  Every run is bounded in
** time: a watchdog (alarm) ends the program with a message if a
** measurement hangs, the helper exits by itself when gilbench goes away,
** and gilbench always reaps it.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/futex.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

#include "gil.h"

/* ---- columns ----------------------------------------------------------- */

enum { COL_LEGACY, COL_CPYTHON, COL_FAIR, COL_PTHREADS, NCOL };
#define NPOL 3      /* the first NPOL columns are GIL policies */

static const char *const col_name[NCOL] = {"legacy", "cpython", "fair",
                                           "pthreads"};
static const gil_policy_t col_policy[NPOL] = {
    GIL_POLICY_LEGACY, GIL_POLICY_CPYTHON, GIL_POLICY_FAIR};
static int col_on[NCOL];

/* ---- options and global state ------------------------------------------ */

static struct {
    double dur;             /* seconds per measurement */
    int quick;
    const char *helper;
    long switch_us;         /* 0: the library's default */
} opt = {2.0, 0, NULL, 0};

static gil_runtime_t *g_rt;
static gil_interp_t *g_interp;
static gil_tstate_t *g_main_ts;

/* The helper being run, for the watchdog and signal handlers to kill. */
static volatile sig_atomic_t g_helper_pid;
static const char *volatile g_watch_what = "";

static int64_t now_ns(void)
{
    return gil_os_monotonic_ns();
}

static double secs(int64_t ns)
{
    return (double)ns * 1e-9;
}

static _Noreturn void die(const char *what, int rc)
{
    fflush(stdout);
    if (rc != 0)
        fprintf(stderr, "gilbench: %s: %s (%d)\n", what, gil_strerror(rc), rc);
    else
        fprintf(stderr, "gilbench: %s\n", what);
    if (g_helper_pid > 0)
        kill((pid_t)g_helper_pid, SIGKILL);
    exit(1);
}

/* ---- watchdog ----------------------------------------------------------
** A measurement that does not finish within its budget means the library
** (or the machine) is stuck.  alarm() survives whatever the threads are
** doing, and the handler only calls async-signal-safe functions. */

static void put_err(const char *s)
{
    ssize_t r = write(2, s, strlen(s));
    (void)r;
}

static void on_alarm(int sig)
{
    (void)sig;
    put_err("\ngilbench: watchdog: '");
    put_err(g_watch_what);
    put_err("' did not finish in time; a thread appears to hang "
            "(GIL or lock never granted?).  Aborting.\n");
    if (g_helper_pid > 0)
        kill((pid_t)g_helper_pid, SIGKILL);
    _exit(3);
}

static void on_terminate(int sig)
{
    if (g_helper_pid > 0)
        kill((pid_t)g_helper_pid, SIGKILL);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void watch(const char *what, double budget_s)
{
    g_watch_what = what;
    alarm((unsigned)ceil(budget_s));
}

static void unwatch(void)
{
    alarm(0);
}

/* Budget of one timed run: its duration plus generous slack for start-up,
** joins and a policy that starves a thread for a while. */
static double run_budget(void)
{
    return 30.0 + 4.0 * opt.dur;
}

/* ---- output -------------------------------------------------------------- */

static void R(const char *test, const char *col, const char *param,
              const char *metric, double v)
{
    if (isnan(v))
        return;
    /* Plain decimals, never exponents: simpler for scripts to parse. */
    if (v == floor(v) && fabs(v) < 1e15)
        printf("R %s.%s %s %s %.0f\n", test, col, param, metric, v);
    else if (fabs(v) >= 100)
        printf("R %s.%s %s %s %.1f\n", test, col, param, metric, v);
    else
        printf("R %s.%s %s %s %.4f\n", test, col, param, metric, v);
}

static void Rn(const char *test, const char *col, int n, const char *metric,
               double v)
{
    char p[16];
    snprintf(p, sizeof p, "%d", n);
    R(test, col, p, metric, v);
}

#define LABEL_W 34
#define CELL_W 11

static void table_head(const char *title)
{
    printf("\n--- %s ---\n%-*s", title, LABEL_W, "");
    for (int c = 0; c < NCOL; c++)
        if (col_on[c])
            printf("%*s", CELL_W, col_name[c]);
    printf("   fair goal\n");
}

/* One row: a cell per active column (NaN prints "-"), then the fair goal
** and its PASS/MISS mark when `goal` is not NULL. */
static void table_row(const char *label, const double v[NCOL],
                      const char *fmt, const char *goal, int pass)
{
    printf("%-*s", LABEL_W, label);
    for (int c = 0; c < NCOL; c++) {
        if (!col_on[c])
            continue;
        char cell[64];
        if (isnan(v[c]))
            snprintf(cell, sizeof cell, "-");
        else
            snprintf(cell, sizeof cell, fmt, v[c]);
        printf("%*s", CELL_W, cell);
    }
    if (goal != NULL && col_on[COL_FAIR] && !isnan(v[COL_FAIR]))
        printf("   %-9s %s", goal, pass ? "PASS" : "MISS");
    printf("\n");
}

static void nan_fill(double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = NAN;
}

/* ---- goals ----------------------------------------------------------- */

typedef struct goal {
    const char *name;       /* machine name */
    const char *text;       /* what it says */
    double value;
    double limit;
    int upper;              /* value must be <= limit (else >=) */
    int measured;
} goal_t;

enum {
    G_CONVOY1, G_CONVOY2, G_P99, G_THR2, G_THR4, G_DROPTAKE, G_THREAD, NGOAL
};
static goal_t goals[NGOAL] = {
    {"convoy_ratio_1cpu", "I/O bandwidth with 1 CPU thread >= 50% of unloaded",
     0, 0.50, 0, 0},
    {"convoy_ratio_2cpu", "I/O bandwidth with 2 CPU threads >= 50% of unloaded",
     0, 0.50, 0, 0},
    {"convoy_p99_us_2cpu", "p99 I/O latency with 2 CPU threads <= 1000 us",
     0, 1000.0, 1, 0},
    {"thr_ratio_2", "CPU throughput, 2 threads >= 95% of 1 thread",
     0, 0.95, 0, 0},
    {"thr_ratio_4", "CPU throughput, 4 threads >= 95% of 1 thread",
     0, 0.95, 0, 0},
    {"droptake_ns", "uncontended gil_drop + gil_take <= 20 ns",
     0, 20.0, 1, 0},
    {"thread_vs_pthreads", "thread start+join <= 1.5 x pthreads",
     0, 1.5, 1, 0},
};

static int goal_set(int g, double value)
{
    if (isnan(value))
        return 0;
    goals[g].value = value;
    goals[g].measured = 1;
    return goals[g].upper ? value <= goals[g].limit : value >= goals[g].limit;
}

static int goal_pass(int g)
{
    const goal_t *x = &goals[g];
    return x->upper ? x->value <= x->limit : x->value >= x->limit;
}

/* ---- the synthetic interpreter -------------------------------------------
** A stack machine with a handful of opcodes.  The one function it runs,
** mix(seed, n), is
**     acc = seed; for (i = n; i != 0; i--) { acc = acc*K + i; acc ^= acc >> 29; }
** compiled to 16 bytecodes per iteration with a back-edge jump, which is
** where the eval breaker is polled.  The code and its constants are copied
** to the heap at start-up and the seed passes through a volatile, so the
** compiler can neither fold the work away nor specialise the loop; each
** result is checked against a plain C computation, so a scheduling bug that
** corrupted a thread's state would show. */

enum {
    OP_LOAD_CONST, OP_LOAD_LOCAL, OP_STORE_LOCAL, OP_ADD, OP_SUB, OP_MUL,
    OP_XOR, OP_SHR, OP_DUP, OP_JUMP_IF_TRUE, OP_RETURN
};

typedef struct instr {
    uint8_t op;
    uint8_t arg;
} instr_t;

typedef struct code {
    instr_t *ins;
    uint64_t *consts;
} code_t;

#define MIX_K 0x5851f42d4c957f2dULL
#define MIX_SHIFT 29
#define BC_PER_ITER 16
#define BC_PER_CALL(n) (BC_PER_ITER * (n) + 2)

static const instr_t mix_template[] = {
    {OP_LOAD_LOCAL, 0},     /* 0: acc                        */
    {OP_LOAD_CONST, 0},     /*    K                          */
    {OP_MUL, 0},            /*    acc*K                      */
    {OP_LOAD_LOCAL, 1},     /*    i                          */
    {OP_ADD, 0},            /*    t = acc*K + i              */
    {OP_DUP, 0},
    {OP_LOAD_CONST, 1},     /*    29                         */
    {OP_SHR, 0},
    {OP_XOR, 0},            /*    t ^ (t >> 29)              */
    {OP_STORE_LOCAL, 0},    /*    -> acc                     */
    {OP_LOAD_LOCAL, 1},
    {OP_LOAD_CONST, 2},     /*    1                          */
    {OP_SUB, 0},
    {OP_DUP, 0},
    {OP_STORE_LOCAL, 1},    /*    i -= 1                     */
    {OP_JUMP_IF_TRUE, 0},   /* 15: back-edge while i != 0    */
    {OP_LOAD_LOCAL, 0},
    {OP_RETURN, 0},
};

static code_t g_code;
static volatile uint64_t g_seed_src = 0x243f6a8885a308d3ULL;
static uint64_t g_seed;

/* CPU threads call mix(g_seed, CPU_ITERS) (1026 bytecodes, a few us) in a
** loop; the I/O thread runs mix(seq, IO_ITERS) between two messages. */
#define CPU_ITERS 64
#define IO_ITERS 16
static uint64_t g_cpu_expect;

/* The pthreads floor runs the same code on a fake thread-state head whose
** breaker is always 0: GIL_POLL reads only the head, so the poll costs
** the same and gil_breaker_handle is never reached. */
static gil_tstate_head_t g_nogil_head;
#define NOGIL_TS ((gil_tstate_t *)&g_nogil_head)

static uint64_t mix_ref(uint64_t acc, uint64_t n)
{
    for (uint64_t i = n; i != 0; i--) {
        acc = acc * MIX_K + i;
        acc ^= acc >> MIX_SHIFT;
    }
    return acc;
}

static void code_init(void)
{
    size_t n = sizeof mix_template / sizeof mix_template[0];
    g_code.ins = malloc(sizeof mix_template);
    g_code.consts = malloc(3 * sizeof(uint64_t));
    if (g_code.ins == NULL || g_code.consts == NULL)
        die("out of memory", 0);
    memcpy(g_code.ins, mix_template, n * sizeof(instr_t));
    g_code.consts[0] = MIX_K;
    g_code.consts[1] = MIX_SHIFT;
    g_code.consts[2] = 1;
    g_seed = g_seed_src;
    g_cpu_expect = mix_ref(g_seed, CPU_ITERS);
}

static __attribute__((noinline, cold)) void breaker_failed(void)
{
    die("gil_breaker_handle returned -1, but no callback that could fail "
        "is registered", 0);
}

static __attribute__((noinline, cold)) void bad_opcode(int op)
{
    fprintf(stderr, "gilbench: bad opcode %d\n", op);
    abort();
}

static inline void eval_poll(gil_tstate_t *ts)
{
    if (GIL_POLL(ts) && gil_breaker_handle(ts) != 0)
        breaker_failed();
}

/* Run mix(seed, n) on the bytecode interpreter; adds the number of
** bytecodes executed to *nexec. */
static uint64_t eval(gil_tstate_t *ts, const code_t *co, uint64_t seed,
                     uint64_t n, uint64_t *nexec)
{
    uint64_t stack[8];
    uint64_t locals[2] = {seed, n};
    uint64_t *sp = stack;
    const instr_t *ins = co->ins;
    const uint64_t *k = co->consts;
    uint64_t executed = 0;
    unsigned pc = 0;

    eval_poll(ts);          /* function entry, like CPython's RESUME */
    for (;;) {
        instr_t in = ins[pc++];
        executed++;
        switch (in.op) {
        case OP_LOAD_CONST:
            *sp++ = k[in.arg];
            break;
        case OP_LOAD_LOCAL:
            *sp++ = locals[in.arg];
            break;
        case OP_STORE_LOCAL:
            locals[in.arg] = *--sp;
            break;
        case OP_ADD:
            sp--;
            sp[-1] += sp[0];
            break;
        case OP_SUB:
            sp--;
            sp[-1] -= sp[0];
            break;
        case OP_MUL:
            sp--;
            sp[-1] *= sp[0];
            break;
        case OP_XOR:
            sp--;
            sp[-1] ^= sp[0];
            break;
        case OP_SHR:
            sp--;
            sp[-1] >>= sp[0];
            break;
        case OP_DUP:
            sp[0] = sp[-1];
            sp++;
            break;
        case OP_JUMP_IF_TRUE:
            if (*--sp != 0) {
                pc = in.arg;
                eval_poll(ts);      /* loop back-edge */
            }
            break;
        case OP_RETURN:
            *nexec += executed;
            return *--sp;
        default:
            bad_opcode(in.op);
        }
    }
}

/* ---- GIL helpers ----------------------------------------------------- */

static void set_policy(int col)
{
    int rc = gil_set_policy(g_interp, col_policy[col]);
    if (rc != GIL_OK)
        die("gil_set_policy", rc);
    if (gil_get_policy(g_interp) != col_policy[col])
        die("gil_get_policy does not return the policy just set", 0);
}

/* Acquire a gil_lock_t from interpreter code: try first, and only if that
** fails release the GIL around the blocking wait (as Python's Lock does). */
static void lock_acquire_gil(gil_lock_t *l)
{
    if (gil_lock_try(l))
        return;
    gil_lock_status_t s;
    GIL_BEGIN_ALLOW_THREADS
    s = gil_lock_acquire(l, GIL_FOREVER, 0);
    GIL_END_ALLOW_THREADS
    if (s != GIL_LOCK_ACQUIRED)
        die("gil_lock_acquire(GIL_FOREVER) did not acquire", 0);
}

static void lock_acquire(gil_lock_t *l)
{
    if (gil_lock_acquire(l, GIL_FOREVER, 0) != GIL_LOCK_ACQUIRED)
        die("gil_lock_acquire(GIL_FOREVER) did not acquire", 0);
}

static void lock_release(gil_lock_t *l)
{
    int rc = gil_lock_release(l);
    if (rc != GIL_OK)
        die("gil_lock_release", rc);
}

/* Join an interpreter thread; the caller must NOT hold the GIL (callers
** that do wrap this in GIL_BEGIN/END_ALLOW_THREADS). */
static void join_detached(gil_thread_t *h)
{
    int rc = gil_thread_join(h, GIL_FOREVER, 0);
    if (rc != GIL_OK)
        die("gil_thread_join", rc);
    gil_thread_handle_release(h);
}

/* ---- CPU-bound threads ------------------------------------------------ */

typedef struct run run_t;

typedef struct worker {
    _Alignas(64) _Atomic uint64_t count;    /* bytecodes, published per call */
    run_t *run;
    gil_thread_t *h;
    pthread_t pt;
} worker_t;

struct run {
    int use_gil;
    int n;
    worker_t *w;
    gil_event_t go;
    _Atomic int ready;
    _Atomic int stop;
};

static void cpu_loop(gil_tstate_t *ts, worker_t *w)
{
    run_t *r = w->run;
    gil_lock_status_t s;

    /* Wait for the start signal with the GIL released, so that all threads
    ** start together and thread start-up is not measured. */
    if (r->use_gil) {
        GIL_BEGIN_ALLOW_THREADS
        atomic_fetch_add(&r->ready, 1);
        s = gil_event_wait(&r->go, GIL_FOREVER, 0);
        GIL_END_ALLOW_THREADS
    } else {
        atomic_fetch_add(&r->ready, 1);
        s = gil_event_wait(&r->go, GIL_FOREVER, 0);
    }
    if (s != GIL_LOCK_ACQUIRED)
        die("gil_event_wait(GIL_FOREVER) returned without the event", 0);

    uint64_t count = 0;
    while (!atomic_load_explicit(&r->stop, memory_order_relaxed)) {
        uint64_t v = eval(ts, &g_code, g_seed, CPU_ITERS, &count);
        if (v != g_cpu_expect)
            die("a CPU thread computed a wrong result: its interpreter "
                "state was corrupted", 0);
        atomic_store_explicit(&w->count, count, memory_order_relaxed);
    }
}

static void cpu_entry_gil(gil_tstate_t *ts, void *arg)
{
    cpu_loop(ts, arg);
}

static void *cpu_entry_pt(void *arg)
{
    cpu_loop(NOGIL_TS, arg);
    return NULL;
}

/* Start n CPU threads (interpreter threads, or plain pthreads). */
static void cpu_start(run_t *r, int n, int use_gil)
{
    memset(r, 0, sizeof *r);
    r->use_gil = use_gil;
    r->n = n;
    gil_event_init(&r->go);
    if (n == 0)
        return;
    r->w = aligned_alloc(64, (size_t)n * sizeof(worker_t));
    if (r->w == NULL)
        die("out of memory", 0);
    memset(r->w, 0, (size_t)n * sizeof(worker_t));
    for (int i = 0; i < n; i++) {
        worker_t *w = &r->w[i];
        w->run = r;
        if (use_gil) {
            int rc = gil_thread_start(g_interp, cpu_entry_gil, w, &w->h);
            if (rc != GIL_OK)
                die("gil_thread_start", rc);
        } else if (pthread_create(&w->pt, NULL, cpu_entry_pt, w) != 0) {
            die("pthread_create failed", 0);
        }
    }
}

/* Wait (GIL not held) until every CPU thread waits for `go`. */
static void cpu_wait_ready(run_t *r)
{
    int64_t deadline = now_ns() + 20 * 1000000000LL;
    while (atomic_load(&r->ready) < r->n) {
        if (now_ns() > deadline)
            die("CPU threads did not start within 20 s", 0);
        gil_os_sleep_ns(200000);
    }
}

static uint64_t cpu_total(run_t *r)
{
    uint64_t s = 0;
    for (int i = 0; i < r->n; i++)
        s += atomic_load_explicit(&r->w[i].count, memory_order_relaxed);
    return s;
}

/* Stop and join the CPU threads (GIL not held).  `go` is set too, in case
** the run failed before starting them. */
static void cpu_stop_join(run_t *r)
{
    atomic_store(&r->stop, 1);
    gil_event_set(&r->go);
    for (int i = 0; i < r->n; i++) {
        if (r->use_gil)
            join_detached(r->w[i].h);
        else
            pthread_join(r->w[i].pt, NULL);
    }
    free(r->w);
    r->w = NULL;
}

/* ---- test 1: CPU throughput ------------------------------------------ */

static const int thr_n[] = {1, 2, 4};
#define NTHR 3

static double warm_ns(void)
{
    double w = opt.dur * 0.05;
    if (w < 0.03)
        w = 0.03;
    if (w > 0.1)
        w = 0.1;
    return w * 1e9;
}

typedef struct thr_result {
    double bcps, ratio, fairness, switches_s;
} thr_result_t;

static void thr_run(int col, int n, double dur, thr_result_t *res)
{
    run_t r;
    int use_gil = col != COL_PTHREADS;
    uint64_t c0[4], c1[4];
    int64_t t0, t1, treset = 0;
    gil_interp_stats_t st;

    memset(&st, 0, sizeof st);
    if (use_gil)
        set_policy(col);
    watch("CPU throughput", run_budget());
    cpu_start(&r, n, use_gil);
    GIL_BEGIN_ALLOW_THREADS
    cpu_wait_ready(&r);
    GIL_END_ALLOW_THREADS
    if (use_gil) {
        gil_stats_reset(g_interp);
        treset = now_ns();
    }
    GIL_BEGIN_ALLOW_THREADS
    gil_event_set(&r.go);
    gil_os_sleep_ns((int64_t)warm_ns());
    t0 = now_ns();
    for (int i = 0; i < n; i++)
        c0[i] = atomic_load(&r.w[i].count);
    gil_os_sleep_ns((int64_t)(dur * 1e9));
    for (int i = 0; i < n; i++)
        c1[i] = atomic_load(&r.w[i].count);
    t1 = now_ns();
    if (use_gil)
        gil_stats_interp(g_interp, &st);
    cpu_stop_join(&r);
    GIL_END_ALLOW_THREADS
    unwatch();

    uint64_t total = 0, lo = UINT64_MAX, hi = 0;
    for (int i = 0; i < n; i++) {
        uint64_t d = c1[i] - c0[i];
        total += d;
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    res->bcps = (double)total / secs(t1 - t0);
    res->fairness = n > 1 && hi > 0 ? (double)lo / (double)hi : NAN;
    res->switches_s = use_gil ? (double)st.switches / secs(t1 - treset) : NAN;
}

/* Median of n values (n small); NaN if none. */
static double median(double *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    if (n == 0)
        return NAN;
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* thr_rounds() interleaved rounds of dur/thr_rounds() each.  Within a round a
** column measures N = 1, 2, 4 back to back, so each ratio compares
** measurements seconds apart; the column order rotates from round to round
** so that no policy always runs first.  Reported: medians over the rounds
** (of the rates, and of the per-round ratios).  On a shared VM the speed of
** one thread was seen to drift by 10-40% within a minute; a single
** 1-thread baseline taken at another moment than the N-thread run would
** swamp a 5% goal. */
#define THR_ROUNDS_MAX 5

static int thr_rounds(void)
{
    return opt.quick ? 3 : THR_ROUNDS_MAX;
}

static void bench_throughput(thr_result_t res[NCOL][NTHR])
{
    static thr_result_t all[THR_ROUNDS_MAX][NCOL][NTHR];
    double spread[NCOL][NTHR][2];
    int rounds = thr_rounds();
    double dur = opt.dur / rounds;

    for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < NCOL; k++) {
            int c = (k + r) % NCOL;
            if (!col_on[c])
                continue;
            for (int i = 0; i < NTHR; i++) {
                thr_result_t *x = &all[r][c][i];
                thr_run(c, thr_n[i], dur, x);
                x->ratio = x->bcps / all[r][c][0].bcps;
            }
        }
    }
    for (int c = 0; c < NCOL; c++) {
        for (int i = 0; i < NTHR; i++) {
            thr_result_t *x = &res[c][i];
            nan_fill(&x->bcps, 4);
            if (!col_on[c])
                continue;
            double v[4][THR_ROUNDS_MAX];
            for (int r = 0; r < rounds; r++) {
                v[0][r] = all[r][c][i].bcps;
                v[1][r] = all[r][c][i].ratio;
                v[2][r] = all[r][c][i].fairness;
                v[3][r] = all[r][c][i].switches_s;
            }
            x->bcps = median(v[0], rounds);
            x->ratio = median(v[1], rounds);       /* sorts v[1] */
            x->fairness = median(v[2], rounds);
            x->switches_s = median(v[3], rounds);
            spread[c][i][0] = v[1][0];
            spread[c][i][1] = v[1][rounds - 1];
            Rn("thr", col_name[c], thr_n[i], "bcps", round(x->bcps));
            Rn("thr", col_name[c], thr_n[i], "ratio", x->ratio);
            Rn("thr", col_name[c], thr_n[i], "fairness", x->fairness);
            Rn("thr", col_name[c], thr_n[i], "switches_s",
               round(x->switches_s));
            /* The spread of the ratio over the rounds, to judge noise. */
            if (i > 0) {
                Rn("thr", col_name[c], thr_n[i], "ratio_min", v[1][0]);
                Rn("thr", col_name[c], thr_n[i], "ratio_max",
                   v[1][rounds - 1]);
            }
        }
    }

    char title[128];
    snprintf(title, sizeof title,
             "CPU throughput: N CPU-bound threads, median of %d rounds "
             "of %.2f s", rounds, dur);
    table_head(title);
    double v[NCOL];
    char label[64];
    for (int i = 0; i < NTHR; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].bcps / 1e6;
        snprintf(label, sizeof label, "Mbytecodes/s            N=%d", thr_n[i]);
        table_row(label, v, "%.1f", NULL, 0);
    }
    for (int i = 0; i < NTHR; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].ratio;
        snprintf(label, sizeof label, "ratio to 1 thread       N=%d", thr_n[i]);
        if (thr_n[i] == 1) {
            table_row(label, v, "%.3f", NULL, 0);
        } else {
            int g = thr_n[i] == 2 ? G_THR2 : G_THR4;
            int pass = goal_set(g, v[COL_FAIR]);
            table_row(label, v, "%.3f", ">= 0.95", pass);
        }
    }
    for (int i = 1; i < NTHR; i++) {
        snprintf(label, sizeof label, "  ratio min..max, rounds N=%d",
                 thr_n[i]);
        printf("%-*s", LABEL_W, label);
        for (int c = 0; c < NCOL; c++) {
            if (!col_on[c])
                continue;
            char cell[32];
            snprintf(cell, sizeof cell, "%.2f..%.2f", spread[c][i][0],
                     spread[c][i][1]);
            printf("%*s", CELL_W, cell);
        }
        printf("\n");
    }
    for (int i = 1; i < NTHR; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].fairness;
        snprintf(label, sizeof label, "slowest/fastest thread  N=%d",
                 thr_n[i]);
        table_row(label, v, "%.3f", NULL, 0);
    }
    for (int i = 0; i < NTHR; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].switches_s;
        snprintf(label, sizeof label, "GIL switches/s          N=%d", thr_n[i]);
        table_row(label, v, "%.0f", NULL, 0);
    }
}

/* ---- test 2: the convoy effect ------------------------------------------ */

static const int cv_n[] = {0, 1, 2, 4};
#define NCV 4
#define MSG_SIZE 64
#define RECV_TIMEOUT_S 2

typedef struct convoy {
    run_t cpu;
    int fd;
    int use_gil;
    /* results, written by the I/O thread */
    const char *err;
    uint64_t round_trips;
    int64_t t0, t1;
    uint64_t c0, c1;
    uint32_t *lat;          /* round-trip times (ns, saturated), sampled */
    size_t lat_cap, lat_n;
    uint64_t lat_seen;
    uint64_t rng;
    uint64_t sink;
    gil_interp_stats_t st;
} convoy_t;

typedef struct convoy_result {
    double rtps, ratio, p50_us, p99_us, cpu_bcps;
    gil_interp_stats_t st;
    int ok;
} convoy_result_t;

static int udp_bind_loopback(int *port)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        die("socket(AF_INET, SOCK_DGRAM) failed", 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0)
        die("bind(127.0.0.1:0) failed", 0);
    socklen_t l = sizeof a;
    if (getsockname(fd, (struct sockaddr *)&a, &l) < 0)
        die("getsockname failed", 0);
    *port = ntohs(a.sin_port);
    /* No recv may block forever: if the helper died we want an error. */
    struct timeval tv = {RECV_TIMEOUT_S, 0};
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0)
        die("setsockopt(SO_RCVTIMEO) failed", 0);
    return fd;
}

/* fork + exec the helper.  Only the main thread forks, and it lives until
** the end, so PR_SET_PDEATHSIG (which follows the forking *thread*) kills
** the helper exactly when gilbench dies. */
static pid_t spawn_helper(int port)
{
    char ps[16], idle[24];
    snprintf(ps, sizeof ps, "%d", port);
    snprintf(idle, sizeof idle, "%ld", (long)(10000 + 4000 * opt.dur));
    char *argv[] = {(char *)opt.helper, ps, idle, NULL};
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and exec. */
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        if (getppid() != parent)
            _exit(127);
        execv(opt.helper, argv);
        _exit(127);
    }
    if (pid < 0)
        die("fork failed", 0);
    g_helper_pid = pid;
    return pid;
}

/* Wait for the helper to exit (it does on END); kill it after 2 s.
** Returns its exit status, or -1 if it had to be killed. */
static int reap_helper(pid_t pid)
{
    int status = 0;
    int64_t deadline = now_ns() + 2000000000LL;
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            die("waitpid on the helper failed", 0);
        if (now_ns() > deadline) {
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            g_helper_pid = 0;
            return -1;
        }
        gil_os_sleep_ns(1000000);
    }
    g_helper_pid = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The I/O calls of the I/O thread: each releases the GIL around the
** system call, as Python's socket methods do. */
static ssize_t io_send(convoy_t *c, const void *buf, size_t len)
{
    ssize_t r;
    int e;
    if (!c->use_gil) {
        do
            r = send(c->fd, buf, len, 0);
        while (r < 0 && errno == EINTR);
        return r;
    }
    GIL_BEGIN_ALLOW_THREADS
    do
        r = send(c->fd, buf, len, 0);
    while (r < 0 && errno == EINTR);
    e = errno;
    GIL_END_ALLOW_THREADS
    errno = e;
    return r;
}

static ssize_t io_recvfrom(convoy_t *c, void *buf, size_t len,
                           struct sockaddr_in *from, socklen_t *fl)
{
    ssize_t r;
    int e;
    if (!c->use_gil) {
        do
            r = recvfrom(c->fd, buf, len, 0, (struct sockaddr *)from, fl);
        while (r < 0 && errno == EINTR);
        return r;
    }
    GIL_BEGIN_ALLOW_THREADS
    do
        r = recvfrom(c->fd, buf, len, 0, (struct sockaddr *)from, fl);
    while (r < 0 && errno == EINTR);
    e = errno;
    GIL_END_ALLOW_THREADS
    errno = e;
    return r;
}

static void io_sleep(convoy_t *c, int64_t ns)
{
    if (!c->use_gil) {
        gil_os_sleep_ns(ns);
        return;
    }
    GIL_BEGIN_ALLOW_THREADS
    gil_os_sleep_ns(ns);
    GIL_END_ALLOW_THREADS
}

/* Keep a uniform sample of at most lat_cap round-trip times (reservoir
** sampling), so memory stays bounded whatever the rate. */
static void lat_record(convoy_t *c, int64_t ns)
{
    uint32_t v = ns > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)ns;
    uint64_t seen = c->lat_seen++;
    if (c->lat_n < c->lat_cap) {
        c->lat[c->lat_n++] = v;
        return;
    }
    c->rng ^= c->rng << 13;
    c->rng ^= c->rng >> 7;
    c->rng ^= c->rng << 17;
    uint64_t j = c->rng % (seen + 1);
    if (j < c->lat_cap)
        c->lat[j] = v;
}

static void io_body(gil_tstate_t *ts, convoy_t *c)
{
    char buf[2048];
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    ssize_t r;
    uint64_t seq = 0, nexec = 0, sink = 0;
    int64_t t0 = 0, t = 0;

    r = io_recvfrom(c, buf, sizeof buf, &from, &fl);
    if (r < 0) {
        c->err = "no hello from echo_helper within 2 s";
        goto out;
    }
    if (from.sin_family != AF_INET
        || from.sin_addr.s_addr != htonl(INADDR_LOOPBACK)) {
        c->err = "hello came from a non-loopback address";
        goto out;
    }
    if (connect(c->fd, (struct sockaddr *)&from, fl) < 0) {
        c->err = "connect to the helper failed";
        goto out;
    }

    gil_event_set(&c->cpu.go);
    io_sleep(c, (int64_t)warm_ns());   /* let the CPU threads get going */

    /* The measured window; statistics cover exactly this. */
    if (c->use_gil)
        gil_stats_reset(g_interp);
    c->c0 = cpu_total(&c->cpu);
    t0 = now_ns();
    int64_t end = t0 + (int64_t)(opt.dur * 1e9);
    char msg[MSG_SIZE];
    memset(msg, 'x', sizeof msg);
    do {
        seq++;
        memcpy(msg, &seq, sizeof seq);
        int64_t ts_send = now_ns();
        r = io_send(c, msg, sizeof msg);
        if (r != (ssize_t)sizeof msg) {
            c->err = "send to the helper failed";
            seq--;
            break;
        }
        r = io_recvfrom(c, buf, sizeof buf, NULL, NULL);
        if (r < 0) {
            c->err = errno == EAGAIN || errno == EWOULDBLOCK
                         ? "the helper did not answer within 2 s"
                         : "recv from the helper failed";
            seq--;
            break;
        }
        uint64_t echoed;
        memcpy(&echoed, buf, sizeof echoed);
        if (r != (ssize_t)sizeof msg || echoed != seq) {
            c->err = "the helper echoed something else";
            break;
        }
        t = now_ns();
        lat_record(c, t - ts_send);
        /* "Handle the reply": a little interpreter work.  Every 1024th
        ** result is checked against the C version of the function. */
        uint64_t v = eval(ts, &g_code, seq, IO_ITERS, &nexec);
        if ((seq & 1023) == 0 && v != mix_ref(seq, IO_ITERS)) {
            c->err = "the I/O thread computed a wrong result";
            break;
        }
        sink ^= v;
    } while (t < end);
    c->round_trips = seq;
    c->t0 = t0;
    c->t1 = t;
    c->c1 = cpu_total(&c->cpu);
    c->sink = sink;
    if (c->use_gil)
        gil_stats_interp(g_interp, &c->st);
out:
    /* Tell the helper to go.  Three times: UDP may drop a datagram. */
    for (int i = 0; i < 3; i++)
        if (send(c->fd, "END", 3, 0) < 0)
            break;
}

static void io_entry_gil(gil_tstate_t *ts, void *arg)
{
    io_body(ts, arg);
}

static void *io_entry_pt(void *arg)
{
    io_body(NOGIL_TS, arg);
    return NULL;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of a sorted sample, in us. */
static double pct_us(const uint32_t *v, size_t n, double p)
{
    if (n == 0)
        return NAN;
    size_t i = (size_t)ceil(p * (double)n);
    if (i > 0)
        i--;
    if (i >= n)
        i = n - 1;
    return v[i] / 1e3;
}

static void convoy_run(int col, int n, convoy_result_t *res)
{
    convoy_t c;
    int port;
    int use_gil = col != COL_PTHREADS;
    gil_thread_t *io_h = NULL;
    pthread_t io_pt;
    int helper_rc;

    memset(&c, 0, sizeof c);
    c.use_gil = use_gil;
    c.rng = 0x9e3779b97f4a7c15ULL;
    c.lat_cap = (size_t)(opt.dur * 100000) + 4096;
    if (c.lat_cap > (size_t)4 << 20)
        c.lat_cap = (size_t)4 << 20;
    c.lat = malloc(c.lat_cap * sizeof(uint32_t));
    if (c.lat == NULL)
        die("out of memory", 0);
    if (use_gil)
        set_policy(col);

    watch("convoy", run_budget());
    c.fd = udp_bind_loopback(&port);
    pid_t pid = spawn_helper(port);
    cpu_start(&c.cpu, n, use_gil);
    GIL_BEGIN_ALLOW_THREADS
    cpu_wait_ready(&c.cpu);
    if (use_gil) {
        int rc = gil_thread_start(g_interp, io_entry_gil, &c, &io_h);
        if (rc != GIL_OK)
            die("gil_thread_start (I/O thread)", rc);
        join_detached(io_h);
    } else {
        if (pthread_create(&io_pt, NULL, io_entry_pt, &c) != 0)
            die("pthread_create failed", 0);
        pthread_join(io_pt, NULL);
    }
    cpu_stop_join(&c.cpu);
    helper_rc = reap_helper(pid);
    GIL_END_ALLOW_THREADS
    unwatch();
    close(c.fd);

    res->ok = c.err == NULL && c.round_trips > 0;
    if (c.err != NULL)
        printf("# convoy %s N=%d: %s (after %llu round trips)\n",
               col_name[col], n, c.err, (unsigned long long)c.round_trips);
    if (helper_rc != 0)
        printf("# convoy %s N=%d: echo_helper %s\n", col_name[col], n,
               helper_rc == 127 ? "could not be run (exit 127)"
               : helper_rc < 0  ? "had to be killed"
                                : "exited with an error");
    if (c.round_trips > 0 && c.t1 > c.t0) {
        double dt = secs(c.t1 - c.t0);
        res->rtps = (double)c.round_trips / dt;
        res->cpu_bcps = n > 0 ? (double)(c.c1 - c.c0) / dt : NAN;
        qsort(c.lat, c.lat_n, sizeof(uint32_t), cmp_u32);
        res->p50_us = pct_us(c.lat, c.lat_n, 0.50);
        res->p99_us = pct_us(c.lat, c.lat_n, 0.99);
    }
    res->st = c.st;
    free(c.lat);
}

static void stats_R(const char *col, int n, const gil_interp_stats_t *st)
{
    Rn("stats", col, n, "switches", (double)st->switches);
    Rn("stats", col, n, "acquisitions", (double)st->total.acquisitions);
    Rn("stats", col, n, "contended", (double)st->total.contended);
    Rn("stats", col, n, "voluntary", (double)st->total.voluntary);
    Rn("stats", col, n, "forced", (double)st->total.forced);
    Rn("stats", col, n, "drop_requests", (double)st->total.drop_requests);
    Rn("stats", col, n, "handoffs", (double)st->total.handoffs);
    Rn("stats", col, n, "max_wait_us", round(st->total.max_wait_ns / 1e3));
}

static void bench_convoy(void)
{
    convoy_result_t res[NCOL][NCV];

    for (int c = 0; c < NCOL; c++)
        for (int i = 0; i < NCV; i++) {
            memset(&res[c][i], 0, sizeof res[c][i]);
            nan_fill(&res[c][i].rtps, 5);
        }
    /* N outermost, so that every ratio's base (N=0) is measured first; the
    ** column order rotates with N so that no policy always runs first. */
    for (int i = 0; i < NCV; i++) {
        for (int k = 0; k < NCOL; k++) {
            int c = (k + i) % NCOL;
            if (!col_on[c])
                continue;
            convoy_result_t *x = &res[c][i];
            convoy_run(c, cv_n[i], x);
            x->ratio = x->rtps / res[c][0].rtps;
            Rn("convoy", col_name[c], cv_n[i], "rtps", round(x->rtps));
            Rn("convoy", col_name[c], cv_n[i], "ratio", x->ratio);
            Rn("convoy", col_name[c], cv_n[i], "p50_us", x->p50_us);
            Rn("convoy", col_name[c], cv_n[i], "p99_us", x->p99_us);
            Rn("convoy", col_name[c], cv_n[i], "cpu_bcps", round(x->cpu_bcps));
            if (c < NPOL)
                stats_R(col_name[c], cv_n[i], &x->st);
            fflush(stdout);
        }
    }

    char title[160];
    snprintf(title, sizeof title,
             "Convoy: UDP ping-pong with echo_helper while N CPU threads "
             "run, %.2f s each", opt.dur);
    table_head(title);
    double v[NCOL];
    char label[64];
    for (int i = 0; i < NCV; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].rtps;
        snprintf(label, sizeof label, "round trips/s           N=%d", cv_n[i]);
        table_row(label, v, "%.0f", NULL, 0);
    }
    for (int i = 1; i < NCV; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].ratio;
        snprintf(label, sizeof label, "ratio to N=0            N=%d", cv_n[i]);
        if (cv_n[i] <= 2) {
            int g = cv_n[i] == 1 ? G_CONVOY1 : G_CONVOY2;
            table_row(label, v, "%.4f", ">= 0.50", goal_set(g, v[COL_FAIR]));
        } else {
            table_row(label, v, "%.4f", NULL, 0);
        }
    }
    for (int i = 0; i < NCV; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].p50_us;
        snprintf(label, sizeof label, "p50 round trip (us)     N=%d", cv_n[i]);
        table_row(label, v, "%.1f", NULL, 0);
    }
    for (int i = 0; i < NCV; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].p99_us;
        snprintf(label, sizeof label, "p99 round trip (us)     N=%d", cv_n[i]);
        if (cv_n[i] == 2)
            table_row(label, v, "%.1f", "<= 1000", goal_set(G_P99, v[COL_FAIR]));
        else
            table_row(label, v, "%.1f", NULL, 0);
    }
    for (int i = 1; i < NCV; i++) {
        for (int c = 0; c < NCOL; c++)
            v[c] = res[c][i].cpu_bcps / 1e6;
        snprintf(label, sizeof label, "CPU Mbytecodes/s        N=%d", cv_n[i]);
        table_row(label, v, "%.1f", NULL, 0);
    }

    /* GIL statistics of the run with 2 CPU threads. */
    int any = 0;
    for (int c = 0; c < NPOL; c++)
        any |= col_on[c];
    if (!any)
        return;
    int i2 = 2;     /* cv_n[2] == 2 */
    int saved = col_on[COL_PTHREADS];
    col_on[COL_PTHREADS] = 0;
    table_head("GIL statistics of the convoy run with 2 CPU threads");
    struct {
        const char *label;
        int which;
    } rows[] = {
        {"GIL switches", 0},
        {"acquisitions", 1},
        {"  of which had to wait", 2},
        {"releases: voluntary (I/O)", 3},
        {"releases: forced (drop request)", 4},
        {"drop requests", 5},
        {"hand-offs to a waiter", 6},
        {"max wait (us)", 7},
        {"mean wait (us)", 8},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        for (int c = 0; c < NCOL; c++) {
            v[c] = NAN;
            if (c >= NPOL || !col_on[c] || !res[c][i2].ok)
                continue;
            const gil_interp_stats_t *st = &res[c][i2].st;
            switch (rows[r].which) {
            case 0: v[c] = (double)st->switches; break;
            case 1: v[c] = (double)st->total.acquisitions; break;
            case 2: v[c] = (double)st->total.contended; break;
            case 3: v[c] = (double)st->total.voluntary; break;
            case 4: v[c] = (double)st->total.forced; break;
            case 5: v[c] = (double)st->total.drop_requests; break;
            case 6: v[c] = (double)st->total.handoffs; break;
            case 7: v[c] = st->total.max_wait_ns / 1e3; break;
            case 8:
                v[c] = st->total.contended
                           ? st->total.wait_ns / 1e3 / st->total.contended
                           : 0;
                break;
            }
        }
        table_row(rows[r].label, v, rows[r].which >= 7 ? "%.1f" : "%.0f",
                  NULL, 0);
    }
    col_on[COL_PTHREADS] = saved;
}

/* ---- test 3: primitives ------------------------------------------------ */

#define BARRIER() __asm__ __volatile__("" ::: "memory")

/* Best of 5 repetitions, in ns per iteration. */
#define BEST_NS(n, body)                                                    \
    ({                                                                      \
        double best_ = INFINITY;                                            \
        for (int rep_ = 0; rep_ < 5; rep_++) {                              \
            int64_t t0_ = now_ns();                                         \
            for (long i_ = 0; i_ < (n); i_++) {                             \
                body;                                                       \
                BARRIER();                                                  \
            }                                                               \
            double d_ = (double)(now_ns() - t0_) / (double)(n);             \
            best_ = d_ < best_ ? d_ : best_;                                \
        }                                                                   \
        best_;                                                              \
    })

static long prim_iters(void)
{
    return opt.quick ? 200000 : 2000000;
}

/* Uncontended pairs: only the main thread exists in the interpreter. */
static double prim_droptake(int col)
{
    set_policy(col);
    return BEST_NS(prim_iters(), {
        gil_drop(g_main_ts);
        gil_take(g_main_ts);
    });
}

static double prim_detach_attach(int col)
{
    set_policy(col);
    return BEST_NS(prim_iters(), {
        GIL_BEGIN_ALLOW_THREADS
        BARRIER();
        GIL_END_ALLOW_THREADS
    });
}

static double prim_mutex(void)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    return BEST_NS(prim_iters(), {
        pthread_mutex_lock(&m);
        BARRIER();
        pthread_mutex_unlock(&m);
    });
}

static double prim_lock(void)
{
    gil_lock_t l = GIL_LOCK_INIT;
    return BEST_NS(prim_iters(), {
        if (gil_lock_acquire(&l, GIL_FOREVER, 0) != GIL_LOCK_ACQUIRED)
            die("gil_lock_acquire failed uncontended", 0);
        BARRIER();
        gil_lock_release(&l);
    });
}

static double prim_lock_try(void)
{
    gil_lock_t l = GIL_LOCK_INIT;
    return BEST_NS(prim_iters(), {
        if (!gil_lock_try(&l))
            die("gil_lock_try failed uncontended", 0);
        BARRIER();
        gil_lock_release(&l);
    });
}

/* Lock ping-pong: one round trip = two hand-offs through two locks used as
** binary semaphores (a released by one side, acquired by the other). */
typedef struct pingpong {
    gil_lock_t a, b;
    sem_t sa, sb;
    _Atomic int stop;
    _Atomic uint32_t turn;  /* futex floor: bit 0 = whose turn, bit 1 = sleeper */
} pingpong_t;

static double pp_budget_s(void)
{
    return opt.dur / 2 < 0.1 ? 0.1 : opt.dur / 2;
}

static void pp_side_gil(gil_tstate_t *ts, void *arg)
{
    pingpong_t *p = arg;
    for (;;) {
        lock_acquire_gil(&p->a);
        if (atomic_load(&p->stop))
            break;
        lock_release(&p->b);
        eval_poll(ts);      /* the loop back-edge of the Python code */
    }
}

/* Between two interpreter threads (main and one worker), GIL released
** around each blocking acquire. */
static double prim_pp_gil(int col)
{
    pingpong_t p;
    memset(&p, 0, sizeof p);
    gil_lock_init(&p.a);
    gil_lock_init(&p.b);
    set_policy(col);
    lock_acquire(&p.a);
    lock_acquire(&p.b);
    gil_thread_t *h;
    int rc = gil_thread_start(g_interp, pp_side_gil, &p, &h);
    if (rc != GIL_OK)
        die("gil_thread_start", rc);
    long n = 0;
    int64_t t0 = now_ns(), t1 = t0;
    int64_t end = t0 + (int64_t)(pp_budget_s() * 1e9);
    for (;;) {
        lock_release(&p.a);
        lock_acquire_gil(&p.b);
        n++;
        eval_poll(g_main_ts);
        if ((n & 63) == 0 && (t1 = now_ns()) >= end)
            break;
    }
    atomic_store(&p.stop, 1);
    lock_release(&p.a);
    GIL_BEGIN_ALLOW_THREADS
    join_detached(h);
    GIL_END_ALLOW_THREADS
    return (double)n / secs(t1 - t0);
}

static void *pp_side_lock(void *arg)
{
    pingpong_t *p = arg;
    for (;;) {
        lock_acquire(&p->a);
        if (atomic_load(&p->stop))
            break;
        lock_release(&p->b);
    }
    return NULL;
}

static void *pp_side_sem(void *arg)
{
    pingpong_t *p = arg;
    for (;;) {
        while (sem_wait(&p->sa) < 0 && errno == EINTR) {
        }
        if (atomic_load(&p->stop))
            break;
        sem_post(&p->sb);
    }
    return NULL;
}

/* Two OS threads, no GIL: the lock (or sem_t) hand-off itself. */
static double prim_pp_os(int use_sem)
{
    pingpong_t p;
    pthread_t t;
    memset(&p, 0, sizeof p);
    gil_lock_init(&p.a);
    gil_lock_init(&p.b);
    sem_init(&p.sa, 0, 0);
    sem_init(&p.sb, 0, 0);
    if (!use_sem) {
        lock_acquire(&p.a);
        lock_acquire(&p.b);
    }
    if (pthread_create(&t, NULL, use_sem ? pp_side_sem : pp_side_lock, &p))
        die("pthread_create failed", 0);
    long n = 0;
    int64_t t0 = now_ns(), t1 = t0;
    int64_t end = t0 + (int64_t)(pp_budget_s() * 1e9);
    for (;;) {
        if (use_sem) {
            sem_post(&p.sa);
            while (sem_wait(&p.sb) < 0 && errno == EINTR) {
            }
        } else {
            lock_release(&p.a);
            lock_acquire(&p.b);
        }
        n++;
        if ((n & 63) == 0 && (t1 = now_ns()) >= end)
            break;
    }
    atomic_store(&p.stop, 1);
    if (use_sem)
        sem_post(&p.sa);
    else
        lock_release(&p.a);
    pthread_join(t, NULL);
    sem_destroy(&p.sa);
    sem_destroy(&p.sb);
    return (double)n / secs(t1 - t0);
}

#ifdef __linux__
/* The minimal futex hand-off (cref.c): a waker enters the kernel only
** when the sleeper bit says someone sleeps.  What a lock hand-off can at
** best approach. */
static void futex_wait_turn(pingpong_t *p, uint32_t me)
{
    for (;;) {
        uint32_t v = atomic_load(&p->turn);
        if ((v & 1) == me)
            return;
        if (!(v & 2)) {
            if (!atomic_compare_exchange_weak(&p->turn, &v, v | 2))
                continue;
            v |= 2;
        }
        syscall(SYS_futex, (uint32_t *)&p->turn, FUTEX_WAIT_PRIVATE, v,
                NULL, NULL, 0);
    }
}

static void futex_pass_turn(pingpong_t *p, uint32_t other)
{
    uint32_t old = atomic_exchange(&p->turn, other);
    if (old & 2)
        syscall(SYS_futex, (uint32_t *)&p->turn, FUTEX_WAKE_PRIVATE, 1,
                NULL, NULL, 0);
}

static void *pp_side_futex(void *arg)
{
    pingpong_t *p = arg;
    for (;;) {
        futex_wait_turn(p, 1);
        int s = atomic_load(&p->stop);
        futex_pass_turn(p, 0);
        if (s)
            break;
    }
    return NULL;
}

static double prim_pp_futex(void)
{
    pingpong_t p;
    pthread_t t;
    memset(&p, 0, sizeof p);
    if (pthread_create(&t, NULL, pp_side_futex, &p))
        die("pthread_create failed", 0);
    long n = 0;
    int64_t t0 = now_ns(), t1 = t0;
    int64_t end = t0 + (int64_t)(pp_budget_s() * 1e9);
    int done = 0;
    while (!done) {
        futex_wait_turn(&p, 0);
        n++;
        if ((n & 63) == 0 && (t1 = now_ns()) >= end) {
            atomic_store(&p.stop, 1);
            done = 1;
        }
        futex_pass_turn(&p, 1);
    }
    pthread_join(t, NULL);
    return (double)n / secs(t1 - t0);
}
#endif

static void noop_body(gil_tstate_t *ts, void *arg)
{
    (void)ts;
    (void)arg;
}

static void *noop_pt(void *arg)
{
    return arg;
}

/* Thread start + join for `budget` seconds (at least 20 of them); us each.
** The caller holds the GIL, as Thread.start() + join() would. */
static double prim_thread(int col, double budget)
{
    long n = 0;
    int64_t t0 = now_ns(), end = t0 + (int64_t)(budget * 1e9), t1;
    if (col != COL_PTHREADS)
        set_policy(col);
    do {
        if (col == COL_PTHREADS) {
            pthread_t t;
            if (pthread_create(&t, NULL, noop_pt, NULL) != 0)
                die("pthread_create failed", 0);
            pthread_join(t, NULL);
        } else {
            gil_thread_t *h;
            int rc = gil_thread_start(g_interp, noop_body, NULL, &h);
            if (rc != GIL_OK)
                die("gil_thread_start", rc);
            GIL_BEGIN_ALLOW_THREADS
            join_detached(h);
            GIL_END_ALLOW_THREADS
        }
        n++;
        t1 = now_ns();
    } while (n < 20 || (t1 < end && n < 100000));
    return secs(t1 - t0) * 1e6 / (double)n;
}

static void bench_primitives(void)
{
    double droptake[NCOL], detach[NCOL], pp[NCOL], thr[NCOL];
    nan_fill(droptake, NCOL);
    nan_fill(detach, NCOL);
    nan_fill(pp, NCOL);
    nan_fill(thr, NCOL);

    watch("primitives: uncontended GIL", run_budget());
    for (int c = 0; c < NPOL; c++) {
        if (!col_on[c])
            continue;
        droptake[c] = prim_droptake(c);
        detach[c] = prim_detach_attach(c);
    }
    double mutex_ns = prim_mutex();
    droptake[COL_PTHREADS] = mutex_ns;
    detach[COL_PTHREADS] = mutex_ns;
    double lock_ns = prim_lock(), locktry_ns = prim_lock_try();
    unwatch();

    watch("primitives: lock ping-pong", run_budget());
    for (int c = 0; c < NPOL; c++)
        if (col_on[c])
            pp[c] = prim_pp_gil(c);
    double pp_lock = prim_pp_os(0);
    double pp_sem = prim_pp_os(1);
    double pp_futex = NAN;
#ifdef __linux__
    pp_futex = prim_pp_futex();
#endif
    pp[COL_PTHREADS] = pp_sem;
    unwatch();

    /* Thread start: 3 interleaved rounds, best of each. */
    watch("primitives: thread start+join", run_budget());
    double budget = opt.dur / 8 < 0.02 ? 0.02 : opt.dur / 8;
    for (int rep = 0; rep < 3; rep++) {
        for (int c = 0; c < NCOL; c++) {
            if (!col_on[c])
                continue;
            double us = prim_thread(c, budget);
            if (isnan(thr[c]) || us < thr[c])
                thr[c] = us;
        }
    }
    unwatch();

    for (int c = 0; c < NPOL; c++) {
        if (!col_on[c])
            continue;
        R("prim", col_name[c], "-", "droptake_ns", droptake[c]);
        R("prim", col_name[c], "-", "detach_attach_ns", detach[c]);
        R("prim", col_name[c], "-", "lock_pp_rtps", round(pp[c]));
        R("prim", col_name[c], "-", "thread_us", thr[c]);
    }
    R("prim", "pthreads", "-", "mutex_ns", mutex_ns);
    R("prim", "pthreads", "-", "sem_pp_rtps", round(pp_sem));
    R("prim", "pthreads", "-", "futex_pp_rtps", round(pp_futex));
    R("prim", "pthreads", "-", "thread_us", thr[COL_PTHREADS]);
    R("prim", "libgil", "-", "lock_ns", lock_ns);
    R("prim", "libgil", "-", "lock_try_ns", locktry_ns);
    R("prim", "libgil", "-", "lock_pp_rtps", round(pp_lock));

    table_head("Primitives (pthreads: the nearest plain-C equivalent)");
    table_row("GIL drop+take, uncontended (ns)", droptake, "%.1f",
              "<= 20 ns", goal_set(G_DROPTAKE, droptake[COL_FAIR]));
    table_row("GIL detach+attach (ns)", detach, "%.1f", NULL, 0);
    printf("%-*s(pthreads: pthread_mutex lock+unlock)\n", LABEL_W, "");
    table_row("lock ping-pong, interp thr (rt/s)", pp, "%.0f", NULL, 0);
    printf("%-*s(pthreads: sem_t ping-pong, no GIL)\n", LABEL_W, "");
    double ratio = thr[COL_FAIR] / thr[COL_PTHREADS];
    char goal[32];
    snprintf(goal, sizeof goal, "<= %.1f", 1.5 * thr[COL_PTHREADS]);
    table_row("thread start+join (us)", thr, "%.1f", goal,
              goal_set(G_THREAD, ratio));
    if (col_on[COL_FAIR])
        R("prim", "fair", "-", "thread_vs_pthreads", ratio);

    printf("\n--- GIL-independent primitives ---\n");
    printf("%-*s%*s%*s\n", LABEL_W, "", CELL_W, "libgil", CELL_W, "floor");
    printf("%-*s%*.1f%*.1f   (pthread_mutex)\n", LABEL_W,
           "lock acquire+release (ns)", CELL_W, lock_ns, CELL_W, mutex_ns);
    printf("%-*s%*.1f%*s\n", LABEL_W, "lock try+release (ns)", CELL_W,
           locktry_ns, CELL_W, "");
    printf("%-*s%*.0f%*.0f   (sem_t)\n", LABEL_W,
           "lock ping-pong, 2 OS thr (rt/s)", CELL_W, pp_lock, CELL_W,
           pp_sem);
    if (!isnan(pp_futex))
        printf("%-*s%*s%*.0f   (minimal futex hand-off)\n", LABEL_W, "",
               CELL_W, "", CELL_W, pp_futex);
}

/* ---- summary ------------------------------------------------------------- */

static void print_goals(void)
{
    if (!col_on[COL_FAIR])
        return;
    printf("\n--- Goals for the fair policy ---\n");
    int pass = 0, total = 0;
    for (int g = 0; g < NGOAL; g++) {
        const goal_t *x = &goals[g];
        if (!x->measured) {
            printf("  %-54s %10s  SKIPPED\n", x->text, "-");
            continue;
        }
        int ok = goal_pass(g);
        pass += ok;
        total++;
        printf("  %-54s %10.4g  %s\n", x->text, x->value, ok ? "PASS" : "MISS");
        R("goal", "fair", x->name, "value", x->value);
        R("goal", "fair", x->name, "pass", ok);
    }
    printf("  %d of %d goals met\n", pass, total);
    R("goal", "fair", "-", "passed", pass);
    R("goal", "fair", "-", "measured", total);
}

static void print_header(void)
{
    char model[128] = "unknown CPU";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f != NULL) {
        char line[256];
        while (fgets(line, sizeof line, f) != NULL) {
            if (strncmp(line, "model name", 10) == 0) {
                char *p = strchr(line, ':');
                if (p != NULL) {
                    p++;
                    while (*p == ' ')
                        p++;
                    p[strcspn(p, "\n")] = '\0';
                    snprintf(model, sizeof model, "%s", p);
                }
                break;
            }
        }
        fclose(f);
    }
    printf("== gilbench (libgil %s) ==\n", GIL_VERSION);
    printf("== %d CPUs, %s ==\n", gil_os_ncpu(), model);
    printf("measurement %.2f s%s, switch interval %llu us, legacy ticks %u, "
           "bytecode ~%d per CPU call\n",
           opt.dur, opt.quick ? " (--quick)" : "",
           (unsigned long long)gil_get_interval_us(g_interp),
           (unsigned)gil_get_ticks(g_interp), BC_PER_CALL(CPU_ITERS));
    printf("policies:");
    for (int c = 0; c < NPOL; c++)
        if (col_on[c])
            printf(" %s", col_name[c]);
    printf("  (+ pthreads floor)\n");
    fflush(stdout);
}

/* ---- main ------------------------------------------------------------ */

static _Noreturn void usage(int rc)
{
    fprintf(rc ? stderr : stdout,
            "usage: gilbench [--helper PATH] [--quick] [--dur SECONDS] "
            "[--policy legacy|cpython|fair] [--switch-us N]\n");
    exit(rc);
}

static double parse_num(const char *s, double lo, double hi, const char *what)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v >= lo && v <= hi)) {
        fprintf(stderr, "gilbench: bad %s '%s' (want %g..%g)\n", what, s, lo,
                hi);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    int only = -1, dur_given = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(0);
        } else if (strcmp(a, "--quick") == 0) {
            opt.quick = 1;
        } else if (val == NULL) {
            usage(2);
        } else if (strcmp(a, "--helper") == 0) {
            opt.helper = val;
            i++;
        } else if (strcmp(a, "--dur") == 0) {
            opt.dur = parse_num(val, 0.01, 600, "duration");
            dur_given = 1;
            i++;
        } else if (strcmp(a, "--switch-us") == 0) {
            opt.switch_us = (long)parse_num(val, 1, 3600e6, "switch interval");
            i++;
        } else if (strcmp(a, "--policy") == 0) {
            gil_policy_t p;
            if (gil_policy_parse(val, &p) != GIL_OK) {
                fprintf(stderr, "gilbench: unknown policy '%s'\n", val);
                exit(2);
            }
            for (int c = 0; c < NPOL; c++)
                if (col_policy[c] == p)
                    only = c;
            i++;
        } else {
            usage(2);
        }
    }
    if (opt.quick && !dur_given)
        opt.dur = 0.25;
    for (int c = 0; c < NCOL; c++)
        col_on[c] = c == COL_PTHREADS || only < 0 || only == c;

    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGALRM, on_alarm);
    signal(SIGINT, on_terminate);
    signal(SIGTERM, on_terminate);
    signal(SIGHUP, on_terminate);
    signal(SIGPIPE, SIG_IGN);
    code_init();

    /* Embed libgil as an interpreter does. */
    g_rt = gil_runtime_new();
    if (g_rt == NULL)
        die("gil_runtime_new failed", 0);
    g_interp = gil_interp_new(g_rt);
    if (g_interp == NULL)
        die("gil_interp_new failed", 0);
    g_main_ts = gil_tstate_new_bound(g_interp);
    if (g_main_ts == NULL)
        die("gil_tstate_new_bound failed", 0);
    gil_attach(g_main_ts);
    if (opt.switch_us > 0) {
        int rc = gil_set_interval_us(g_interp, (uint64_t)opt.switch_us);
        if (rc != GIL_OK)
            die("gil_set_interval_us", rc);
    }

    print_header();
    int64_t start = now_ns();

    thr_result_t thr[NCOL][NTHR];
    bench_throughput(thr);

    if (opt.helper == NULL) {
        printf("\n--- Convoy: skipped (no --helper PATH given) ---\n");
    } else if (access(opt.helper, X_OK) != 0) {
        printf("\n--- Convoy: skipped (helper '%s' is not executable: %s) ---\n",
               opt.helper, strerror(errno));
    } else {
        bench_convoy();
    }

    bench_primitives();
    print_goals();

    printf("\ntotal time %.1f s\n", secs(now_ns() - start));
    R("run", "total", "-", "seconds", secs(now_ns() - start));

    gil_tstate_clear(g_main_ts);
    gil_detach();
    gil_tstate_delete(g_main_ts);
    int rc = gil_runtime_free(g_rt);
    if (rc != GIL_OK)
        die("gil_runtime_free", rc);
    return 0;
}
