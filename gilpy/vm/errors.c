/*
** errors.c — the current exception of a thread (gp_thread_t.exc): raising
** with implicit __context__ chaining, testing, fetching, and printing the
** way CPython 3.11's top level does (chained exceptions first, then the
** traceback and "Type: message"; SyntaxError with its caret line).
** Guard: the GIL; every function touches only the calling thread's state.
*/
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/errors.h"
#include "vm/state.h"
#include "vm/traceback.h"
#include "vm/ceval.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/setobj.h"
#include "objects/strobj.h"

/* ---- setting ------------------------------------------------------------- */

gp_obj_t *gp_err_handled(void)
{
    gp_excinfo_t *ei = gp_tcur()->exc_info;
    while (ei && (!ei->exc || ei->exc == GP_NONE) && ei->prev)
        ei = ei->prev;
    return ei ? ei->exc : NULL;
}

/* Chain `exc` to the exception being handled, without making a cycle
** (CPython's _PyErr_SetObject). */
static void chain_context(gp_obj_t *exc)
{
    gp_obj_t *h = gp_err_handled();
    if (!h || h == GP_NONE || h == exc)
        return;
    /* Cut exc out of h's context chain if it is there already. */
    gp_obj_t *o = h;
    int steps = 0;
    for (;;) {
        gp_obj_t *ctx = ((gp_exc_obj_t *)o)->context;
        if (!ctx)
            break;
        if (ctx == exc) {
            gp_exc_set_context(o, NULL);
            break;
        }
        o = ctx;
        if (++steps > 10000)
            break;
    }
    gp_exc_set_context(exc, gp_newref(h));
}

void gp_err_restore(gp_obj_t *exc)
{
    gp_thread_t *t = gp_tcur();
    gp_obj_t *old = t->exc;
    t->exc = exc;
    GP_XDECREF(old);
}

void gp_err_set(gp_type_t *type, gp_obj_t *value)
{
    gp_obj_t *exc;
    if (value && GP_IS_EXC_INSTANCE(value) &&
        gp_type_is_subtype(GP_TYPE(value), type)) {
        exc = gp_newref(value);
    } else {
        gp_obj_t *keep = value ? gp_newref(value) : NULL;
        if (!keep)
            exc = gp_exc_create(type, NULL, 0);
        else if (GP_TUPLE_CHECK(keep))
            exc = gp_exc_create(type, GP_TUPLE_ITEMS(keep), GP_SIZE(keep));
        else
            exc = gp_exc_create(type, &keep, 1);
        GP_XDECREF(keep);
        if (!exc)
            return;             /* the constructor's error stands */
        if (!GP_IS_EXC_INSTANCE(exc)) {
            GP_DECREF(exc);
            gp_err_format(&gp_exc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %s", (gp_obj_t *)type,
                          gp_type_name_cstr(GP_TYPE(exc)));
            return;
        }
    }
    chain_context(exc);
    gp_err_restore(exc);
}

void gp_err_set_none(gp_type_t *type)
{
    gp_err_set(type, NULL);
}

void gp_err_set_str(gp_type_t *type, const char *msg)
{
    gp_obj_t *s = gp_str_from_cstr(msg);
    if (!s)
        return;
    gp_err_set(type, s);
    GP_DECREF(s);
}

gp_obj_t *gp_err_format(gp_type_t *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gp_obj_t *s = gp_str_fromformatv(fmt, ap);
    va_end(ap);
    if (s) {
        gp_err_set(type, s);
        GP_DECREF(s);
    }
    return NULL;
}

gp_obj_t *gp_err_nomemory(void)
{
    gp_err_set_none(&gp_exc_MemoryError);
    return NULL;
}

