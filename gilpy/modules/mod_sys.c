/*
** mod_sys.c — the sys module: the interpreter's state as Python sees it
** (argv, path, modules, the standard streams, the limits) and the knobs
** wired to libgil (setswitchinterval).  The module's dict is
** interp->sysdict, created at start-up before builtins so that everything
** after can print.  sys.version_info and sys.implementation are small
** types of their own (CPython's struct sequence and SimpleNamespace).
** Guard: the GIL (every function here runs holding it).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "vm/state.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/ceval.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "objects/fileobj.h"
#include "objects/descrobj.h"
#include "modules/mod_sys.h"

/* ---- sys.version_info: a tuple with named fields --------------------- */

static const char *const vi_fields[] = {
    "major", "minor", "micro", "releaselevel", "serial", NULL
};

static gp_obj_t *vi_get(gp_obj_t *self, void *closure)
{
    return gp_newref(GP_TUPLE_GET(self, (intptr_t)closure));
}

static gp_obj_t *vi_repr(gp_obj_t *self)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_cstr(&b, "sys.version_info(");
    for (int i = 0; vi_fields[i]; i++) {
        gp_obj_t *r = gp_repr(GP_TUPLE_GET(self, i));
        if (!r) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        if (i)
            gp_strbuf_cstr(&b, ", ");
        gp_strbuf_cstr(&b, vi_fields[i]);
        gp_strbuf_char(&b, '=');
        gp_strbuf_str(&b, r);
        GP_DECREF(r);
    }
    gp_strbuf_char(&b, ')');
    return gp_strbuf_finish(&b);
}

static gp_getsetdef_t vi_getset[] = {
    {"major", vi_get, NULL, NULL, (void *)0},
    {"minor", vi_get, NULL, NULL, (void *)1},
    {"micro", vi_get, NULL, NULL, (void *)2},
    {"releaselevel", vi_get, NULL, NULL, (void *)3},
    {"serial", vi_get, NULL, NULL, (void *)4},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_sys_version_info_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "sys.version_info",
    .basicsize = sizeof(gp_tuple_t),
    .itemsize = sizeof(gp_obj_t *),
    .flags = GP_TPFLAGS_TUPLE_SUBCLASS | GP_TPFLAGS_HAVE_GC,
    .repr = vi_repr,
    .getset = vi_getset,
    .base = &gp_tuple_type,
};

/* ---- sys.implementation: a namespace --------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *dict;
} namespace_t;

static gp_obj_t *ns_repr(gp_obj_t *self)
{
    gp_obj_t *d = ((namespace_t *)self)->dict;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_cstr(&b, "namespace(");
    gp_ssize_t pos = 0;
    gp_obj_t *k, *v;
    int first = 1;
    while (gp_dict_next(d, &pos, &k, &v)) {
        gp_obj_t *r = gp_repr(v);
        if (!r) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        if (!first)
            gp_strbuf_cstr(&b, ", ");
        first = 0;
        gp_strbuf_str(&b, k);
        gp_strbuf_char(&b, '=');
        gp_strbuf_str(&b, r);
        GP_DECREF(r);
    }
    gp_strbuf_char(&b, ')');
    return gp_strbuf_finish(&b);
}

static void ns_dealloc(gp_obj_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(((namespace_t *)self)->dict);
    gp_object_free(self);
}

static int ns_traverse(gp_obj_t *self, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((namespace_t *)self)->dict);
    return 0;
}

static int ns_clear(gp_obj_t *self)
{
    GP_CLEAR(((namespace_t *)self)->dict);
    return 0;
}

gp_type_t gp_namespace_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "types.SimpleNamespace",
    .basicsize = sizeof(namespace_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = ns_dealloc,
    .repr = ns_repr,
    .traverse = ns_traverse,
    .clear = ns_clear,
    .dictoffset = offsetof(namespace_t, dict),
};

gp_obj_t *gp_namespace_new(gp_obj_t *dict)
{
    namespace_t *ns = (namespace_t *)gp_type_alloc(&gp_namespace_type, 0);
    if (!ns)
        return NULL;
    ns->dict = dict ? gp_dict_copy(dict) : gp_dict_new();
    if (!ns->dict) {
        GP_DECREF(ns);
        return NULL;
    }
    return (gp_obj_t *)ns;
}

int gp_mod_sys_init(void)
{
    if (gp_type_ready(&gp_sys_version_info_type) < 0 ||
        gp_type_ready(&gp_namespace_type) < 0)
        return -1;
    return 0;
}

/* ---- functions --------------------------------------------------------- */

