/*
** mod_os.c — the os module, as far as gilpy needs it: process identity,
** files (remove, unlink, mkdir, rmdir, listdir, getcwd), the environment,
** and fork with register_at_fork.  fork follows CPython's order: the
** `before` callbacks (last registered first), libgil's fork preparation
** (every runtime lock taken, so the child inherits none half-held), the
** fork, then in the child libgil rebuilds the GIL around the one thread
** left, threading._after_fork forgets the other threads, and the
** `after_in_child` callbacks run (first registered first); the parent
** runs `after_in_parent`.  Guard: the GIL; the callback lists live in
** gp_interp_t (before_forkers, after_forkers_parent/child).
*/
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gil.h>
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"
#include "vm/ceval.h"
#include "modules/mod_os.h"

extern char **environ;

/* A path argument: str (UTF-8) only. */
static const char *path_arg(const char *fname, gp_obj_t *o)
{
    if (!GP_STR_CHECK(o)) {
        gp_err_format(&gp_exc_TypeError, "%s: path should be string, bytes "
                      "or os.PathLike, not %s", fname,
                      gp_type_name_cstr(GP_TYPE(o)));
        return NULL;
    }
    return gp_str_utf8_sp(o, NULL);
}

static gp_obj_t *path_call(const char *fname, gp_obj_t *arg,
                           int (*f)(const char *))
{
    const char *p = path_arg(fname, arg);
    if (!p)
        return NULL;
    int r;
    GIL_BEGIN_ALLOW_THREADS
    r = f(p);
    GIL_END_ALLOW_THREADS
    if (r < 0)
        return gp_err_from_errno(&gp_exc_OSError, arg);
    GP_RETURN_NONE;
}

static gp_obj_t *os_remove(gp_obj_t *m, gp_obj_t *arg)
{
    return path_call("remove", arg, unlink);
}

static gp_obj_t *os_rmdir(gp_obj_t *m, gp_obj_t *arg)
{
    return path_call("rmdir", arg, rmdir);
}

static gp_obj_t *os_mkdir(gp_obj_t *m, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    if (gp_arg_count("mkdir", nargs, 1, 2) < 0)
        return NULL;
    const char *p = path_arg("mkdir", args[0]);
    if (!p)
        return NULL;
    int64_t mode = 0777;
    if (nargs > 1 && (mode = gp_int_as_i64(args[1])) == -1 &&
        gp_err_occurred())
        return NULL;
    if (mkdir(p, (mode_t)mode) < 0)
        return gp_err_from_errno(&gp_exc_OSError, args[0]);
    GP_RETURN_NONE;
}

static gp_obj_t *os_listdir(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("listdir", nargs, 0, 1) < 0)
        return NULL;
    const char *p = nargs ? path_arg("listdir", args[0]) : ".";
    if (!p)
        return NULL;
    DIR *d = opendir(p);
    if (!d)
        return gp_err_from_errno(&gp_exc_OSError, nargs ? args[0] : NULL);
    gp_obj_t *l = gp_list_new(0);
    struct dirent *e;
    while (l && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        gp_obj_t *s = gp_str_from_utf8_sp(e->d_name,
                                          (gp_ssize_t)strlen(e->d_name));
        if (!s || gp_list_append(l, s) < 0)
            GP_CLEAR(l);
        GP_XDECREF(s);
    }
    closedir(d);
    return l;
}

static gp_obj_t *os_getcwd(gp_obj_t *m, gp_obj_t *unused)
{
    char buf[4096];
    if (!getcwd(buf, sizeof buf))
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    return gp_str_from_utf8_sp(buf, (gp_ssize_t)strlen(buf));
}

static gp_obj_t *os_getpid(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_int_from_i64(getpid());
}

static gp_obj_t *os_getppid(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_int_from_i64(getppid());
}

static gp_obj_t *os_cpu_count(gp_obj_t *m, gp_obj_t *unused)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        GP_RETURN_NONE;
    return gp_int_from_i64(n);
}