gp_obj_t *gp_err_from_errno(gp_type_t *base, gp_obj_t *filename)
{
    int e = errno;
    if (e == EINTR) {
        /* a signal handler may have raised already */
        if (gp_eval_poll() < 0)
            return NULL;
    }
    gp_obj_t *en = gp_int_from_i64(e);
    gp_obj_t *msg = gp_str_from_cstr(strerror(e));
    gp_obj_t *args = NULL;
    if (en && msg)
        args = filename ? gp_tuple_pack(3, en, msg, filename)
                        : gp_tuple_pack(2, en, msg);
    GP_XDECREF(en);
    GP_XDECREF(msg);
    if (args) {
        gp_obj_t *exc = gp_call((gp_obj_t *)base, args, NULL);
        GP_DECREF(args);
        if (exc)
            gp_err_set(GP_TYPE(exc), exc);
        GP_XDECREF(exc);
    }
    return NULL;
}

gp_obj_t *gp_err_badinternalcall(const char *where)
{
    gp_err_format(&gp_exc_SystemError, "%s: bad argument to internal "
                  "function", where ? where : "?");
    return NULL;
}

void gp_err_syntax(gp_type_t *type, const char *msg, gp_obj_t *filename,
                   int lineno, int offset, int end_lineno, int end_offset,
                   const char *text)
{
    gp_obj_t *m = gp_str_from_cstr(msg);
    gp_obj_t *ln = gp_int_from_i64(lineno);
    gp_obj_t *of = offset >= 0 || 1 ? gp_int_from_i64(offset) : NULL;
    gp_obj_t *eln = end_lineno > 0 ? gp_int_from_i64(end_lineno)
                                   : gp_newref(GP_NONE);
    gp_obj_t *eof = end_lineno > 0 ? gp_int_from_i64(end_offset)
                                   : gp_newref(GP_NONE);
    gp_obj_t *tx = text ? gp_str_from_utf8_sp(text, (gp_ssize_t)strlen(text))
                        : gp_newref(GP_NONE);
    if (!tx) {
        gp_err_clear();
        tx = gp_str_from_latin1(text, (gp_ssize_t)strlen(text));
    }
    gp_obj_t *info = NULL, *args = NULL;
    if (m && ln && of && eln && eof && tx) {
        info = gp_tuple_pack(6, filename ? filename : GP_NONE, ln, of, tx,
                             eln, eof);
        args = info ? gp_tuple_pack(2, m, info) : NULL;
    }
    GP_XDECREF(m);
    GP_XDECREF(ln);
    GP_XDECREF(of);
    GP_XDECREF(eln);
    GP_XDECREF(eof);
    GP_XDECREF(tx);
    GP_XDECREF(info);
    if (args) {
        gp_obj_t *exc = gp_call((gp_obj_t *)type, args, NULL);
        GP_DECREF(args);
        if (exc) {
            gp_err_set(type, exc);
            GP_DECREF(exc);
        }
    }
}

/* ---- testing and taking -------------------------------------------------- */

gp_obj_t *gp_err_occurred(void)
{
    return gp_tcur()->exc;
}

int gp_err_given_matches(gp_obj_t *exc, gp_obj_t *type)
{
    if (!exc || !type)
        return 0;
    if (GP_TUPLE_CHECK(type)) {
        for (gp_ssize_t i = 0; i < GP_SIZE(type); i++)
            if (gp_err_given_matches(exc, GP_TUPLE_GET(type, i)))
                return 1;
        return 0;
    }
    gp_type_t *et = GP_TYPE_CHECK_FAST(exc, GP_TPFLAGS_TYPE_SUBCLASS)
                    ? (gp_type_t *)exc : GP_TYPE(exc);
    if (!GP_TYPE_CHECK_FAST(type, GP_TPFLAGS_TYPE_SUBCLASS))
        return exc == type;
    return gp_type_is_subtype(et, (gp_type_t *)type);
}

int gp_err_matches(gp_type_t *type)
{
    gp_obj_t *e = gp_tcur()->exc;
    return e && gp_type_is_subtype(GP_TYPE(e), type);
}

gp_obj_t *gp_err_fetch(void)
{
    gp_thread_t *t = gp_tcur();
    gp_obj_t *e = t->exc;
    t->exc = NULL;
    return e;
}

