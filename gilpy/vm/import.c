/*
** import.c — the import system: `import a.b.c`, `from . import x` and
** __import__.  A name is found, in order, in sys.modules, among the C
** modules of gp_builtin_modules[], among the .py modules compiled into
** the binary (gp_frozen_modules[]: gilpy/lib), then as NAME.py or
** NAME/__init__.py in each directory of sys.path (or of the parent
** package's __path__).  A module is entered in sys.modules before its body
** runs, so circular imports see the partly initialised module, and taken
** out again if the body fails, as CPython's importlib does.  No .pyc
** caching, no import hooks (sys.meta_path), no namespace packages.
**
** Guard: the GIL.  The module body runs Python code, which may release
** it; two threads importing the same module at once can therefore both
** see it half-initialised — CPython's per-module import locks are not
** reproduced (documented in LANGUAGE.md).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vm/runtime.h"
#include "vm/errors.h"
#include "vm/ceval.h"
#include "compile/compile.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/strobj.h"

/* ModuleNotFoundError / ImportError with the name= attribute set. */
static void raise_import(gp_type_t *type, gp_obj_t *msg, gp_obj_t *name,
                         gp_obj_t *path)
{
    gp_obj_t *args = gp_tuple_pack(1, msg);
    gp_obj_t *kw = gp_dict_new();
    if (args && kw && gp_dict_setitem_str(kw, "name", name) == 0 &&
        (!path || gp_dict_setitem_str(kw, "path", path) == 0)) {
        gp_obj_t *e = gp_call((gp_obj_t *)type, args, kw);
        if (e)
            gp_err_restore(e);
    }
    GP_XDECREF(args);
    GP_XDECREF(kw);
}

/* The index of the last '.' in str s, or -1. */
static gp_ssize_t rfind_dot(gp_obj_t *s)
{
    for (gp_ssize_t i = GP_SIZE(s) - 1; i >= 0; i--)
        if (gp_str_read(s, i) == '.')
            return i;
    return -1;
}

static void not_found(gp_obj_t *name)
{
    gp_obj_t *msg = gp_str_fromformat("No module named %R", name);
    if (msg) {
        raise_import(&gp_exc_ModuleNotFoundError, msg, name, NULL);
        GP_DECREF(msg);
    }
}

/* Read a whole file; NULL with OSError set. */
static char *read_file(const char *path, gp_ssize_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        gp_obj_t *p = gp_str_from_cstr(path);
        gp_err_from_errno(&gp_exc_OSError, p);
        GP_XDECREF(p);
        return NULL;
    }
    size_t cap = 1 << 14, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb)
            free(buf);
        buf = nb;
    }
    fclose(f);
    if (!buf) {
        gp_err_nomemory();
        return NULL;
    }
    *len = (gp_ssize_t)n;
    return buf;
}