static gp_obj_t *sys_exit(gp_obj_t *m, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    if (gp_arg_count("exit", nargs, 0, 1) < 0)
        return NULL;
    /* exit(None) raises SystemExit() with no args, as CPython's */
    gp_err_set(&gp_exc_SystemExit,
               nargs && args[0] != GP_NONE ? args[0] : NULL);
    return NULL;
}

static gp_obj_t *sys_getrecursionlimit(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_int_from_i64(gp_icur()->recursion_limit);
}

static gp_obj_t *sys_setrecursionlimit(gp_obj_t *m, gp_obj_t *arg)
{
    if (GP_TYPE(arg) == &gp_float_type) {
        gp_err_set_str(&gp_exc_TypeError,
                       "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    gp_ssize_t n = gp_number_as_ssize_t(arg, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n < 1) {
        gp_err_set_str(&gp_exc_ValueError,
                       "recursion limit must be greater or equal than 1");
        return NULL;
    }
    if (n > INT32_MAX) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "Python int too large to convert to C int");
        return NULL;
    }
    gp_thread_t *t = gp_tcur();
    if (t->depth >= n) {
        return gp_err_format(&gp_exc_RecursionError,
            "cannot set the recursion limit to %zd at the recursion depth "
            "%d: the limit is too low", n, t->depth);
    }
    t->interp->recursion_limit = (int)n;
    GP_RETURN_NONE;
}

static gp_obj_t *sys_getswitchinterval(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_float_from_double(gp_icur()->switch_interval);
}

static gp_obj_t *sys_setswitchinterval(gp_obj_t *m, gp_obj_t *arg)
{
    double d = gp_float_as_double(arg);
    if (d == -1.0 && gp_err_occurred())
        return NULL;
    if (!(d > 0.0)) {
        gp_err_set_str(&gp_exc_ValueError,
                       "switch interval must be strictly positive");
        return NULL;
    }
    /* libgil takes whole microseconds (1 us .. 1 h); sys keeps the float
    ** as given, which is what getswitchinterval returns in CPython too. */
    double us = d * 1e6;
    uint64_t v = us < 1.0 ? 1 : us > 3.6e9 ? 3600000000u : (uint64_t)us;
    gp_interp_t *in = gp_icur();
    gil_set_interval_us(in->gil, v);
    in->switch_interval = d;
    GP_RETURN_NONE;
}

static gp_obj_t *sys_exc_info(gp_obj_t *m, gp_obj_t *unused)
{
    gp_obj_t *e = gp_err_handled();
    if (!e || e == GP_NONE)
        return gp_tuple_pack(3, GP_NONE, GP_NONE, GP_NONE);
    gp_obj_t *tb = gp_exc_get_traceback(e);
    return gp_tuple_pack(3, (gp_obj_t *)GP_TYPE(e), e, tb ? tb : GP_NONE);
}

static gp_obj_t *sys_exception(gp_obj_t *m, gp_obj_t *unused)
{
    gp_obj_t *e = gp_err_handled();
    return gp_newref(e ? e : GP_NONE);
}

static gp_obj_t *sys_getrefcount(gp_obj_t *m, gp_obj_t *arg)
{
    return gp_int_from_ssize(GP_REFCNT(arg));
}