void gp_err_clear(void)
{
    gp_thread_t *t = gp_tcur();
    GP_CLEAR(t->exc);
}

/* ---- display ------------------------------------------------------------- */

/* A file-like object over C stderr, for when sys.stderr is missing or
** broken (start-up, teardown), so tracebacks still print. */
static gp_obj_t *cerr_write(gp_obj_t *self, gp_obj_t *s)
{
    if (!GP_STR_CHECK(s))
        return gp_err_format(&gp_exc_TypeError, "write() argument must be "
                             "str, not %s", gp_type_name_cstr(GP_TYPE(s)));
    gp_ssize_t n;
    const char *u = gp_str_utf8_sp(s, &n);
    if (!u)
        return NULL;
    fwrite(u, 1, (size_t)n, stderr);
    return gp_int_from_ssize(GP_SIZE(s));
}

static gp_obj_t *cerr_flush(gp_obj_t *self, gp_obj_t *unused)
{
    fflush(stderr);
    GP_RETURN_NONE;
}

static gp_methoddef_t cerr_methods[] = {
    {"write", cerr_write, GP_METH_O, NULL},
    {"flush", cerr_flush, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t cerr_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "_c_stderr",
    .basicsize = sizeof(gp_obj_t),
    .methods = cerr_methods,
    .getattro = gp_generic_getattr,
};

static gp_obj_t cerr_obj = GP_OBJ_HEAD_INIT(&cerr_type);

static gp_obj_t *cerr(void)
{
    return cerr_type.flags & GP_TPFLAGS_READY ? &cerr_obj : GP_NONE;
}

/* Where error output goes: sys.stderr's write(), else C stderr. */
typedef struct {
    gp_obj_t *file;             /* borrowed, or NULL */
} out_t;

static void put(out_t *o, gp_obj_t *s)
{
    if (!s)
        return;
    if (o->file) {
        gp_obj_t *saved = gp_err_fetch();
        gp_obj_t *r = gp_call_method(o->file, GP_ID(write), 1, s);
        if (r) {
            GP_DECREF(r);
        } else {
            gp_err_clear();
            o->file = NULL;
        }
        gp_err_restore(saved);
        if (o->file)
            return;
    }
    gp_ssize_t n;
    const char *u = gp_str_utf8_sp(s, &n);
    if (u)
        fwrite(u, 1, (size_t)n, stderr);
    else
        gp_err_clear();
}

static void putc_str(out_t *o, const char *s)
{
    gp_obj_t *x = gp_str_from_cstr(s);
    if (x) {
        put(o, x);
        GP_DECREF(x);
    } else {
        gp_err_clear();
    }
}

static void flush_out(out_t *o)
{
    if (o->file) {
        gp_obj_t *saved = gp_err_fetch();
        gp_obj_t *r = gp_call_method(o->file, GP_ID(flush), 0);
        if (r)
            GP_DECREF(r);
        else
            gp_err_clear();
        gp_err_restore(saved);
    } else {
        fflush(stderr);
    }
}

/* "mod.Name" unless the class is a builtin or from __main__ ... CPython
** prints the module except for builtins and __main__. */
static gp_obj_t *exc_type_name(gp_type_t *t)
{
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE))
        return gp_str_from_cstr(gp_type_name_cstr(t));
    gp_obj_t *mod = gp_dict_getitem(t->dict, GP_ID(__module__));
    if (!mod || !GP_STR_CHECK(mod) || gp_str_eq_cstr(mod, "builtins") ||
        gp_str_eq_cstr(mod, "__main__"))
        return gp_newref(t->ht_qualname);
    return gp_str_fromformat("%U.%U", mod, t->ht_qualname);
}

static gp_obj_t *attr(gp_obj_t *o, const char *name)
{
    gp_obj_t *v = gp_getattr_str(o, name);
    if (!v)
        gp_err_clear();
    return v;
}

