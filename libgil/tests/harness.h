/*
** harness.h — the tiny test framework of libgil's C tests.
**
**   TEST(name) { CHECK(expr); CHECK_EQ(a, b); ... }
**
** Each test file is one program; tests register themselves before main()
** and run in file order.  A failed CHECK reports file:line and the test
** goes on.  Output: "ok NAME" or "FAIL NAME" per test, then
** "PROGRAM: N passed, N failed".  Arguments filter tests by name.
** Timing is never asserted tightly: bounds are generous sanity limits.
*/
#ifndef GIL_TEST_HARNESS_H
#define GIL_TEST_HARNESS_H

#include <stdint.h>
#include <stdio.h>

void test_register(const char *name, void (*fn)(void));
void test_fail(const char *file, int line, const char *expr);
int test_main(int argc, char **argv);

#define TEST(name) \
    static void name(void); \
    __attribute__((constructor)) static void reg_##name(void) \
    { test_register(#name, name); } \
    static void name(void)

#define CHECK(e) \
    do { if (!(e)) test_fail(__FILE__, __LINE__, #e); } while (0)

#define CHECK_EQ(a, b) \
    do { \
        long long a_ = (long long)(a), b_ = (long long)(b); \
        if (a_ != b_) { \
            char m_[256]; \
            snprintf(m_, sizeof m_, "%s == %s (%lld != %lld)", #a, #b, a_, b_); \
            test_fail(__FILE__, __LINE__, m_); \
        } \
    } while (0)

/* Run fn(arg) in a forked child and return its exit status (or 128+signal
** if it died of a signal); the child's stderr is captured into buf (up to
** size-1 bytes, NUL-terminated).  For testing fatal errors and fork. */
int test_in_child(void (*fn)(void *), void *arg, char *buf, size_t size);

#endif
