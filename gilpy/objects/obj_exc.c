/*
** obj_exc.c — the built-in exception types of GP_EXC_LIST (errors.h):
** one instance layout (gp_exc_obj_t) for all of them, with the extra
** attributes of some classes (SystemExit.code, StopIteration.value,
** OSError.errno/strerror/filename, SyntaxError's position, ImportError's
** name/path, the UnicodeError fields) kept in the instance __dict__ and
** set by each class's __init__.  __str__ follows CPython 3.11 per class.
** Guard: the GIL.
*/
#include <errno.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/bytesobj.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/traceback.h"

#define EXC(o) ((gp_exc_obj_t *)(o))

/* ---- BaseException ------------------------------------------------------ */

static gp_obj_t *exc_new(gp_type_t *t, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_exc_obj_t *e = (gp_exc_obj_t *)gp_type_alloc(t, 0);
    if (!e)
        return NULL;
    e->args = gp_tuple_from_array(args, nargs);
    gp_gc_track((gp_obj_t *)e);
    if (!e->args) {
        GP_DECREF(e);
        return NULL;
    }
    return (gp_obj_t *)e;
}

static int exc_init(gp_obj_t *self, gp_obj_t *const *args, gp_ssize_t nargs,
                    gp_obj_t *kwnames)
{
    if (kwnames && GP_SIZE(kwnames) && GP_TYPE(self)->init == exc_init) {
        gp_err_format(&gp_exc_TypeError,
                      "%s() takes no keyword arguments",
                      gp_type_name_cstr(GP_TYPE(self)));
        return -1;
    }
    gp_obj_t *a = gp_tuple_from_array(args, nargs);
    if (!a)
        return -1;
    GP_SETREF(EXC(self)->args, a);
    return 0;
}

static void exc_dealloc(gp_obj_t *o)
{
    gp_exc_obj_t *e = EXC(o);
    gp_gc_untrack(o);
    GP_XDECREF(e->dict);
    GP_XDECREF(e->args);
    GP_XDECREF(e->notes);
    GP_XDECREF(e->traceback);
    GP_XDECREF(e->context);
    GP_XDECREF(e->cause);
    gp_object_free(o);
}

static int exc_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_exc_obj_t *e = EXC(o);
    /* A class statement's subclass has the instance dict visited by the
    ** heap type's traverse already (obj_type.c); twice would make the
    ** collector count one reference as two. */
    if (!(GP_TYPE(o)->flags & GP_TPFLAGS_HEAPTYPE))
        GP_VISIT(e->dict);
    GP_VISIT(e->args);
    GP_VISIT(e->notes);
    GP_VISIT(e->traceback);
    GP_VISIT(e->context);
    GP_VISIT(e->cause);
    return 0;
}

static int exc_clear(gp_obj_t *o)
{
    gp_exc_obj_t *e = EXC(o);
    GP_CLEAR(e->dict);
    GP_CLEAR(e->args);
    GP_CLEAR(e->notes);
    GP_CLEAR(e->traceback);
    GP_CLEAR(e->context);
    GP_CLEAR(e->cause);
    return 0;
}

static gp_obj_t *exc_str(gp_obj_t *o)
{
    gp_obj_t *a = EXC(o)->args;
    if (!a || GP_SIZE(a) == 0)
        return gp_str_empty();
    if (GP_SIZE(a) == 1)
        return gp_str(GP_TUPLE_GET(a, 0));
    return gp_str(a);
}

static gp_obj_t *exc_repr(gp_obj_t *o)
{
    gp_obj_t *a = EXC(o)->args;
    const char *name = gp_type_name_cstr(GP_TYPE(o));
    if (!a || GP_SIZE(a) == 0)
        return gp_str_fromformat("%s()", name);
    if (GP_SIZE(a) == 1)
        return gp_str_fromformat("%s(%R)", name, GP_TUPLE_GET(a, 0));
    return gp_str_fromformat("%s%R", name, a);
}