int gp_run_source(const char *src, gp_ssize_t len, const char *filename,
                  gp_obj_t *globals)
{
    gp_obj_t *fn = gp_str_from_cstr(filename);
    if (!fn)
        return -1;
    gp_obj_t *code = gp_compile_source(src, len, fn, "exec");
    GP_DECREF(fn);
    if (!code)
        return -1;
    gp_obj_t *r = gp_eval_code(code, globals, globals);
    GP_DECREF(code);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Make module `name`, enter it in sys.modules, run src in it.  Returns a
** new reference to what sys.modules holds afterwards (a module may
** replace itself there), or NULL with the entry removed again. */
static gp_obj_t *exec_module(gp_obj_t *name, const char *src, gp_ssize_t len,
                             const char *file, gp_obj_t *pkgpath)
{
    gp_interp_t *in = gp_icur();
    gp_obj_t *m = gp_module_new(name);
    if (!m)
        return NULL;
    gp_obj_t *d = gp_module_dict(m);
    gp_obj_t *pkg;
    if (pkgpath) {
        pkg = gp_newref(name);
    } else {
        gp_ssize_t dot = rfind_dot(name);
        pkg = dot < 0 ? gp_str_empty() : gp_str_substring(name, 0, dot);
    }
    gp_obj_t *f = file ? gp_str_from_cstr(file) : gp_newref(GP_NONE);
    int bad = !pkg || !f || gp_dict_setitem_str(d, "__package__", pkg) < 0 ||
              (file && gp_dict_setitem_str(d, "__file__", f) < 0) ||
              (pkgpath && gp_dict_setitem_str(d, "__path__", pkgpath) < 0) ||
              gp_dict_setitem(in->modules, name, m) < 0;
    GP_XDECREF(pkg);
    GP_DECREF(m);
    if (bad) {
        GP_XDECREF(f);
        return NULL;
    }
    char fake[256];
    if (!file)
        snprintf(fake, sizeof fake, "<frozen %s>", gp_str_utf8(name, NULL));
    int rc = gp_run_source(src, len, file ? file : fake, d);
    GP_DECREF(f);
    if (rc < 0) {
        gp_obj_t *e = gp_err_fetch();
        if (gp_dict_contains(in->modules, name) > 0)
            gp_dict_delitem(in->modules, name);
        gp_err_restore(e);
        return NULL;
    }
    gp_obj_t *r = gp_dict_getitem(in->modules, name);
    if (!r) {
        return gp_err_format(&gp_exc_ImportError,
                             "Loaded module %U not found in sys.modules",
                             name);
    }
    return gp_newref(r);
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Look for the last component `tail` of `name` in the directories of
** `path` (a list).  1 found (module in *out), 0 not found, -1 error. */
static int find_in_path(gp_obj_t *name, const char *tail, gp_obj_t *path,
                        gp_obj_t **out)
{
    if (!path || !GP_LIST_CHECK(path))
        return 0;
    for (gp_ssize_t i = 0; i < GP_SIZE(path); i++) {
        gp_obj_t *dir = GP_LIST_GET(path, i);
        if (!GP_STR_CHECK(dir))
            continue;
        const char *ds = gp_str_utf8_sp(dir, NULL);
        if (!ds)
            return -1;
        char file[4200], pkgdir[4096];
        const char *sep = *ds ? "/" : "";
        snprintf(pkgdir, sizeof pkgdir, "%s%s%s", ds, sep, tail);
        snprintf(file, sizeof file, "%s/__init__.py", pkgdir);
        gp_obj_t *pkgpath = NULL;
        if (is_file(file)) {
            gp_obj_t *p = gp_str_from_cstr(pkgdir);
            pkgpath = p ? gp_list_from_array(&p, 1) : NULL;
            GP_XDECREF(p);
            if (!pkgpath)
                return -1;
        } else {
            snprintf(file, sizeof file, "%s%s%s.py", ds, sep, tail);
            if (!is_file(file))
                continue;
        }
        gp_ssize_t len;
        char *src = read_file(file, &len);
        if (!src) {
            GP_XDECREF(pkgpath);
            return -1;
        }
        *out = exec_module(name, src, len, file, pkgpath);
        free(src);
        GP_XDECREF(pkgpath);
        return *out ? 1 : -1;
    }
    return 0;
}

/* Import one fully qualified name whose parent (if any) is imported. */
static gp_obj_t *import_one(gp_obj_t *name, gp_obj_t *parent)
{
    gp_interp_t *in = gp_icur();
    gp_obj_t *m = gp_dict_getitem(in->modules, name);
    if (m) {
        if (m == GP_NONE) {
            gp_obj_t *msg = gp_str_fromformat(
                "import of %U halted; None in sys.modules", name);
            if (msg) {
                raise_import(&gp_exc_ModuleNotFoundError, msg, name, NULL);
                GP_DECREF(msg);
            }
            return NULL;
        }
        return gp_newref(m);
    }
    const char *s = gp_str_utf8(name, NULL);
    if (!s)
        return NULL;
    if (!parent) {
        for (int i = 0; gp_builtin_modules[i]; i++) {
            if (strcmp(gp_builtin_modules[i]->name, s) != 0)
                continue;
            m = gp_module_from_def(gp_builtin_modules[i]);
            if (!m || gp_dict_setitem(in->modules, name, m) < 0) {
                GP_XDECREF(m);
                return NULL;
            }
            return m;
        }
        for (int i = 0; gp_frozen_modules[i].name; i++) {
            if (strcmp(gp_frozen_modules[i].name, s) == 0)
                return exec_module(name, gp_frozen_modules[i].source,
                                   strlen(gp_frozen_modules[i].source),
                                   NULL, NULL);
        }
    }
    const char *tail = strrchr(s, '.');
    tail = tail ? tail + 1 : s;
    gp_obj_t *path;
    if (parent) {
        path = gp_getattr_str(parent, "__path__");
        if (!path) {
            gp_err_clear();
            gp_obj_t *msg = gp_str_fromformat(
                "No module named %R; %R is not a package", name,
                gp_dict_getitem_str(gp_module_dict(parent), "__name__"));
            if (msg) {
                raise_import(&gp_exc_ModuleNotFoundError, msg, name, NULL);
                GP_DECREF(msg);
            }
            return NULL;
        }
    } else {
        path = gp_dict_getitem_str(in->sysdict, "path");
        GP_XINCREF(path);
    }
    int r = find_in_path(name, tail, path, &m);
    GP_XDECREF(path);
    if (r < 0)
        return NULL;
    if (r == 0) {
        not_found(name);
        return NULL;
    }
    if (parent && gp_setattr_str(parent, tail, m) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}

/* Import every prefix of `full` ("a", "a.b", "a.b.c"); returns the last
** module. */
static gp_obj_t *import_dotted(gp_obj_t *full)
{
    gp_ssize_t n = GP_SIZE(full), start = 0;
    gp_obj_t *parent = NULL;
    for (;;) {
        gp_ssize_t dot = gp_str_find_char(full, '.', start, n);
        gp_obj_t *prefix = dot < 0 ? gp_newref(full)
                                   : gp_str_substring(full, 0, dot);
        if (!prefix) {
            GP_XDECREF(parent);
            return NULL;
        }
        gp_obj_t *m = import_one(prefix, parent);
        GP_DECREF(prefix);
        GP_XDECREF(parent);
        if (!m || dot < 0)
            return m;
        parent = m;
        start = dot + 1;
    }
}

/* The package a relative import of `level` starts from. */
static gp_obj_t *resolve_package(gp_obj_t *globals, int level)
{
    gp_obj_t *pkg = globals ? gp_dict_getitem_str(globals, "__package__")
                            : NULL;
    gp_obj_t *base;
    if (pkg && pkg != GP_NONE && GP_STR_CHECK(pkg)) {
        base = gp_newref(pkg);
    } else {
        gp_obj_t *nm = globals ? gp_dict_getitem_str(globals, "__name__")
                               : NULL;
        if (!nm || !GP_STR_CHECK(nm))
            goto noparent;
        if (gp_dict_getitem_str(globals, "__path__")) {
            base = gp_newref(nm);
        } else {
            gp_ssize_t dot = rfind_dot(nm);
            base = dot < 0 ? gp_str_empty() : gp_str_substring(nm, 0, dot);
        }
    }
    if (!base)
        return NULL;
    if (GP_SIZE(base) == 0) {
        GP_DECREF(base);
        goto noparent;
    }
    for (int i = 1; i < level; i++) {
        gp_ssize_t dot = rfind_dot(base);
        if (dot < 0) {
            GP_DECREF(base);
            gp_err_set_str(&gp_exc_ImportError,
                "attempted relative import beyond top-level package");
            return NULL;
        }
        GP_SETREF(base, gp_str_substring(base, 0, dot));
        if (!base)
            return NULL;
    }
    return base;
noparent:
    gp_err_set_str(&gp_exc_ImportError,
                   "attempted relative import with no known parent package");
    return NULL;
}

/* from package import name: a submodule that is not an attribute yet is
** imported (and a missing one is not an error here: IMPORT_FROM reports
** "cannot import name"). */
static int import_fromlist(gp_obj_t *m, gp_obj_t *fromlist)
{
    gp_obj_t *path = gp_getattr_str(m, "__path__");
    if (!path) {
        gp_err_clear();
        return 0;               /* not a package */
    }
    GP_DECREF(path);
    gp_obj_t *seq = gp_sequence_tuple(fromlist);
    if (!seq)
        return -1;
    gp_obj_t *mname = gp_getattr_str(m, "__name__");
    int rc = mname ? 0 : -1;
    for (gp_ssize_t i = 0; rc == 0 && i < GP_SIZE(seq); i++) {
        gp_obj_t *item = GP_TUPLE_GET(seq, i);
        if (!GP_STR_CHECK(item) || gp_str_eq_cstr(item, "*"))
            continue;
        gp_obj_t *has = gp_getattr(m, item);
        if (has) {
            GP_DECREF(has);
            continue;
        }
        gp_err_clear();
        gp_obj_t *full = gp_str_fromformat("%U.%U", mname, item);
        gp_obj_t *sub = full ? import_dotted(full) : NULL;
        GP_XDECREF(full);
        if (sub)
            GP_DECREF(sub);
        else if (gp_err_matches(&gp_exc_ModuleNotFoundError))
            gp_err_clear();
        else
            rc = -1;
    }
    GP_XDECREF(mname);
    GP_DECREF(seq);
    return rc;
}

gp_obj_t *gp_import_name(gp_obj_t *name, gp_obj_t *globals,
                         gp_obj_t *fromlist, int level)
{
    if (!GP_STR_CHECK(name)) {
        return gp_err_format(&gp_exc_TypeError,
                             "module name must be str, not %s",
                             GP_TYPE(name)->name);
    }
    if (level < 0) {
        gp_err_set_str(&gp_exc_ValueError, "level must be >= 0");
        return NULL;
    }
    gp_obj_t *full;
    if (level > 0) {
        gp_obj_t *base = resolve_package(globals, level);
        if (!base)
            return NULL;
        full = GP_SIZE(name) ? gp_str_fromformat("%U.%U", base, name)
                             : gp_newref(base);
        GP_DECREF(base);
        if (!full)
            return NULL;
    } else {
        if (GP_SIZE(name) == 0) {
            gp_err_set_str(&gp_exc_ValueError, "Empty module name");
            return NULL;
        }
        full = gp_newref(name);
    }
    gp_obj_t *m = import_dotted(full);
    if (!m) {
        GP_DECREF(full);
        return NULL;
    }
    int has_from = fromlist && fromlist != GP_NONE;
    if (has_from) {
        int t = gp_is_true(fromlist);
        if (t < 0)
            goto fail;
        has_from = t;
    }
    if (has_from) {
        if (import_fromlist(m, fromlist) < 0)
            goto fail;
        GP_DECREF(full);
        return m;
    }
    /* `import a.b.c` binds a: the top of what was named. */
    gp_ssize_t dot = gp_str_find_char(name, '.', 0, GP_SIZE(name));
    if (level == 0 && dot >= 0) {
        gp_obj_t *top = gp_str_substring(name, 0, dot);
        GP_DECREF(m);
        m = top ? gp_dict_getitem(gp_icur()->modules, top) : NULL;
        GP_XDECREF(top);
        if (!m) {
            GP_DECREF(full);
            return NULL;
        }
        GP_INCREF(m);
    }
    GP_DECREF(full);
    return m;
fail:
    GP_DECREF(m);
    GP_DECREF(full);
    return NULL;
}

gp_obj_t *gp_import_cstr(const char *name)
{
    gp_obj_t *n = gp_str_from_cstr(name);
    if (!n)
        return NULL;
    gp_obj_t *m = gp_import_name(n, NULL, NULL, 0);
    GP_DECREF(n);
    if (m && strchr(name, '.')) {
        GP_DECREF(m);
        m = gp_dict_getitem_str(gp_icur()->modules, name);
        GP_XINCREF(m);
    }
    return m;
}
