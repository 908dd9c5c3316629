/*
** config.h — gilpy's tunables, in one place (MicroPython's mpconfig.h).
** Everything here is a compile-time constant; change it with -D.
*/
#ifndef GP_CONFIG_H
#define GP_CONFIG_H

/* C stack of threads started by _thread: deep enough that the recursion
** limit (sys.getrecursionlimit(), 1000 by default) is reached long before
** the stack runs out, whatever the eval loop's frame size. */
#ifndef GP_THREAD_STACK_SIZE
#define GP_THREAD_STACK_SIZE (16u << 20)
#endif

/* The version gilpy reports: the CPython it follows, and its own. */
#define GP_PY_VERSION      "3.11.2"
#define GP_PY_MAJOR        3
#define GP_PY_MINOR        11
#define GP_PY_MICRO        2
#define GP_VERSION         "0.1"

/* Where `import` looks after the script's directory: the .py modules
** shipped with gilpy are compiled into the binary (gilpy/lib, frozen). */

#endif