/* An int attribute as a C integer; `none` when it is None, missing or
** not an int. */
static int64_t int_attr(gp_obj_t *v, int64_t none)
{
    if (!v || !GP_TYPE_CHECK_FAST(v, GP_TPFLAGS_INT_SUBCLASS))
        return none;
    int ov = 0;
    int64_t r = gp_int_as_i64_overflow(v, &ov);
    if (ov) {
        gp_err_clear();
        return none;
    }
    return r;
}

/* The source line and its carets, as CPython 3.11 prints them: leading
** blanks stripped (the offset moves with them), only the line the offset
** falls in when text holds several, the offset clipped to the line, no
** carets when it points left of the text; one '^' unless end_offset says
** more. */
static void error_text(out_t *o, gp_obj_t *text, int64_t offset,
                       int64_t end_offset)
{
    int64_t reps = end_offset > 0 && end_offset > offset
                   ? end_offset - offset : 1;
    gp_ssize_t n = GP_SIZE(text), start = 0;
    offset--;
    while (start < n && (gp_str_read(text, start) == ' ' ||
                         gp_str_read(text, start) == '\t' ||
                         gp_str_read(text, start) == '\f')) {
        start++;
        offset--;
    }
    gp_ssize_t len = n - start;
    if (len > 0 && gp_str_read(text, n - 1) == '\n')
        len--;
    if (offset > len)
        offset = len;
    for (;;) {
        gp_ssize_t nl = -1;
        for (gp_ssize_t i = start; i < n; i++)
            if (gp_str_read(text, i) == '\n') {
                nl = i - start;
                break;
            }
        if (nl < 0 || nl >= offset)
            break;
        nl++;
        start += nl;
        len -= nl;
        offset -= nl;
    }
    gp_strbuf_t sb;
    gp_strbuf_init(&sb);
    gp_strbuf_cstr(&sb, "    ");
    gp_strbuf_substr(&sb, text, start, n);
    if (start + len >= n || gp_str_read(text, start + len) != '\n')
        gp_strbuf_char(&sb, '\n');
    if (offset >= 0) {
        gp_strbuf_cstr(&sb, "    ");
        for (int64_t i = 0; i < offset; i++)
            gp_strbuf_char(&sb, ' ');
        for (int64_t i = 0; i < reps; i++)
            gp_strbuf_char(&sb, '^');
        gp_strbuf_char(&sb, '\n');
    }
    gp_obj_t *s = gp_strbuf_finish(&sb);
    if (s) {
        put(o, s);
        GP_DECREF(s);
    } else {
        gp_err_clear();
    }
}

/* The SyntaxError block: '  File "f", line N', the text, the carets.
** Nothing when lineno is not an int (CPython then prints the message
** alone). */
static void syntax_lines(out_t *o, gp_obj_t *exc)
{
    gp_obj_t *fn = attr(exc, "filename"), *ln = attr(exc, "lineno");
    gp_obj_t *text = attr(exc, "text"), *off = attr(exc, "offset");
    gp_obj_t *eoff = attr(exc, "end_offset"), *eln = attr(exc, "end_lineno");
    int64_t lineno = int_attr(ln, INT64_MIN);
    if (fn && lineno != INT64_MIN) {
        gp_obj_t *s = fn == GP_NONE
            ? gp_str_fromformat("  File \"<string>\", line %lld\n",
                                (long long)lineno)
            : gp_str_fromformat("  File \"%S\", line %lld\n", fn,
                                (long long)lineno);
        if (s) {
            put(o, s);
            GP_DECREF(s);
        } else {
            gp_err_clear();
        }
        if (text && GP_STR_CHECK(text)) {
            int64_t offset = int_attr(off, -1);
            int64_t end_offset = int_attr(eoff, -1);
            int64_t end_lineno = int_attr(eln, lineno);
            int64_t size = GP_SIZE(text);
            if (end_lineno > lineno)
                end_offset = size;
            if (end_offset > size + 1)
                end_offset = size + 1;
            error_text(o, text, offset, end_offset);
        }
    }
    GP_XDECREF(fn);
    GP_XDECREF(ln);
    GP_XDECREF(text);
    GP_XDECREF(off);
    GP_XDECREF(eoff);
    GP_XDECREF(eln);
}

