/*
** errors.c — the current exception of a thread (gp_thread_t.exc): raising
** with implicit __context__ chaining, testing, fetching, and printing the
** way CPython 3.11's top level does (chained exceptions first, then the
** traceback and "Type: message"; SyntaxError with its caret line).
** Guard: the GIL; every function touches only the calling thread's state.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/errors.h"
#include "vm/state.h"
#include "vm/traceback.h"
#include "vm/ceval.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
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
            exc = gp_call_noargs((gp_obj_t *)type);
        else if (GP_TUPLE_CHECK(keep))
            exc = gp_call((gp_obj_t *)type, keep, NULL);
        else
            exc = gp_call_one((gp_obj_t *)type, keep);
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

/* The SyntaxError block: '  File "f", line N', the text, the carets. */
static void syntax_lines(out_t *o, gp_obj_t *exc)
{
    gp_obj_t *fn = attr(exc, "filename"), *ln = attr(exc, "lineno");
    gp_obj_t *text = attr(exc, "text"), *off = attr(exc, "offset");
    gp_obj_t *eoff = attr(exc, "end_offset"), *eln = attr(exc, "end_lineno");
    if (fn && ln && fn != GP_NONE && ln != GP_NONE) {
        gp_obj_t *s = gp_str_fromformat("  File \"%S\", line %S\n", fn, ln);
        put(o, s);
        GP_XDECREF(s);
    }
    if (text && GP_STR_CHECK(text)) {
        /* The line without its leading blanks; carets shift with it. */
        gp_ssize_t n = GP_SIZE(text), start = 0, end = n;
        while (start < n && (gp_str_read(text, start) == ' ' ||
               gp_str_read(text, start) == '\t' ||
               gp_str_read(text, start) == '\f'))
            start++;
        while (end > start && (gp_str_read(text, end - 1) == '\n' ||
               gp_str_read(text, end - 1) == '\r'))
            end--;
        gp_obj_t *line = gp_str_substring(text, start, end);
        gp_obj_t *s = line ? gp_str_fromformat("    %U\n", line) : NULL;
        put(o, s);
        GP_XDECREF(s);
        GP_XDECREF(line);
        int ok = 0;
        int64_t a = off && GP_TYPE_CHECK_FAST(off, GP_TPFLAGS_INT_SUBCLASS)
                    ? gp_int_as_i64_overflow(off, &ok) : -1;
        int64_t b = eoff && GP_TYPE_CHECK_FAST(eoff, GP_TPFLAGS_INT_SUBCLASS)
                    ? gp_int_as_i64_overflow(eoff, &ok) : -1;
        int same_line = !eln || eln == GP_NONE || !ln ||
                        gp_richcompare_bool(eln, ln, GP_EQ) == 1;
        gp_err_clear();
        if (a >= 1) {
            int64_t col = a - 1 - start;
            int64_t width = same_line && b > a ? b - a : 1;
            if (col < 0)
                col = 0;
            if (col > end - start)
                col = end - start;
            if (col + width > end - start + 1)
                width = end - start + 1 - col;
            if (width < 1)
                width = 1;
            gp_strbuf_t sb;
            gp_strbuf_init(&sb);
            gp_strbuf_cstr(&sb, "    ");
            for (int64_t i = 0; i < col; i++) {
                uint32_t c = gp_str_read(text, start + i);
                gp_strbuf_char(&sb, c == '\t' || c == '\f' ? c : ' ');
            }
            for (int64_t i = 0; i < width; i++)
                gp_strbuf_char(&sb, '^');
            gp_strbuf_char(&sb, '\n');
            gp_obj_t *carets = gp_strbuf_finish(&sb);
            put(o, carets);
            GP_XDECREF(carets);
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
        if (gp_tb_print(tb, o->file ? o->file : GP_NONE) < 0)
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

void gp_err_print(void)
{
    gp_obj_t *exc = gp_err_fetch();
    if (!exc)
        return;
    gp_interp_t *in = gp_icur();
    gp_obj_t *hook = gp_dict_getitem(in->sysdict, GP_ID(excepthook));
    if (hook) {
        gp_obj_t *tb = gp_exc_get_traceback(exc);
        gp_obj_t *r = gp_call_args(hook, 3, (gp_obj_t *)GP_TYPE(exc), exc,
                                   tb ? tb : GP_NONE);
        if (r) {
            GP_DECREF(r);
            GP_DECREF(exc);
            return;
        }
        gp_err_clear();
    }
    gp_err_display(exc);
    GP_DECREF(exc);
}

void gp_err_write_unraisable(gp_obj_t *obj)
{
    gp_obj_t *exc = gp_err_fetch();
    if (!exc)
        return;
    gp_thread_t *t = gp_tcur();
    out_t o = {NULL};
    gp_obj_t *f = t->interp->sysdict
                  ? gp_dict_getitem(t->interp->sysdict, GP_ID(stderr)) : NULL;
    if (f && f != GP_NONE)
        o.file = f;
    if (obj) {
        gp_obj_t *r = gp_repr(obj);
        if (!r) {
            gp_err_clear();
            r = gp_str_from_cstr("<object repr() failed>");
        }
        gp_obj_t *s = r ? gp_str_fromformat("Exception ignored in: %U\n", r)
                        : NULL;
        put(&o, s);
        GP_XDECREF(s);
        GP_XDECREF(r);
    }
    display_one(&o, exc);
    flush_out(&o);
    GP_DECREF(exc);
    gp_err_clear();
}