static gp_obj_t *exc_get_args(gp_obj_t *o, void *c)
{
    gp_obj_t *a = EXC(o)->args;
    return a ? gp_newref(a) : gp_tuple_new(0);
}

static int exc_set_args(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "args may not be deleted");
        return -1;
    }
    gp_obj_t *t = gp_sequence_tuple(v);
    if (!t)
        return -1;
    GP_SETREF(EXC(o)->args, t);
    return 0;
}

static gp_obj_t *exc_get_tb(gp_obj_t *o, void *c)
{
    gp_obj_t *t = EXC(o)->traceback;
    return gp_newref(t ? t : GP_NONE);
}

static int exc_set_tb(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != GP_NONE && !GP_TB_CHECK(v)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__traceback__ must be a traceback or None");
        return -1;
    }
    GP_SETREF(EXC(o)->traceback, v == GP_NONE ? NULL : gp_newref(v));
    return 0;
}

static gp_obj_t *exc_get_context(gp_obj_t *o, void *c)
{
    gp_obj_t *x = EXC(o)->context;
    return gp_newref(x ? x : GP_NONE);
}

static int exc_set_context(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != GP_NONE && !GP_IS_EXC_INSTANCE(v)) {
        gp_err_set_str(&gp_exc_TypeError, "exception context must be None "
                       "or derive from BaseException");
        return -1;
    }
    GP_SETREF(EXC(o)->context, v == GP_NONE ? NULL : gp_newref(v));
    return 0;
}

static gp_obj_t *exc_get_cause(gp_obj_t *o, void *c)
{
    gp_obj_t *x = EXC(o)->cause;
    return gp_newref(x ? x : GP_NONE);
}

static int exc_set_cause(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != GP_NONE && !GP_IS_EXC_INSTANCE(v)) {
        gp_err_set_str(&gp_exc_TypeError, "exception cause must be None or "
                       "derive from BaseException");
        return -1;
    }
    GP_SETREF(EXC(o)->cause, v == GP_NONE ? NULL : gp_newref(v));
    EXC(o)->suppress_context = 1;
    return 0;
}

static gp_obj_t *exc_get_suppress(gp_obj_t *o, void *c)
{
    return gp_bool_from(EXC(o)->suppress_context);
}

static int exc_set_suppress(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__suppress_context__ may not be deleted");
        return -1;
    }
    int t = gp_is_true(v);
    if (t < 0)
        return -1;
    EXC(o)->suppress_context = (char)t;
    return 0;
}

static gp_obj_t *exc_get_dict(gp_obj_t *o, void *c)
{
    gp_exc_obj_t *e = EXC(o);
    if (!e->dict && !(e->dict = gp_dict_new()))
        return NULL;
    return gp_newref(e->dict);
}

static int exc_set_dict(gp_obj_t *o, gp_obj_t *v, void *c)
{
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!GP_TYPE_CHECK_FAST(v, GP_TPFLAGS_DICT_SUBCLASS)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__dict__ must be set to a dictionary");
        return -1;
    }
    GP_SETREF(EXC(o)->dict, gp_newref(v));
    return 0;
}