static void display_one(out_t *o, gp_obj_t *exc)
{
    gp_obj_t *tb = gp_exc_get_traceback(exc);
    if (tb) {
        flush_out(o);
        gp_obj_t *saved = gp_err_fetch();
        if (gp_tb_print(tb, o->file ? o->file : cerr()) < 0)
            gp_err_clear();
        gp_err_restore(saved);
    }
    int syntax = GP_ISINSTANCE_OF(exc, &gp_exc_SyntaxError);
    if (syntax)
        syntax_lines(o, exc);
    gp_obj_t *name = exc_type_name(GP_TYPE(exc));
    gp_obj_t *msg = syntax ? attr(exc, "msg") : NULL;
    if (msg && msg != GP_NONE) {
        gp_obj_t *m2 = gp_str(msg);
        GP_SETREF(msg, m2);
    } else {
        GP_XDECREF(msg);
        msg = gp_str(exc);
    }
    if (!msg) {
        gp_err_clear();
        gp_obj_t *s = gp_str_fromformat("%U: <exception str() failed>\n",
                                        name);
        put(o, s);
        GP_XDECREF(s);
    } else if (GP_SIZE(msg) == 0) {
        gp_obj_t *s = gp_str_fromformat("%U\n", name);
        put(o, s);
        GP_XDECREF(s);
    } else {
        gp_obj_t *s = gp_str_fromformat("%U: %U\n", name, msg);
        put(o, s);
        GP_XDECREF(s);
    }
    GP_XDECREF(msg);
    GP_XDECREF(name);
    /* 3.11 notes: one per line after the message */
    gp_obj_t **dp = gp_object_dictptr(exc);
    gp_obj_t *notes = dp && *dp ? gp_dict_getitem_str(*dp, "__notes__")
                                : NULL;
    if (notes && GP_LIST_CHECK(notes)) {
        for (gp_ssize_t i = 0; i < GP_SIZE(notes); i++) {
            gp_obj_t *s = gp_str(GP_LIST_GET(notes, i));
            if (s) {
                put(o, s);
                putc_str(o, "\n");
                GP_DECREF(s);
            } else {
                gp_err_clear();
            }
        }
    }
}

static void display_chain(out_t *o, gp_obj_t *exc, gp_obj_t *seen, int depth)
{
    if (seen) {
        gp_obj_t *id = gp_int_from_ptr(exc);
        if (id) {
            gp_set_add(seen, id);
            GP_DECREF(id);
        }
        gp_err_clear();
    }
    gp_exc_obj_t *e = (gp_exc_obj_t *)exc;
    if (seen && depth < 100) {
        gp_obj_t *cause = e->cause, *ctx = e->context;
        if (cause) {
            gp_obj_t *id = gp_int_from_ptr(cause);
            if (id && gp_set_contains(seen, id) == 0) {
                display_chain(o, cause, seen, depth + 1);
                putc_str(o, "\nThe above exception was the direct cause of "
                         "the following exception:\n\n");
            }
            GP_XDECREF(id);
            gp_err_clear();
        } else if (ctx && !e->suppress_context) {
            gp_obj_t *id = gp_int_from_ptr(ctx);
            if (id && gp_set_contains(seen, id) == 0) {
                display_chain(o, ctx, seen, depth + 1);
                putc_str(o, "\nDuring handling of the above exception, "
                         "another exception occurred:\n\n");
            }
            GP_XDECREF(id);
            gp_err_clear();
        }
    }
    display_one(o, exc);
}

void gp_err_display(gp_obj_t *exc)
{
    gp_thread_t *t = gp_tcur();
    out_t o = {NULL};
    gp_obj_t *f = t->interp->sysdict
                  ? gp_dict_getitem(t->interp->sysdict, GP_ID(stderr)) : NULL;
    if (f && f != GP_NONE)
        o.file = f;
    gp_obj_t *saved = gp_err_fetch();
    gp_obj_t *seen = gp_set_new(NULL);
    if (!seen)
        gp_err_clear();
    display_chain(&o, exc, seen, 0);
    GP_XDECREF(seen);
    flush_out(&o);
    gp_err_restore(saved);
}

