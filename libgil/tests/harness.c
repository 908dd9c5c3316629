/*
** harness.c — the test runner behind harness.h.  Single-threaded: tests
** register before main and run one at a time.
*/
#include "harness.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 256

typedef struct { const char *name; void (*fn)(void); } test_t;
static test_t tests[MAX_TESTS];
static int ntests;
static int failures;     /* failed CHECKs in the running test */
static const char *progname;

void test_register(const char *name, void (*fn)(void))
{
    if (ntests < MAX_TESTS)
        tests[ntests++] = (test_t){name, fn};
}

void test_fail(const char *file, int line, const char *expr)
{
    fprintf(stdout, "  %s:%d: CHECK failed: %s\n", file, line, expr);
    fflush(stdout);
    failures++;
}

static int selected(int argc, char **argv, const char *name)
{
    if (argc <= 1)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strstr(name, argv[i]))
            return 1;
    return 0;
}

int test_main(int argc, char **argv)
{
    int pass = 0, fail = 0;
    progname = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 0; i < ntests; i++) {
        if (!selected(argc, argv, tests[i].name))
            continue;
        failures = 0;
        tests[i].fn();
        if (failures) {
            printf("FAIL %s\n", tests[i].name);
            fail++;
        } else {
            printf("ok %s\n", tests[i].name);
            pass++;
        }
    }
    printf("%s: %d passed, %d failed\n", progname, pass, fail);
    return fail ? 1 : 0;
}

int test_in_child(void (*fn)(void *), void *arg, char *buf, size_t size)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        fn(arg);
        fflush(stderr);
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t r;
    char sink[256];
    while ((r = read(fds[0], n + 1 < size ? buf + n : sink,
                     n + 1 < size ? size - 1 - n : sizeof sink)) > 0)
        if (n + 1 < size)
            n += (size_t)r;
    if (size)
        buf[n < size ? n : size - 1] = 0;
    close(fds[0]);
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}

int main(int argc, char **argv) { return test_main(argc, argv); }