static gp_getsetdef_t exc_getset[] = {
    {"__dict__", exc_get_dict, exc_set_dict, NULL, NULL},
    {"args", exc_get_args, exc_set_args, NULL, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *exc_with_traceback(gp_obj_t *self, gp_obj_t *tb)
{
    if (exc_set_tb(self, tb, NULL) < 0)
        return NULL;
    return gp_newref(self);
}

static gp_obj_t *exc_add_note(gp_obj_t *self, gp_obj_t *note)
{
    if (!GP_STR_CHECK(note)) {
        return gp_err_format(&gp_exc_TypeError,
                             "note must be a str, not '%s'",
                             gp_type_name_cstr(GP_TYPE(note)));
    }
    gp_obj_t **dp = gp_object_dictptr(self);
    if (!*dp && !(*dp = gp_dict_new()))
        return NULL;
    gp_obj_t *notes = gp_dict_getitem_str(*dp, "__notes__");
    if (!notes) {
        notes = gp_list_new(0);
        if (!notes || gp_dict_setitem_str(*dp, "__notes__", notes) < 0) {
            GP_XDECREF(notes);
            return NULL;
        }
        GP_DECREF(notes);
    }
    if (gp_list_append(notes, note) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_methoddef_t exc_methods[] = {
    {"with_traceback", exc_with_traceback, GP_METH_O, NULL},
    {"add_note", exc_add_note, GP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the types ---------------------------------------------------------- */

#define GP_EXC_DEFINE(nm, bs) \
    gp_type_t gp_exc_##nm = { \
        .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0), \
        .name = #nm, \
        .basicsize = sizeof(gp_exc_obj_t), \
        .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_HAVE_GC | \
                 GP_TPFLAGS_BASE_EXC_SUBCLASS, \
        .dictoffset = offsetof(gp_exc_obj_t, dict), \
    };
GP_EXC_LIST(GP_EXC_DEFINE)
#undef GP_EXC_DEFINE

/* A field kept in the instance dict. */
static int set_field(gp_obj_t *self, const char *name, gp_obj_t *v)
{
    gp_obj_t **dp = gp_object_dictptr(self);
    if (!*dp && !(*dp = gp_dict_new()))
        return -1;
    return gp_dict_setitem_str(*dp, name, v ? v : GP_NONE);
}

static gp_obj_t *field(gp_obj_t *self, const char *name)
{
    gp_obj_t **dp = gp_object_dictptr(self);
    gp_obj_t *v = *dp ? gp_dict_getitem_str(*dp, name) : NULL;
    return v ? v : GP_NONE;
}

/* ---- SystemExit, StopIteration ------------------------------------------- */

static int first_arg_init(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames,
                          const char *name)
{
    if (exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    gp_obj_t *v = nargs == 0 ? gp_newref(GP_NONE)
                : nargs == 1 || !strcmp(name, "value")
                ? gp_newref(args[0]) : gp_newref(EXC(self)->args);
    int r = set_field(self, name, v);
    GP_DECREF(v);
    return r;
}

static int systemexit_init(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return first_arg_init(self, args, nargs, kwnames, "code");
}

static int stopiteration_init(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return first_arg_init(self, args, nargs, kwnames, "value");
}

gp_obj_t *gp_exc_stopiteration_value(gp_obj_t *exc)
{
    return gp_newref(field(exc, "value"));
}

/* ---- KeyError ---------------------------------------------------------- */

static gp_obj_t *keyerror_str(gp_obj_t *o)
{
    gp_obj_t *a = EXC(o)->args;
    if (a && GP_SIZE(a) == 1)
        return gp_repr(GP_TUPLE_GET(a, 0));
    return exc_str(o);
}

/* ---- ImportError, NameError, AttributeError ------------------------------ */

static int kw_fields_init(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames,
                          const char *const *allowed)
{
    gp_obj_t *a = gp_tuple_from_array(args, nargs);
    if (!a)
        return -1;
    GP_SETREF(EXC(self)->args, a);
    for (int i = 0; allowed[i]; i++)
        if (set_field(self, allowed[i], NULL) < 0)
            return -1;
    gp_ssize_t nk = kwnames ? GP_SIZE(kwnames) : 0;
    for (gp_ssize_t k = 0; k < nk; k++) {
        gp_obj_t *kn = GP_TUPLE_GET(kwnames, k);
        int ok = 0;
        for (int i = 0; allowed[i]; i++)
            if (gp_str_eq_cstr(kn, allowed[i]))
                ok = 1;
        if (!ok) {
            gp_err_format(&gp_exc_TypeError,
                          "'%U' is an invalid keyword argument for %s()", kn,
                          gp_type_name_cstr(GP_TYPE(self)));
            return -1;
        }
        if (set_field(self, gp_str_utf8(kn, NULL), args[nargs + k]) < 0)
            return -1;
    }
    return 0;
}

static int importerror_init(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const allowed[] = {"name", "path", NULL};
    if (kw_fields_init(self, args, nargs, kwnames, allowed) < 0)
        return -1;
    return set_field(self, "msg", nargs == 1 ? args[0] : NULL);
}

static gp_obj_t *importerror_str(gp_obj_t *o)
{
    gp_obj_t *msg = field(o, "msg");
    if (msg != GP_NONE)
        return gp_str(msg);
    return exc_str(o);
}

static int nameerror_init(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const allowed[] = {"name", NULL};
    return kw_fields_init(self, args, nargs, kwnames, allowed);
}

static int attributeerror_init(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const allowed[] = {"name", "obj", NULL};
    return kw_fields_init(self, args, nargs, kwnames, allowed);
}

/* ---- OSError ------------------------------------------------------------- */

static gp_type_t *errno_type(int e)
{
    switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
        return &gp_exc_BlockingIOError;
    case ECHILD: return &gp_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &gp_exc_BrokenPipeError;
    case ECONNABORTED: return &gp_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &gp_exc_ConnectionRefusedError;
    case ECONNRESET: return &gp_exc_ConnectionResetError;
    case EEXIST: return &gp_exc_FileExistsError;
    case ENOENT: return &gp_exc_FileNotFoundError;
    case EINTR: return &gp_exc_InterruptedError;
    case EISDIR: return &gp_exc_IsADirectoryError;
    case ENOTDIR: return &gp_exc_NotADirectoryError;
    case EACCES: case EPERM: return &gp_exc_PermissionError;
    case ESRCH: return &gp_exc_ProcessLookupError;
    case ETIMEDOUT: return &gp_exc_TimeoutError;
    default: return NULL;
    }
}

static gp_obj_t *oserror_new(gp_type_t *t, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    /* OSError(errno, ...) picks the subclass for the errno. */
    if (t == &gp_exc_OSError && nargs >= 2 &&
        GP_TYPE_CHECK_FAST(args[0], GP_TPFLAGS_INT_SUBCLASS)) {
        int ov = 0;
        int64_t e = gp_int_as_i64_overflow(args[0], &ov);
        gp_type_t *sub = ov ? NULL : errno_type((int)e);
        if (sub)
            t = sub;
    }
    return exc_new(t, args, nargs, kwnames);
}

static int oserror_init(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    gp_obj_t *en = NULL, *se = NULL, *fn = NULL, *fn2 = NULL;
    if (nargs >= 2 && nargs <= 5) {
        en = args[0];
        se = args[1];
        if (nargs >= 3)
            fn = args[2];
        if (nargs >= 5)
            fn2 = args[4];
        /* args keeps only (errno, strerror) when a filename is given */
        if (nargs >= 3) {
            gp_obj_t *a = gp_tuple_from_array(args, 2);
            if (!a)
                return -1;
            GP_SETREF(EXC(self)->args, a);
        }
    }
    if (set_field(self, "errno", en) < 0 ||
        set_field(self, "strerror", se) < 0 ||
        set_field(self, "filename", fn) < 0 ||
        set_field(self, "filename2", fn2) < 0)
        return -1;
    return 0;
}

static gp_obj_t *oserror_str(gp_obj_t *o)
{
    gp_obj_t *en = field(o, "errno"), *se = field(o, "strerror");
    gp_obj_t *fn = field(o, "filename"), *fn2 = field(o, "filename2");
    if (fn != GP_NONE && fn2 != GP_NONE)
        return gp_str_fromformat("[Errno %S] %S: %R -> %R", en, se, fn, fn2);
    if (fn != GP_NONE)
        return gp_str_fromformat("[Errno %S] %S: %R", en, se, fn);
    if (en != GP_NONE && se != GP_NONE)
        return gp_str_fromformat("[Errno %S] %S", en, se);
    return exc_str(o);
}

/* ---- SyntaxError ---------------------------------------------------------- */

static int syntaxerror_init(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    static const char *const names[] = {
        "filename", "lineno", "offset", "text", "end_lineno", "end_offset"
    };
    if (set_field(self, "msg", nargs >= 1 ? args[0] : NULL) < 0 ||
        set_field(self, "print_file_and_line", NULL) < 0)
        return -1;
    for (int i = 0; i < 6; i++)
        if (set_field(self, names[i], NULL) < 0)
            return -1;
    if (nargs == 2) {
        gp_obj_t *info = gp_sequence_tuple(args[1]);
        if (!info)
            return -1;
        gp_ssize_t n = GP_SIZE(info);
        if (n < 4 || n > 6) {
            GP_DECREF(info);
            gp_err_set_str(&gp_exc_IndexError, "tuple index out of range");
            return -1;
        }
        for (gp_ssize_t i = 0; i < n; i++)
            if (set_field(self, names[i], GP_TUPLE_GET(info, i)) < 0) {
                GP_DECREF(info);
                return -1;
            }
        GP_DECREF(info);
    }
    return 0;
}

static gp_obj_t *syntaxerror_str(gp_obj_t *o)
{
    gp_obj_t *msg = field(o, "msg");
    gp_obj_t *fn = field(o, "filename"), *ln = field(o, "lineno");
    gp_obj_t *m = gp_str(msg);
    if (!m)
        return NULL;
    const char *base = NULL;
    if (GP_STR_CHECK(fn)) {
        base = gp_str_utf8(fn, NULL);
        const char *slash = base ? strrchr(base, '/') : NULL;
        if (slash)
            base = slash + 1;
    }
    int have_line = GP_TYPE_CHECK_FAST(ln, GP_TPFLAGS_INT_SUBCLASS);
    gp_obj_t *r;
    if (base && have_line)
        r = gp_str_fromformat("%U (%s, line %S)", m, base, ln);
    else if (base)
        r = gp_str_fromformat("%U (%s)", m, base);
    else if (have_line)
        r = gp_str_fromformat("%U (line %S)", m, ln);
    else
        r = gp_newref(m);
    GP_DECREF(m);
    return r;
}

/* ---- UnicodeError ------------------------------------------------------- */

static int check_str_arg(gp_obj_t *v, int pos)
{
    if (GP_STR_CHECK(v))
        return 0;
    gp_err_format(&gp_exc_TypeError, "argument %d must be str, not %s", pos,
                  gp_type_name_cstr(GP_TYPE(v)));
    return -1;
}

static int check_int_arg(gp_obj_t *v)
{
    gp_ssize_t n = gp_number_as_ssize_t(v, NULL);
    return n == -1 && gp_err_occurred() ? -1 : 0;
}

/* UnicodeEncodeError / UnicodeDecodeError (encoding, object, start, end,
** reason) and UnicodeTranslateError (object, start, end, reason); a plain
** UnicodeError takes any arguments. */
static int unicodeerror_init(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    int decode = GP_ISINSTANCE_OF(self, &gp_exc_UnicodeDecodeError);
    int encode = GP_ISINSTANCE_OF(self, &gp_exc_UnicodeEncodeError);
    int translate = GP_ISINSTANCE_OF(self, &gp_exc_UnicodeTranslateError);
    if (!decode && !encode && !translate)
        return 0;
    gp_ssize_t want = translate ? 4 : 5;
    if (nargs != want) {
        gp_err_format(&gp_exc_TypeError, "function takes exactly %zd "
                      "arguments (%zd given)", want, nargs);
        return -1;
    }
    gp_obj_t *const *a = translate ? args - 1 : args;
    if (!translate && check_str_arg(a[0], 1) < 0)
        return -1;
    gp_obj_t *obj = gp_newref(a[1]);
    if (decode) {
        if (GP_BYTEARRAY_CHECK(obj)) {
            GP_SETREF(obj, gp_bytes_from(GP_BYTEARRAY_DATA(obj),
                                         GP_SIZE(obj)));
            if (!obj)
                return -1;
        } else if (!GP_BYTES_CHECK(obj)) {
            gp_err_format(&gp_exc_TypeError, "a bytes-like object is "
                          "required, not '%s'",
                          gp_type_name_cstr(GP_TYPE(obj)));
            GP_DECREF(obj);
            return -1;
        }
    } else if (check_str_arg(obj, translate ? 1 : 2) < 0) {
        GP_DECREF(obj);
        return -1;
    }
    if (check_int_arg(a[2]) < 0 || check_int_arg(a[3]) < 0 ||
        check_str_arg(a[4], translate ? 4 : 5) < 0) {
        GP_DECREF(obj);
        return -1;
    }
    int r = set_field(self, "encoding", translate ? NULL : a[0]);
    if (r == 0)
        r = set_field(self, "object", obj);
    GP_DECREF(obj);
    if (r == 0)
        r = set_field(self, "start", a[2]);
    if (r == 0)
        r = set_field(self, "end", a[3]);
    if (r == 0)
        r = set_field(self, "reason", a[4]);
    return r;
}

static gp_obj_t *unicodeerror_str(gp_obj_t *o)
{
    gp_obj_t *enc = field(o, "encoding"), *obj = field(o, "object");
    gp_obj_t *st = field(o, "start"), *en = field(o, "end");
    gp_obj_t *reason = field(o, "reason");
    if (reason == GP_NONE || st == GP_NONE || en == GP_NONE ||
        (!GP_ISINSTANCE_OF(o, &gp_exc_UnicodeTranslateError) &&
         !GP_STR_CHECK(enc)))
        return exc_str(o);
    gp_ssize_t s = gp_number_as_ssize_t(st, NULL);
    if (s == -1 && gp_err_occurred())
        return NULL;
    gp_ssize_t e = gp_number_as_ssize_t(en, NULL);
    if (e == -1 && gp_err_occurred())
        return NULL;
    gp_obj_t *rs = gp_str(reason);
    if (!rs)
        return NULL;
    gp_obj_t *r;
    if (GP_ISINSTANCE_OF(o, &gp_exc_UnicodeDecodeError)) {
        if (e == s + 1 && GP_BYTES_CHECK(obj) && s >= 0 && s < GP_SIZE(obj))
            r = gp_str_fromformat(
                "'%U' codec can't decode byte 0x%02x in position %zd: %U",
                enc, (unsigned)(unsigned char)GP_BYTES_DATA(obj)[s], s, rs);
        else
            r = gp_str_fromformat("'%U' codec can't decode bytes in position "
                                  "%zd-%zd: %U", enc, s, e - 1, rs);
    } else {
        int translate = GP_ISINSTANCE_OF(o, &gp_exc_UnicodeTranslateError);
        const char *head = translate ? "can't translate character"
                                     : "codec can't encode character";
        gp_obj_t *pre = translate ? gp_str_empty()
                                  : gp_str_fromformat("'%U' ", enc);
        if (!pre) {
            GP_DECREF(rs);
            return NULL;
        }
        if (e == s + 1 && GP_STR_CHECK(obj) && s >= 0 && s < GP_SIZE(obj)) {
            uint32_t c = gp_str_read(obj, s);
            const char *fmt = c < 0x100 ? "%U%s '\\x%02x' in position %zd: %U"
                            : c < 0x10000
                            ? "%U%s '\\u%04x' in position %zd: %U"
                            : "%U%s '\\U%08x' in position %zd: %U";
            r = gp_str_fromformat(fmt, pre, head, (unsigned)c, s, rs);
        } else {
            r = gp_str_fromformat("%U%ss in position %zd-%zd: %U", pre, head,
                                  s, e - 1, rs);
        }
        GP_DECREF(pre);
    }
    GP_DECREF(rs);
    return r;
}

/* ---- set-up ----------------------------------------------------------- */

int gp_obj_exc_init(void)
{
    gp_type_t *base = &gp_exc_BaseException;
    base->base = &gp_object_type;
    base->dealloc = exc_dealloc;
    base->repr = exc_repr;
    base->str = exc_str;
    base->new_ = exc_new;
    base->init = exc_init;
    base->traverse = exc_traverse;
    base->clear = exc_clear;
    base->getset = exc_getset;
    base->methods = exc_methods;
    base->setattro = gp_generic_setattr;
    base->getattro = gp_generic_getattr;
    /* gp_exc_NULL stands for "no base" in GP_EXC_LIST's first entry. */
#define gp_exc_NULL gp_object_type
#define GP_EXC_BASE(nm, bs) \
    if (&gp_exc_##nm != base) gp_exc_##nm.base = &gp_exc_##bs;
    GP_EXC_LIST(GP_EXC_BASE)
#undef GP_EXC_BASE
#undef gp_exc_NULL
    gp_exc_SystemExit.init = systemexit_init;
    gp_exc_StopIteration.init = stopiteration_init;
    gp_exc_KeyError.str = keyerror_str;
    gp_exc_ImportError.init = importerror_init;
    gp_exc_ImportError.str = importerror_str;
    gp_exc_NameError.init = nameerror_init;
    gp_exc_AttributeError.init = attributeerror_init;
    gp_exc_OSError.new_ = oserror_new;
    gp_exc_OSError.init = oserror_init;
    gp_exc_OSError.str = oserror_str;
    gp_exc_SyntaxError.init = syntaxerror_init;
    gp_exc_SyntaxError.str = syntaxerror_str;
    gp_exc_UnicodeError.init = unicodeerror_init;
    gp_exc_UnicodeError.str = unicodeerror_str;
#define GP_EXC_READY(nm, bs) \
    if (gp_type_ready(&gp_exc_##nm) < 0) return -1;
    GP_EXC_LIST(GP_EXC_READY)
#undef GP_EXC_READY
    return gp_errors_init();
}

/* ---- accessors ------------------------------------------------------------ */

gp_obj_t *gp_exc_get_args(gp_obj_t *exc)
{
    return EXC(exc)->args;
}

/* None given to the setters means "no exception": stored as NULL. */
static gp_obj_t *none_to_null(gp_obj_t *v)
{
    if (v == GP_NONE) {
        GP_DECREF(v);
        return NULL;
    }
    return v;
}

void gp_exc_set_context(gp_obj_t *exc, gp_obj_t *ctx)
{
    GP_SETREF(EXC(exc)->context, none_to_null(ctx));
}

void gp_exc_set_cause(gp_obj_t *exc, gp_obj_t *cause)
{
    GP_SETREF(EXC(exc)->cause, none_to_null(cause));
}

gp_obj_t *gp_exc_get_traceback(gp_obj_t *exc)
{
    return EXC(exc)->traceback;
}

void gp_exc_set_traceback(gp_obj_t *exc, gp_obj_t *tb)
{
    GP_SETREF(EXC(exc)->traceback, tb && tb != GP_NONE ? gp_newref(tb)
                                                       : NULL);
}

gp_obj_t *gp_exc_create(gp_type_t *t, gp_obj_t *const *args, gp_ssize_t n)
{
    /* Built-in classes: __new__ then __init__ directly, without the
    ** generic call (raising KeyError / StopIteration in a loop is common).
    ** Classes from Python go through type.__call__. */
    if (t->flags & GP_TPFLAGS_HEAPTYPE || !t->new_)
        return gp_vectorcall((gp_obj_t *)t, args, n, NULL);
    gp_obj_t *o = t->new_(t, args, n, NULL);
    if (!o || !GP_IS_EXC_INSTANCE(o) || !gp_type_is_subtype(GP_TYPE(o), t))
        return o;
    gp_init_fn init = GP_TYPE(o)->init;
    if (init && init != exc_init && init(o, args, n, NULL) < 0) {
        GP_DECREF(o);
        return NULL;
    }
    return o;
}