static gp_obj_t *sys_intern(gp_obj_t *m, gp_obj_t *arg)
{
    if (!GP_STR_CHECK_EXACT(arg)) {
        return gp_err_format(&gp_exc_TypeError,
                             "intern() argument must be str, not %s",
                             GP_TYPE(arg)->name);
    }
    GP_INCREF(arg);
    gp_str_intern(&arg);
    return arg;
}

static gp_obj_t *sys_get_int_max_str_digits(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_int_from_i64(gp_icur()->int_max_str_digits);
}

static gp_obj_t *sys_set_int_max_str_digits(gp_obj_t *m,
                                            gp_obj_t *const *args,
                                            gp_ssize_t nargs,
                                            gp_obj_t *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    gp_obj_t *v;
    if (gp_arg_parse("set_int_max_str_digits", args, nargs, kwnames, names,
                     0, 1, &v) < 0)
        return NULL;
    gp_ssize_t n = gp_number_as_ssize_t(v, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n != 0 && n < 640) {
        gp_err_set_str(&gp_exc_ValueError,
                       "maxdigits must be 0 or larger than 640");
        return NULL;
    }
    gp_icur()->int_max_str_digits = n;
    GP_RETURN_NONE;
}

static gp_obj_t *sys_utf8(gp_obj_t *m, gp_obj_t *unused)
{
    return gp_str_from_cstr("utf-8");
}