/* The exit status SystemExit(code) asks for: None -> 0, an int -> its
** value, anything else -> printed to stderr, 1. */
static int system_exit_status(gp_obj_t *exc)
{
    gp_obj_t *code = gp_getattr_str(exc, "code");
    if (!code) {
        gp_err_clear();
        return 1;
    }
    int status;
    if (code == GP_NONE) {
        status = 0;
    } else if (GP_TYPE_CHECK_FAST(code, GP_TPFLAGS_INT_SUBCLASS)) {
        int ov = 0;
        int64_t v = gp_int_as_i64_overflow(code, &ov);
        if (ov) {
            gp_err_clear();
            v = -1;
        }
        status = (int)v;
    } else {
        out_t o = {NULL};
        gp_interp_t *in = gp_icur();
        gp_obj_t *f = in->sysdict
                      ? gp_dict_getitem(in->sysdict, GP_ID(stderr)) : NULL;
        if (f && f != GP_NONE)
            o.file = f;
        gp_obj_t *s = gp_str(code);
        if (s) {
            put(&o, s);
            putc_str(&o, "\n");
            GP_DECREF(s);
        }
        flush_out(&o);
        gp_err_clear();
        status = 1;
    }
    GP_DECREF(code);
    return status;
}

/* Report a non-SystemExit exception through sys.excepthook, as
** PyErr_PrintEx: sys.last_type/last_value/last_traceback first. */
static void print_via_hook(gp_obj_t *exc)
{
    gp_interp_t *in = gp_icur();
    gp_obj_t *tb = gp_exc_get_traceback(exc);
    if (in->sysdict) {
        if (gp_dict_setitem_str(in->sysdict, "last_type",
                                (gp_obj_t *)GP_TYPE(exc)) < 0 ||
            gp_dict_setitem_str(in->sysdict, "last_value", exc) < 0 ||
            gp_dict_setitem_str(in->sysdict, "last_traceback",
                                tb ? tb : GP_NONE) < 0)
            gp_err_clear();
    }
    gp_obj_t *hook = in->sysdict
                     ? gp_dict_getitem(in->sysdict, GP_ID(excepthook)) : NULL;
    if (!hook || hook == GP_NONE) {
        fputs("sys.excepthook is missing\n", stderr);
        gp_err_display(exc);
        return;
    }
    gp_obj_t *r = gp_call_args(hook, 3, (gp_obj_t *)GP_TYPE(exc), exc,
                               tb ? tb : GP_NONE);
    if (r) {
        GP_DECREF(r);
        return;
    }
    gp_obj_t *e2 = gp_err_fetch();
    if (e2 && GP_ISINSTANCE_OF(e2, &gp_exc_SystemExit)) {
        /* sys.exit() inside the hook: that is the program's exit. */
        gp_err_restore(e2);
        return;
    }
    out_t o = {NULL};
    gp_obj_t *f = gp_dict_getitem(in->sysdict, GP_ID(stderr));
    if (f && f != GP_NONE)
        o.file = f;
    putc_str(&o, "Error in sys.excepthook:\n");
    if (e2)
        gp_err_display(e2);
    putc_str(&o, "\nOriginal exception was:\n");
    gp_err_display(exc);
    GP_XDECREF(e2);
}

int gp_err_print_exit(int *exit_code)
{
    gp_obj_t *exc = gp_err_fetch();
    *exit_code = 0;
    if (!exc)
        return 0;
    if (GP_ISINSTANCE_OF(exc, &gp_exc_SystemExit)) {
        *exit_code = system_exit_status(exc);
        GP_DECREF(exc);
        return 1;
    }
    *exit_code = 1;
    print_via_hook(exc);
    GP_DECREF(exc);
    exc = gp_err_fetch();
    if (exc && GP_ISINSTANCE_OF(exc, &gp_exc_SystemExit)) {
        *exit_code = system_exit_status(exc);
        GP_DECREF(exc);
        return 1;
    }
    GP_XDECREF(exc);
    return 0;
}