static gp_obj_t *os__exit(gp_obj_t *m, gp_obj_t *arg)
{
    int64_t code = gp_int_as_i64(arg);
    if (code == -1 && gp_err_occurred())
        return NULL;
    _exit((int)code);
}

/* ---- fork --------------------------------------------------------------- */

static int run_callbacks(gp_obj_t *list, int reverse)
{
    if (!list)
        return 0;
    gp_ssize_t n = GP_SIZE(list);
    for (gp_ssize_t k = 0; k < n; k++) {
        gp_ssize_t i = reverse ? n - 1 - k : k;
        if (i >= GP_SIZE(list))
            continue;
        gp_obj_t *f = GP_LIST_GET(list, i);
        GP_INCREF(f);
        gp_obj_t *r = gp_call_noargs(f);
        if (r)
            GP_DECREF(r);
        else
            gp_err_write_unraisable_msg("Exception ignored in fork "
                                        "callback", f);
        GP_DECREF(f);
    }
    return 0;
}

static gp_obj_t *os_fork(gp_obj_t *m, gp_obj_t *unused)
{
    gp_interp_t *in = gp_icur();
    gil_runtime_t *rt = gil_interp_runtime(in->gil);
    run_callbacks(in->before_forkers, 1);
    gil_fork_before(rt);
    pid_t pid = fork();
    int saved = errno;
    if (pid == 0) {
        gil_fork_after_child(rt);
        gp_obj_t *th = gp_dict_getitem_str(in->modules, "threading");
        if (th) {
            gp_obj_t *r = gp_call_method_str(th, "_after_fork", 0);
            if (r)
                GP_DECREF(r);
            else
                gp_err_write_unraisable_msg("Exception ignored in "
                                            "threading._after_fork", th);
        }
        run_callbacks(in->after_forkers_child, 0);
    } else {
        gil_fork_after_parent(rt);
        run_callbacks(in->after_forkers_parent, 0);
    }
    if (pid < 0) {
        errno = saved;
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    }
    return gp_int_from_i64(pid);
}

static int add_callback(gp_obj_t **list, gp_obj_t *f)
{
    if (!*list && !(*list = gp_list_new(0)))
        return -1;
    return gp_list_append(*list, f);
}

static gp_obj_t *os_register_at_fork(gp_obj_t *m, gp_obj_t *const *args,
                                     gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"before", "after_in_child",
                                        "after_in_parent", NULL};
    gp_obj_t *a[3];
    if (nargs) {
        gp_err_set_str(&gp_exc_TypeError,
                       "register_at_fork() takes no positional arguments");
        return NULL;
    }
    if (gp_arg_parse("register_at_fork", args, nargs, kwnames, names, 0, 0,
                     a) < 0)
        return NULL;
    if (!a[0] && !a[1] && !a[2]) {
        gp_err_set_str(&gp_exc_TypeError,
                       "At least one argument is required.");
        return NULL;
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] && !gp_callable(a[i])) {
            return gp_err_format(&gp_exc_TypeError,
                                 "'%s' must be callable, not %s", names[i],
                                 gp_type_name_cstr(GP_TYPE(a[i])));
        }
    }
    gp_interp_t *in = gp_icur();
    if ((a[0] && add_callback(&in->before_forkers, a[0]) < 0) ||
        (a[1] && add_callback(&in->after_forkers_child, a[1]) < 0) ||
        (a[2] && add_callback(&in->after_forkers_parent, a[2]) < 0))
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *os_waitpid(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("waitpid", nargs, 2, 2) < 0)
        return NULL;
    int64_t pid = gp_int_as_i64(args[0]);
    int64_t opts = pid == -1 && gp_err_occurred() ? -1
                   : gp_int_as_i64(args[1]);
    if (gp_err_occurred())
        return NULL;
    int status = 0;
    pid_t r;
    for (;;) {
        GIL_BEGIN_ALLOW_THREADS
        r = waitpid((pid_t)pid, &status, (int)opts);
        GIL_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (gp_eval_poll() < 0)
            return NULL;
    }
    if (r < 0)
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    gp_obj_t *p = gp_int_from_i64(r), *s = gp_int_from_i64(status);
    gp_obj_t *t = p && s ? gp_tuple_pack(2, p, s) : NULL;
    GP_XDECREF(p);
    GP_XDECREF(s);
    return t;
}