/* sys.displayhook: the REPL's echo.  None prints nothing; anything else
** is printed with repr and kept in builtins._ (set to None first, so
** that the repr cannot see a stale value). */
static gp_obj_t *sys_displayhook(gp_obj_t *m, gp_obj_t *v)
{
    gp_interp_t *in = gp_icur();
    if (v == GP_NONE)
        GP_RETURN_NONE;
    if (gp_dict_setitem_str(in->builtins, "_", GP_NONE) < 0)
        return NULL;
    gp_obj_t *out = gp_dict_getitem_str(in->sysdict, "stdout");
    if (!out || out == GP_NONE) {
        gp_err_set_str(&gp_exc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    gp_obj_t *r = gp_repr(v);
    if (!r)
        return NULL;
    gp_obj_t *w = gp_call_method_str(out, "write", 1, r);
    GP_DECREF(r);
    if (!w)
        return NULL;
    GP_DECREF(w);
    gp_obj_t *nl = gp_str_from_cstr("\n");
    w = nl ? gp_call_method_str(out, "write", 1, nl) : NULL;
    GP_XDECREF(nl);
    if (!w)
        return NULL;
    GP_DECREF(w);
    if (gp_dict_setitem_str(in->builtins, "_", v) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *sys_excepthook(gp_obj_t *m, gp_obj_t *const *args,
                                gp_ssize_t nargs)
{
    if (gp_arg_count("excepthook", nargs, 3, 3) < 0)
        return NULL;
    gp_obj_t *v = args[1];
    if (GP_IS_EXC_INSTANCE(v)) {
        if (args[2] != GP_NONE && gp_exc_get_traceback(v) != args[2])
            gp_exc_set_traceback(v, args[2]);
        gp_err_display(v);
    } else {
        gp_obj_t *err = gp_err_format(&gp_exc_TypeError,
            "print_exception(): Exception expected for value, %s found",
            GP_TYPE(v)->name);
        (void)err;
        return NULL;
    }
    GP_RETURN_NONE;
}

static gp_methoddef_t sys_methods[] = {
    {"exit", GP_METH_FN(sys_exit), GP_METH_FASTCALL, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, GP_METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, GP_METH_O, NULL},
    {"getswitchinterval", sys_getswitchinterval, GP_METH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, GP_METH_O, NULL},
    {"exc_info", sys_exc_info, GP_METH_NOARGS, NULL},
    {"exception", sys_exception, GP_METH_NOARGS, NULL},
    {"getrefcount", sys_getrefcount, GP_METH_O, NULL},
    {"intern", sys_intern, GP_METH_O, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, GP_METH_NOARGS,
     NULL},
    {"set_int_max_str_digits", GP_METH_FN(sys_set_int_max_str_digits),
     GP_METH_FASTCALL | GP_METH_KEYWORDS, NULL},
    {"getdefaultencoding", sys_utf8, GP_METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_utf8, GP_METH_NOARGS, NULL},
    {"displayhook", sys_displayhook, GP_METH_O, NULL},
    {"excepthook", GP_METH_FN(sys_excepthook), GP_METH_FASTCALL, NULL},
    {"unraisablehook", gp_sys_unraisablehook, GP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the module -------------------------------------------------------- */

static int set_new(gp_obj_t *d, const char *name, gp_obj_t *v)
{
    if (!v)
        return -1;
    int r = gp_dict_setitem_str(d, name, v);
    GP_DECREF(v);
    return r;
}

static gp_obj_t *version_info(void)
{
    gp_obj_t *t = gp_type_alloc(&gp_sys_version_info_type, 5);
    if (!t)
        return NULL;
    GP_TUPLE_SET(t, 0, gp_int_from_i64(GP_PY_MAJOR));
    GP_TUPLE_SET(t, 1, gp_int_from_i64(GP_PY_MINOR));
    GP_TUPLE_SET(t, 2, gp_int_from_i64(GP_PY_MICRO));
    GP_TUPLE_SET(t, 3, gp_str_from_cstr("final"));
    GP_TUPLE_SET(t, 4, gp_int_from_i64(0));
    for (int i = 0; i < 5; i++)
        if (!GP_TUPLE_GET(t, i)) {
            GP_DECREF(t);
            return NULL;
        }
    return t;
}

static gp_obj_t *implementation(void)
{
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return NULL;
    gp_obj_t *ns = NULL;
    if (set_new(d, "name", gp_str_from_cstr("gilpy")) == 0 &&
        set_new(d, "cache_tag", gp_newref(GP_NONE)) == 0 &&
        set_new(d, "version", version_info()) == 0 &&
        set_new(d, "hexversion", gp_int_from_i64(0x000100f0)) == 0)
        ns = gp_namespace_new(d);
    GP_DECREF(d);
    return ns;
}

static int sys_exec(gp_obj_t *m)
{
    gp_interp_t *in = gp_icur();
    gp_obj_t *d = gp_module_dict(m);
    /* The dict built by gp_sys_create already has the data: merge it. */
    if (in->sysdict && in->sysdict != d) {
        if (gp_dict_merge(d, in->sysdict, 0) < 0)
            return -1;
        GP_SETREF(in->sysdict, gp_newref(d));
    }
    /* The originals, for code that restores a replaced hook. */
    static const char *const hooks[] = {"displayhook", "excepthook",
                                        "unraisablehook"};
    for (int i = 0; i < 3; i++) {
        char dunder[40];
        snprintf(dunder, sizeof dunder, "__%s__", hooks[i]);
        gp_obj_t *h = gp_dict_getitem_str(d, hooks[i]);
        if (h && gp_dict_setitem_str(d, dunder, h) < 0)
            return -1;
    }
    return 0;
}

const gp_moduledef_t gp_mod_sys = {
    .name = "sys",
    .doc = "Access to the interpreter's state.",
    .methods = sys_methods,
    .exec = sys_exec,
};

static int std_streams(gp_obj_t *d)
{
    static const struct { int fd; const char *mode, *name, *dunder; } s[] = {
        {0, "r", "stdin", "__stdin__"},
        {1, "w", "stdout", "__stdout__"},
        {2, "w", "stderr", "__stderr__"},
    };
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "<%s>", s[i].name);
        gp_obj_t *f = gp_file_from_fd(s[i].fd, s[i].mode, name);
        if (!f)
            return -1;
        int r = gp_dict_setitem_str(d, s[i].name, f);
        if (r == 0)
            r = gp_dict_setitem_str(d, s[i].dunder, f);
        GP_DECREF(f);
        if (r < 0)
            return -1;
    }
    return 0;
}

int gp_sys_create(gp_interp_t *in, int argc, char **argv)
{
    gp_obj_t *d = gp_dict_new();
    if (!d)
        return -1;
    in->sysdict = d;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    char version[128];
    snprintf(version, sizeof version, "%s (gilpy %s) [%s]", GP_PY_VERSION,
             GP_VERSION,
#if defined(__clang__)
             "Clang"
#else
             "GCC"
#endif
             );
    if (std_streams(d) < 0 ||
        gp_dict_setitem_str(d, "modules", in->modules) < 0 ||
        set_new(d, "path", gp_list_new(0)) < 0 ||
        set_new(d, "argv", gp_list_new(0)) < 0 ||
        set_new(d, "version", gp_str_from_cstr(version)) < 0 ||
        set_new(d, "version_info", version_info()) < 0 ||
        set_new(d, "hexversion", gp_int_from_i64(
            (GP_PY_MAJOR << 24) | (GP_PY_MINOR << 16) | (GP_PY_MICRO << 8)
            | 0xf0)) < 0 ||
        set_new(d, "implementation", implementation()) < 0 ||
        set_new(d, "maxsize", gp_int_from_i64(INT64_MAX)) < 0 ||
        set_new(d, "maxunicode", gp_int_from_i64(0x10ffff)) < 0 ||
        set_new(d, "byteorder", gp_str_from_cstr(
            __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big"))
            < 0 ||
        set_new(d, "platform", gp_str_from_cstr("linux")) < 0 ||
        set_new(d, "executable", gp_str_from_cstr(exe)) < 0 ||
        set_new(d, "builtin_module_names", gp_tuple_new(0)) < 0)
        return -1;
    gp_ssize_t nmod = 0;
    while (gp_builtin_modules[nmod])
        nmod++;
    gp_obj_t *names = gp_tuple_new(nmod);
    if (!names)
        return -1;
    for (gp_ssize_t i = 0; i < nmod; i++) {
        gp_obj_t *s = gp_str_from_cstr(gp_builtin_modules[i]->name);
        if (!s) {
            GP_DECREF(names);
            return -1;
        }
        GP_TUPLE_SET(names, i, s);
    }
    if (set_new(d, "builtin_module_names", names) < 0)
        return -1;
    return gp_sys_set_argv(in, argc, argv, NULL);
}

/* argv: what follows the script name (argv[0] is the script, "-c" or the
** module path, as CPython's); path0: sys.path[0] (the script's directory,
** "" for -c and the REPL). */
int gp_sys_set_argv(gp_interp_t *in, int argc, char **argv,
                    const char *path0)
{
    gp_obj_t *av = gp_list_new(0);
    if (!av)
        return -1;
    for (int i = 0; i < argc; i++) {
        gp_obj_t *s = gp_str_from_utf8_sp(argv[i], strlen(argv[i]));
        if (!s || gp_list_append(av, s) < 0) {
            GP_XDECREF(s);
            GP_DECREF(av);
            return -1;
        }
        GP_DECREF(s);
    }
    if (argc == 0) {
        gp_obj_t *s = gp_str_empty();
        gp_list_append(av, s);
    }
    if (set_new(in->sysdict, "argv", av) < 0)
        return -1;
    if (!path0)
        return 0;
    gp_obj_t *path = gp_list_new(0);
    gp_obj_t *p0 = gp_str_from_utf8_sp(path0, strlen(path0));
    if (!path || !p0 || gp_list_append(path, p0) < 0) {
        GP_XDECREF(path);
        GP_XDECREF(p0);
        return -1;
    }
    GP_DECREF(p0);
    const char *env = getenv("GILPYPATH");
    while (env && *env) {
        const char *colon = strchr(env, ':');
        size_t len = colon ? (size_t)(colon - env) : strlen(env);
        if (len) {
            gp_obj_t *s = gp_str_from_utf8_sp(env, len);
            if (!s || gp_list_append(path, s) < 0) {
                GP_XDECREF(s);
                GP_DECREF(path);
                return -1;
            }
            GP_DECREF(s);
        }
        env = colon ? colon + 1 : NULL;
    }
    return set_new(in->sysdict, "path", path);
}