void gp_err_print(void)
{
    int status;
    if (gp_err_print_exit(&status)) {
        gp_interp_t *in = gp_icur();
        exit(gp_interp_finish(in, status));
    }
}

/* The default report of an unraisable exception (CPython 3.11's
** write_unraisable_exc_file): "<err_msg>: <repr(obj)>", the traceback,
** then "Type: str" -- always with ": " even when str is empty.  err_msg
** NULL means "Exception ignored in". */
static void write_unraisable_default(gp_obj_t *exc, gp_obj_t *err_msg,
                                     gp_obj_t *obj)
{
    gp_thread_t *t = gp_tcur();
    out_t o = {NULL};
    gp_obj_t *f = t->interp->sysdict
                  ? gp_dict_getitem(t->interp->sysdict, GP_ID(stderr)) : NULL;
    if (f && f != GP_NONE)
        o.file = f;
    int has_msg = err_msg && err_msg != GP_NONE;
    if (obj && obj != GP_NONE) {
        gp_obj_t *r = gp_repr(obj);
        if (!r) {
            gp_err_clear();
            r = gp_str_from_cstr("<object repr() failed>");
        }
        gp_obj_t *s = !r ? NULL : has_msg
            ? gp_str_fromformat("%S: %U\n", err_msg, r)
            : gp_str_fromformat("Exception ignored in: %U\n", r);
        put(&o, s);
        GP_XDECREF(s);
        GP_XDECREF(r);
        gp_err_clear();
    } else if (has_msg) {
        gp_obj_t *s = gp_str_fromformat("%S:\n", err_msg);
        put(&o, s);
        GP_XDECREF(s);
        gp_err_clear();
    }
    if (!exc || exc == GP_NONE) {
        flush_out(&o);
        return;
    }
    gp_obj_t *tb = gp_exc_get_traceback(exc);
    if (tb) {
        flush_out(&o);
        if (gp_tb_print(tb, o.file ? o.file : cerr()) < 0)
            gp_err_clear();
    }
    gp_obj_t *name = exc_type_name(GP_TYPE(exc));
    gp_obj_t *msg = gp_str(exc);
    if (!msg) {
        gp_err_clear();
        msg = gp_str_from_cstr("<exception str() failed>");
    }
    gp_obj_t *line = name && msg ? gp_str_fromformat("%U: %U\n", name, msg)
                                 : NULL;
    put(&o, line);
    GP_XDECREF(line);
    GP_XDECREF(name);
    GP_XDECREF(msg);
    flush_out(&o);
    gp_err_clear();
}

/* ---- sys.unraisablehook's argument ------------------------------------ */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *f[5];     /* exc_type, exc_value, exc_traceback, err_msg,
                           object */
} hookargs_t;

static void hookargs_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    for (int i = 0; i < 5; i++)
        GP_CLEAR(((hookargs_t *)o)->f[i]);
    gp_object_free(o);
}

static int hookargs_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    for (int i = 0; i < 5; i++)
        GP_VISIT(((hookargs_t *)o)->f[i]);
    return 0;
}

static int hookargs_clear(gp_obj_t *o)
{
    for (int i = 0; i < 5; i++)
        GP_CLEAR(((hookargs_t *)o)->f[i]);
    return 0;
}

static gp_obj_t *hookargs_get(gp_obj_t *o, void *c)
{
    gp_obj_t *v = ((hookargs_t *)o)->f[(intptr_t)c];
    return gp_newref(v ? v : GP_NONE);
}