#define STATUS_FN(name, expr) \
    static gp_obj_t *os_##name(gp_obj_t *m, gp_obj_t *arg) \
    { \
        int64_t st = gp_int_as_i64(arg); \
        if (st == -1 && gp_err_occurred()) \
            return NULL; \
        int status = (int)st; \
        return expr; \
    }
STATUS_FN(WIFEXITED, gp_bool_from(WIFEXITED(status)))
STATUS_FN(WEXITSTATUS, gp_int_from_i64(WEXITSTATUS(status)))
STATUS_FN(WIFSIGNALED, gp_bool_from(WIFSIGNALED(status)))
STATUS_FN(WTERMSIG, gp_int_from_i64(WTERMSIG(status)))

static gp_methoddef_t os_methods[] = {
    {"remove", os_remove, GP_METH_O, NULL},
    {"unlink", os_remove, GP_METH_O, NULL},
    {"rmdir", os_rmdir, GP_METH_O, NULL},
    {"mkdir", GP_METH_FN(os_mkdir), GP_METH_FASTCALL, NULL},
    {"listdir", GP_METH_FN(os_listdir), GP_METH_FASTCALL, NULL},
    {"getcwd", os_getcwd, GP_METH_NOARGS, NULL},
    {"getpid", os_getpid, GP_METH_NOARGS, NULL},
    {"getppid", os_getppid, GP_METH_NOARGS, NULL},
    {"cpu_count", os_cpu_count, GP_METH_NOARGS, NULL},
    {"_exit", os__exit, GP_METH_O, NULL},
    {"fork", os_fork, GP_METH_NOARGS, NULL},
    {"register_at_fork", GP_METH_FN(os_register_at_fork),
     GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL},
    {"waitpid", GP_METH_FN(os_waitpid), GP_METH_FASTCALL, NULL},
    {"WIFEXITED", os_WIFEXITED, GP_METH_O, NULL},
    {"WEXITSTATUS", os_WEXITSTATUS, GP_METH_O, NULL},
    {"WIFSIGNALED", os_WIFSIGNALED, GP_METH_O, NULL},
    {"WTERMSIG", os_WTERMSIG, GP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int os_exec(gp_obj_t *m)
{
    gp_obj_t *env = gp_dict_new();
    if (!env)
        return -1;
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        gp_obj_t *k = gp_str_from_utf8_sp(*e, eq - *e);
        gp_obj_t *v = gp_str_from_utf8_sp(eq + 1, (gp_ssize_t)strlen(eq + 1));
        int bad = !k || !v || gp_dict_setitem(env, k, v) < 0;
        GP_XDECREF(k);
        GP_XDECREF(v);
        if (bad) {
            GP_DECREF(env);
            return -1;
        }
    }
    int r = gp_module_add(m, "environ", env);
    GP_DECREF(env);
    if (r < 0 || gp_module_add_str(m, "name", "posix") < 0 ||
        gp_module_add_str(m, "sep", "/") < 0 ||
        gp_module_add_str(m, "linesep", "\n") < 0 ||
        gp_module_add_str(m, "curdir", ".") < 0 ||
        gp_module_add_str(m, "pardir", "..") < 0 ||
        gp_module_add_int(m, "WNOHANG", WNOHANG) < 0)
        return -1;
    return 0;
}

const gp_moduledef_t gp_mod_os = {
    .name = "os",
    .doc = "OS routines for gilpy: a subset of CPython's os module.",
    .methods = os_methods,
    .exec = os_exec,
};