static gp_getsetdef_t hookargs_getset[] = {
    {"exc_type", hookargs_get, NULL, NULL, (void *)0},
    {"exc_value", hookargs_get, NULL, NULL, (void *)1},
    {"exc_traceback", hookargs_get, NULL, NULL, (void *)2},
    {"err_msg", hookargs_get, NULL, NULL, (void *)3},
    {"object", hookargs_get, NULL, NULL, (void *)4},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_unraisable_hookargs_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "UnraisableHookArgs",
    .basicsize = sizeof(hookargs_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = hookargs_dealloc,
    .traverse = hookargs_traverse,
    .clear = hookargs_clear,
    .getset = hookargs_getset,
    .getattro = gp_generic_getattr,
};

static gp_obj_t *hookargs_new(gp_obj_t *exc, gp_obj_t *err_msg,
                              gp_obj_t *obj)
{
    hookargs_t *a = (hookargs_t *)gp_type_alloc(&gp_unraisable_hookargs_type,
                                                0);
    if (!a)
        return NULL;
    a->f[0] = gp_newref(exc ? (gp_obj_t *)GP_TYPE(exc) : GP_NONE);
    a->f[1] = gp_newref(exc ? exc : GP_NONE);
    gp_obj_t *tb = exc ? gp_exc_get_traceback(exc) : NULL;
    a->f[2] = gp_newref(tb ? tb : GP_NONE);
    a->f[3] = gp_newref(err_msg ? err_msg : GP_NONE);
    a->f[4] = gp_newref(obj ? obj : GP_NONE);
    gp_gc_track((gp_obj_t *)a);
    return (gp_obj_t *)a;
}

gp_obj_t *gp_sys_unraisablehook(gp_obj_t *module, gp_obj_t *args)
{
    gp_obj_t *v[5] = {NULL, NULL, NULL, NULL, NULL};
    static const char *const names[5] = {
        "exc_type", "exc_value", "exc_traceback", "err_msg", "object"
    };
    for (int i = 0; i < 5; i++) {
        v[i] = gp_getattr_str(args, names[i]);
        if (!v[i]) {
            for (int j = 0; j < i; j++)
                GP_DECREF(v[j]);
            return NULL;
        }
    }
    gp_obj_t *exc = GP_IS_EXC_INSTANCE(v[1]) ? v[1] : NULL;
    write_unraisable_default(exc, v[3], v[4]);
    for (int i = 0; i < 5; i++)
        GP_DECREF(v[i]);
    GP_RETURN_NONE;
}

void gp_err_write_unraisable_msg(const char *err_msg, gp_obj_t *obj)
{
    gp_obj_t *exc = gp_err_fetch();
    if (!exc)
        return;
    gp_thread_t *t = gp_tcur();
    gp_obj_t *msg = NULL;
    if (err_msg && !(msg = gp_str_from_cstr(err_msg)))
        gp_err_clear();
    gp_obj_t *hook = t->interp->sysdict
        ? gp_dict_getitem_str(t->interp->sysdict, "unraisablehook") : NULL;
    if (hook && hook != GP_NONE) {
        gp_obj_t *a = hookargs_new(exc, msg, obj);
        gp_obj_t *r = a ? gp_call_one(hook, a) : NULL;
        GP_XDECREF(a);
        if (r) {
            GP_DECREF(r);
        } else {
            /* The hook failed: report its error about the hook itself. */
            gp_obj_t *e2 = gp_err_fetch();
            gp_obj_t *m2 = gp_str_from_cstr(
                "Exception ignored in sys.unraisablehook");
            write_unraisable_default(e2, m2, hook);
            GP_XDECREF(m2);
            GP_XDECREF(e2);
        }
    } else {
        write_unraisable_default(exc, msg, obj);
    }
    GP_XDECREF(msg);
    GP_DECREF(exc);
    gp_err_clear();
}

void gp_err_write_unraisable(gp_obj_t *obj)
{
    gp_err_write_unraisable_msg(NULL, obj);
}

int gp_errors_init(void)
{
    if (gp_type_ready(&cerr_type) < 0 ||
        gp_type_ready(&gp_unraisable_hookargs_type) < 0)
        return -1;
    return 0;
}
