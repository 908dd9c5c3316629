/*
** mod_builtins.c — the `builtins` module: print, len, min/max, sorted,
** exec/eval/compile, __build_class__, __import__ and the other built-in
** functions; the built-in types, constants and exception classes are
** added by its exec function.  Messages are CPython 3.11's.
** Guard: the GIL (input() gives it up while it waits for a line, inside
** the file object's readline).
*/
#include <stdlib.h>
#include <string.h>
#include "modules/mod_builtins.h"
#include "objects/abstract.h"
#include "objects/bytesobj.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/fileobj.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/rangeobj.h"
#include "objects/setobj.h"
#include "objects/strobj.h"
#include "compile/compile.h"
#include "vm/ceval.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/funcobj.h"
#include "vm/runtime.h"
#include "vm/state.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

/* ---- print, input ----------------------------------------------------- */

static gp_obj_t *sys_stream(gp_obj_t *id)
{
    gp_obj_t *sd = gp_icur()->sysdict;
    return sd ? gp_dict_getitem(sd, id) : NULL;     /* borrowed */
}

static int check_str_or_none(const char *what, gp_obj_t *v)
{
    if (v && v != GP_NONE && !GP_STR_CHECK(v)) {
        gp_err_format(&gp_exc_TypeError, "%s must be None or a string, not %s",
                      what, TNAME(v));
        return -1;
    }
    return 0;
}

static gp_obj_t *bi_print(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    gp_ssize_t nk = kwnames ? GP_SIZE(kwnames) : 0;
    for (gp_ssize_t i = 0; i < nk; i++) {
        gp_obj_t *k = GP_TUPLE_GET(kwnames, i), *v = args[nargs + i];
        if (gp_str_eq_cstr(k, "sep"))
            sep = v;
        else if (gp_str_eq_cstr(k, "end"))
            end = v;
        else if (gp_str_eq_cstr(k, "file"))
            file = v;
        else if (gp_str_eq_cstr(k, "flush"))
            flush = v;
        else
            return gp_err_format(&gp_exc_TypeError,
                                 "'%U' is an invalid keyword argument for "
                                 "print()", k);
    }
    if (!file || file == GP_NONE) {
        file = sys_stream(GP_ID(stdout));
        if (!file) {
            if (gp_err_occurred())
                return NULL;
            gp_err_set_str(&gp_exc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == GP_NONE)
            GP_RETURN_NONE;
    }
    if (check_str_or_none("sep", sep) < 0 || check_str_or_none("end", end) < 0)
        return NULL;
    if (sep == GP_NONE)
        sep = NULL;
    if (end == GP_NONE)
        end = NULL;
    GP_INCREF(file);
    gp_obj_t *write = gp_getattr(file, GP_ID(write));
    if (!write) {
        GP_DECREF(file);
        return NULL;
    }
    gp_obj_t *space = NULL, *nl = NULL;
    int ok = 0;
    for (gp_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            gp_obj_t *s = sep;
            if (!s)
                s = space ? space : (space = gp_str_from_cstr(" "));
            if (!s)
                goto fail;
            gp_obj_t *r = gp_call_one(write, s);
            if (!r)
                goto fail;
            GP_DECREF(r);
        }
        gp_obj_t *s = GP_STR_CHECK_EXACT(args[i]) ? gp_newref(args[i])
                                                  : gp_str(args[i]);
        if (!s)
            goto fail;
        gp_obj_t *r = gp_call_one(write, s);
        GP_DECREF(s);
        if (!r)
            goto fail;
        GP_DECREF(r);
    }
    {
        gp_obj_t *e = end ? end : (nl = gp_str_from_cstr("\n"));
        if (!e)
            goto fail;
        gp_obj_t *r = gp_call_one(write, e);
        if (!r)
            goto fail;
        GP_DECREF(r);
    }
    if (flush) {
        int f = gp_is_true(flush);
        if (f < 0)
            goto fail;
        if (f) {
            gp_obj_t *r = gp_call_method(file, GP_ID(flush), 0);
            if (!r)
                goto fail;
            GP_DECREF(r);
        }
    }
    ok = 1;
fail:
    GP_XDECREF(space);
    GP_XDECREF(nl);
    GP_DECREF(write);
    GP_DECREF(file);
    if (!ok)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *bi_input(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs)
{
    if (gp_arg_count("input", nargs, 0, 1) < 0)
        return NULL;
    gp_obj_t *in = sys_stream(GP_ID(stdin));
    gp_obj_t *out = sys_stream(GP_ID(stdout));
    gp_obj_t *err = sys_stream(GP_ID(stderr));
    if (!in || in == GP_NONE) {
        gp_err_set_str(&gp_exc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (!out || out == GP_NONE) {
        gp_err_set_str(&gp_exc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    GP_INCREF(in);
    GP_INCREF(out);
    if (err && err != GP_NONE) {
        gp_obj_t *r = gp_call_method(err, GP_ID(flush), 0);
        if (r)
            GP_DECREF(r);
        else
            gp_err_clear();
    }
    gp_obj_t *line = NULL;
    if (nargs == 1 && args[0] != GP_NONE) {
        gp_obj_t *p = gp_str(args[0]);
        if (!p)
            goto done;
        gp_obj_t *r = gp_call_method(out, GP_ID(write), 1, p);
        GP_DECREF(p);
        if (!r)
            goto done;
        GP_DECREF(r);
    }
    {
        gp_obj_t *r = gp_call_method(out, GP_ID(flush), 0);
        if (!r)
            goto done;
        GP_DECREF(r);
    }
    line = gp_call_method(in, GP_ID(readline), 0);
    if (!line)
        goto done;
    if (!GP_STR_CHECK(line)) {
        GP_CLEAR(line);
        gp_err_set_str(&gp_exc_TypeError, "object.readline() returned non-string");
        goto done;
    }
    gp_ssize_t n = GP_STR_LEN(line);
    if (n == 0) {
        GP_CLEAR(line);
        gp_err_set_str(&gp_exc_EOFError, "EOF when reading a line");
        goto done;
    }
    if (gp_str_read(line, n - 1) == '\n') {
        gp_obj_t *s = gp_str_substring(line, 0, n - 1);
        GP_DECREF(line);
        line = s;
    }
done:
    GP_DECREF(in);
    GP_DECREF(out);
    return line;
}

/* ---- simple functions ------------------------------------------------- */

static gp_obj_t *bi_len(gp_obj_t *self, gp_obj_t *o)
{
    gp_ssize_t n = gp_length(o);
    return n < 0 ? NULL : gp_int_from_ssize(n);
}

static gp_obj_t *bi_repr(gp_obj_t *self, gp_obj_t *o) { return gp_repr(o); }
static gp_obj_t *bi_ascii(gp_obj_t *self, gp_obj_t *o) { return gp_ascii(o); }
static gp_obj_t *bi_abs(gp_obj_t *self, gp_obj_t *o) { return gp_number_abs(o); }

static gp_obj_t *bi_callable(gp_obj_t *self, gp_obj_t *o)
{
    return gp_bool_from(gp_callable(o));
}

static gp_obj_t *bi_id(gp_obj_t *self, gp_obj_t *o)
{
    return gp_int_from_ptr(o);
}

static gp_obj_t *bi_hash(gp_obj_t *self, gp_obj_t *o)
{
    gp_hash_t h = gp_hash(o);
    return h == -1 ? NULL : gp_int_from_i64(h);
}

static gp_obj_t *any_all(gp_obj_t *o, int want)
{
    gp_obj_t *it = gp_iter(o);
    if (!it)
        return NULL;
    for (;;) {
        gp_obj_t *v = gp_iter_next(it);
        if (!v)
            break;
        int t = gp_is_true(v);
        GP_DECREF(v);
        if (t < 0) {
            GP_DECREF(it);
            return NULL;
        }
        if (t == want) {
            GP_DECREF(it);
            return gp_bool_from(want);
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    return gp_bool_from(!want);
}

static gp_obj_t *bi_any(gp_obj_t *self, gp_obj_t *o) { return any_all(o, 1); }
static gp_obj_t *bi_all(gp_obj_t *self, gp_obj_t *o) { return any_all(o, 0); }

static gp_obj_t *bi_chr(gp_obj_t *self, gp_obj_t *o)
{
    if (!gp_index_check(o))
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             TNAME(o));
    int ovf = 0;
    gp_obj_t *i = gp_number_index(o);
    if (!i)
        return NULL;
    int64_t v = gp_int_as_i64_overflow(i, &ovf);
    GP_DECREF(i);
    if (ovf)
        return gp_err_format(&gp_exc_OverflowError,
                             "Python int too large to convert to C int");
    if (v < 0 || v > 0x10ffff)
        return gp_err_format(&gp_exc_ValueError,
                             "chr() arg not in range(0x110000)");
    return gp_str_from_char((uint32_t)v);
}

static gp_obj_t *bi_ord(gp_obj_t *self, gp_obj_t *o)
{
    gp_ssize_t n;
    if (GP_STR_CHECK(o)) {
        n = GP_STR_LEN(o);
        if (n == 1)
            return gp_int_from_i64(gp_str_read(o, 0));
        return gp_err_format(&gp_exc_TypeError,
                             "ord() expected a character, but string of "
                             "length %zd found", n);
    }
    if (GP_BYTES_CHECK(o) || GP_ISINSTANCE_OF(o, &gp_bytearray_type)) {
        n = gp_length(o);
        if (n == 1) {
            gp_obj_t *b = gp_getitem_int(o, 0);
            return b;
        }
        return gp_err_format(&gp_exc_TypeError,
                             "ord() expected a character, but string of "
                             "length %zd found", n);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "ord() expected string of length 1, but %s found",
                         TNAME(o));
}

static gp_obj_t *int_fmt(gp_obj_t *o, const char *spec)
{
    gp_obj_t *i = gp_number_index(o);
    if (!i)
        return NULL;
    gp_obj_t *s = gp_str_from_cstr(spec);
    gp_obj_t *r = s ? gp_format(i, s) : NULL;
    GP_XDECREF(s);
    GP_DECREF(i);
    return r;
}

static gp_obj_t *bi_hex(gp_obj_t *self, gp_obj_t *o) { return int_fmt(o, "#x"); }
static gp_obj_t *bi_oct(gp_obj_t *self, gp_obj_t *o) { return int_fmt(o, "#o"); }
static gp_obj_t *bi_bin(gp_obj_t *self, gp_obj_t *o) { return int_fmt(o, "#b"); }

static gp_obj_t *bi_format(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    if (gp_arg_count("format", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2 && !GP_STR_CHECK(args[1]))
        return gp_err_format(&gp_exc_TypeError,
                             "format() argument 2 must be str, not %s",
                             TNAME(args[1]));
    return gp_format(args[0], nargs == 2 ? args[1] : NULL);
}

static gp_obj_t *bi_divmod(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    if (gp_arg_count("divmod", nargs, 2, 2) < 0)
        return NULL;
    return gp_number_divmod(args[0], args[1]);
}

static gp_obj_t *bi_pow(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    gp_obj_t *a[3] = {NULL, NULL, NULL};
    if (gp_arg_parse("pow", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    return gp_number_power(a[0], a[1], a[2] ? a[2] : GP_NONE);
}

static gp_obj_t *bi_round(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("round", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    gp_obj_t *m = gp_type_lookup(GP_TYPE(a[0]), GP_ID(__round__));
    if (!m)
        return gp_err_format(&gp_exc_TypeError,
                             "type %s doesn't define __round__ method",
                             TNAME(a[0]));
    if (!a[1] || a[1] == GP_NONE)
        return gp_call_method(a[0], GP_ID(__round__), 0);
    return gp_call_method(a[0], GP_ID(__round__), 1, a[1]);
}

static gp_obj_t *bi_isinstance(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    if (gp_arg_count("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = gp_isinstance(args[0], args[1]);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_obj_t *bi_issubclass(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    if (gp_arg_count("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = gp_issubclass(args[0], args[1]);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_obj_t *bi_hasattr(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("hasattr", nargs, 2, 2) < 0)
        return NULL;
    if (!GP_STR_CHECK(args[1])) {
        return gp_err_format(&gp_exc_TypeError,
                             "attribute name must be string, not '%s'",
                             gp_type_name_cstr(GP_TYPE(args[1])));
    }
    gp_obj_t *v;
    int r = gp_getattr_opt(args[0], args[1], &v);
    if (r < 0)
        return NULL;
    GP_XDECREF(v);
    return gp_bool_from(r);
}

static gp_obj_t *bi_getattr(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (nargs < 2)
        return gp_err_format(&gp_exc_TypeError,
                             "getattr expected at least 2 arguments, got %zd",
                             nargs);
    if (nargs > 3)
        return gp_err_format(&gp_exc_TypeError,
                             "getattr expected at most 3 arguments, got %zd",
                             nargs);
    if (!GP_STR_CHECK(args[1])) {
        return gp_err_format(&gp_exc_TypeError,
                             "attribute name must be string, not '%s'",
                             gp_type_name_cstr(GP_TYPE(args[1])));
    }
    if (nargs == 2)
        return gp_getattr(args[0], args[1]);
    gp_obj_t *v;
    int r = gp_getattr_opt(args[0], args[1], &v);
    if (r < 0)
        return NULL;
    return r ? v : gp_newref(args[2]);
}

static gp_obj_t *bi_setattr(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("setattr", nargs, 3, 3) < 0)
        return NULL;
    if (gp_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *bi_delattr(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (gp_arg_count("delattr", nargs, 2, 2) < 0)
        return NULL;
    if (gp_delattr(args[0], args[1]) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *bi_iter(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs)
{
    if (gp_arg_count("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return gp_iter(args[0]);
    if (!gp_callable(args[0])) {
        gp_err_set_str(&gp_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return gp_calliter_new(args[0], args[1]);
}

static gp_obj_t *bi_next(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs)
{
    if (gp_arg_count("next", nargs, 1, 2) < 0)
        return NULL;
    gp_obj_t *it = args[0];
    gp_unary_fn f = GP_TYPE(it)->iternext;
    if (!f)
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object is not an iterator", TNAME(it));
    gp_obj_t *v = f(it);
    if (v)
        return v;
    if (gp_err_occurred()) {
        if (nargs < 2 || !gp_err_matches(&gp_exc_StopIteration))
            return NULL;
        gp_err_clear();
    }
    if (nargs == 2)
        return gp_newref(args[1]);
    gp_err_set_none(&gp_exc_StopIteration);
    return NULL;
}

static gp_obj_t *bi_vars(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs)
{
    if (gp_arg_count("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return gp_eval_locals();
    gp_obj_t *d;
    int r = gp_getattr_opt(args[0], GP_ID(__dict__), &d);
    if (r < 0)
        return NULL;
    if (!r) {
        gp_err_set_str(&gp_exc_TypeError,
                       "vars() argument must have __dict__ attribute");
        return NULL;
    }
    return d;
}

static gp_obj_t *bi_dir(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs)
{
    if (gp_arg_count("dir", nargs, 0, 1) < 0)
        return NULL;
    return gp_dir(nargs ? args[0] : NULL);
}

static gp_obj_t *bi_globals(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *g = gp_eval_globals();
    return g ? gp_newref(g) : gp_dict_new();
}

static gp_obj_t *bi_locals(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *l = gp_eval_locals();
    if (!l && !gp_err_occurred())
        return gp_dict_new();
    return l;
}

/* ---- sum, min, max, sorted ------------------------------------------- */

static gp_obj_t *bi_sum(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    gp_obj_t *a[2] = {NULL, NULL};
    if (gp_arg_parse("sum", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    gp_obj_t *result = a[1];
    if (result) {
        if (GP_STR_CHECK(result)) {
            gp_err_set_str(&gp_exc_TypeError,
                           "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (GP_BYTES_CHECK(result)) {
            gp_err_set_str(&gp_exc_TypeError,
                           "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (GP_ISINSTANCE_OF(result, &gp_bytearray_type)) {
            gp_err_set_str(&gp_exc_TypeError,
                           "sum() can't sum bytearray [use b''.join(seq) "
                           "instead]");
            return NULL;
        }
        GP_INCREF(result);
    } else {
        result = gp_int_from_i64(0);
    }
    gp_obj_t *it = gp_iter(a[0]);
    if (!it) {
        GP_DECREF(result);
        return NULL;
    }
    /* int fast path: accumulate in a word while nothing overflows */
    if (GP_INT_CHECK_EXACT(result) && gp_int_is_small(result)) {
        int64_t acc = gp_int_small(result);
        for (;;) {
            gp_obj_t *v = gp_iter_next(it);
            if (!v) {
                GP_DECREF(it);
                GP_DECREF(result);
                return gp_err_occurred() ? NULL : gp_int_from_i64(acc);
            }
            if ((GP_INT_CHECK_EXACT(v) || GP_BOOL_CHECK(v)) &&
                gp_int_is_small(v) &&
                !__builtin_add_overflow(acc, gp_int_small(v), &acc)) {
                GP_DECREF(v);
                continue;
            }
            GP_DECREF(result);
            result = gp_int_from_i64(acc);
            if (!result) {
                GP_DECREF(v);
                GP_DECREF(it);
                return NULL;
            }
            gp_obj_t *r = gp_binary_op(result, v, GP_NB_ADD);
            GP_DECREF(v);
            GP_DECREF(result);
            result = r;
            if (!result) {
                GP_DECREF(it);
                return NULL;
            }
            break;
        }
    }
    if (GP_FLOAT_CHECK_EXACT(result)) {
        double acc = gp_float_value(result);
        for (;;) {
            gp_obj_t *v = gp_iter_next(it);
            if (!v) {
                GP_DECREF(it);
                GP_DECREF(result);
                return gp_err_occurred() ? NULL : gp_float_from_double(acc);
            }
            if (GP_FLOAT_CHECK_EXACT(v)) {
                acc += gp_float_value(v);
                GP_DECREF(v);
                continue;
            }
            if (GP_INT_CHECK_EXACT(v) && gp_int_is_small(v) &&
                gp_int_small(v) < ((int64_t)1 << 53) &&
                gp_int_small(v) > -((int64_t)1 << 53)) {
                acc += (double)gp_int_small(v);
                GP_DECREF(v);
                continue;
            }
            GP_DECREF(result);
            result = gp_float_from_double(acc);
            if (!result) {
                GP_DECREF(v);
                GP_DECREF(it);
                return NULL;
            }
            gp_obj_t *r = gp_binary_op(result, v, GP_NB_ADD);
            GP_DECREF(v);
            GP_DECREF(result);
            result = r;
            if (!result) {
                GP_DECREF(it);
                return NULL;
            }
            break;
        }
    }
    for (;;) {
        gp_obj_t *v = gp_iter_next(it);
        if (!v)
            break;
        gp_obj_t *r = gp_binary_op(result, v, GP_NB_ADD);
        GP_DECREF(v);
        GP_DECREF(result);
        result = r;
        if (!result) {
            GP_DECREF(it);
            return NULL;
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred()) {
        GP_DECREF(result);
        return NULL;
    }
    return result;
}

static gp_obj_t *min_max(gp_obj_t *const *args, gp_ssize_t nargs,
                         gp_obj_t *kwnames, int op, const char *name)
{
    gp_obj_t *key = NULL, *dflt = NULL;
    gp_ssize_t nk = kwnames ? GP_SIZE(kwnames) : 0;
    for (gp_ssize_t i = 0; i < nk; i++) {
        gp_obj_t *k = GP_TUPLE_GET(kwnames, i);
        if (gp_str_eq_cstr(k, "key"))
            key = args[nargs + i];
        else if (gp_str_eq_cstr(k, "default"))
            dflt = args[nargs + i];
        else
            return gp_err_format(&gp_exc_TypeError,
                                 "%s() got an unexpected keyword argument "
                                 "'%U'", name, k);
    }
    if (nargs == 0)
        return gp_err_format(&gp_exc_TypeError,
                             "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt)
        return gp_err_format(&gp_exc_TypeError,
                             "Cannot specify a default for %s() with "
                             "multiple positional arguments", name);
    if (key == GP_NONE)
        key = NULL;
    gp_obj_t *it;
    if (nargs == 1) {
        it = gp_iter(args[0]);
    } else {
        gp_obj_t *t = gp_tuple_from_array(args, nargs);
        if (!t)
            return NULL;
        it = gp_iter(t);
        GP_DECREF(t);
    }
    if (!it)
        return NULL;
    gp_obj_t *best = NULL, *bestkey = NULL;
    for (;;) {
        gp_obj_t *v = gp_iter_next(it);
        if (!v)
            break;
        gp_obj_t *kv;
        if (key) {
            kv = gp_call_one(key, v);
            if (!kv) {
                GP_DECREF(v);
                goto fail;
            }
        } else {
            kv = gp_newref(v);
        }
        if (!best) {
            best = v;
            bestkey = kv;
            continue;
        }
        int c = gp_richcompare_bool(kv, bestkey, op);
        if (c < 0) {
            GP_DECREF(v);
            GP_DECREF(kv);
            goto fail;
        }
        if (c) {
            GP_SETREF(best, v);
            GP_SETREF(bestkey, kv);
        } else {
            GP_DECREF(v);
            GP_DECREF(kv);
        }
    }
    if (gp_err_occurred())
        goto fail;
    GP_DECREF(it);
    GP_XDECREF(bestkey);
    if (!best) {
        if (dflt)
            return gp_newref(dflt);
        return gp_err_format(&gp_exc_ValueError,
                             "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    GP_DECREF(it);
    GP_XDECREF(best);
    GP_XDECREF(bestkey);
    return NULL;
}

static gp_obj_t *bi_min(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return min_max(args, nargs, kwnames, GP_LT, "min");
}

static gp_obj_t *bi_max(gp_obj_t *self, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return min_max(args, nargs, kwnames, GP_GT, "max");
}

static gp_obj_t *bi_sorted(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs != 1)
        return gp_err_format(&gp_exc_TypeError,
                             "sorted expected 1 argument, got %zd", nargs);
    gp_obj_t *l = gp_sequence_list(args[0]);
    if (!l)
        return NULL;
    gp_obj_t *sort = gp_getattr_str(l, "sort");
    if (!sort) {
        GP_DECREF(l);
        return NULL;
    }
    gp_obj_t *r = gp_vectorcall(sort, args + 1, 0, kwnames);
    GP_DECREF(sort);
    if (!r) {
        GP_DECREF(l);
        return NULL;
    }
    GP_DECREF(r);
    return l;
}

/* ---- exec, eval, compile ---------------------------------------------- */

/* The text of a str / bytes source argument (borrowed, UTF-8). */
static const char *source_text(gp_obj_t *src, const char *fname,
                               gp_ssize_t *len, const char *what)
{
    if (GP_STR_CHECK(src))
        return gp_str_utf8(src, len);
    if (GP_BYTES_CHECK(src)) {
        *len = GP_SIZE(src);
        return GP_BYTES_DATA(src);
    }
    gp_err_format(&gp_exc_TypeError,
                  "%s() arg 1 must be a %s", fname, what);
    return NULL;
}

static gp_obj_t *exec_eval(gp_obj_t *const *args, gp_ssize_t nargs,
                           gp_obj_t *kwnames, int is_eval)
{
    const char *fname = is_eval ? "eval" : "exec";
    static const char *const names[] = {"", "globals", "locals", NULL};
    gp_obj_t *a[3] = {NULL, NULL, NULL};
    if (gp_arg_parse(fname, args, nargs, kwnames, names, 3, 1, a) < 0)
        return NULL;
    gp_obj_t *globals = a[1] == GP_NONE ? NULL : a[1];
    gp_obj_t *locals = a[2] == GP_NONE ? NULL : a[2];
    if (globals && !GP_DICT_CHECK(globals))
        return gp_err_format(&gp_exc_TypeError,
                             is_eval ? "globals must be a real dict; try "
                                       "eval(expr, {}, mapping)"
                                     : "exec() globals must be a dict, not %s",
                             TNAME(globals));
    if (locals && !GP_TYPE(locals)->as_mapping)
        return gp_err_format(&gp_exc_TypeError,
                             is_eval ? "locals must be a mapping"
                                     : "locals must be a mapping or None, "
                                       "not %s", TNAME(locals));
    gp_obj_t *own_locals = NULL;
    if (!globals) {
        globals = gp_eval_globals();
        if (!locals) {
            own_locals = gp_eval_locals();
            if (!own_locals && gp_err_occurred())
                return NULL;
            locals = own_locals;
        }
        if (!globals) {
            GP_XDECREF(own_locals);
            gp_err_set_str(&gp_exc_SystemError,
                           "globals and locals cannot be NULL");
            return NULL;
        }
    } else if (!locals) {
        locals = globals;
    }
    if (!gp_dict_getitem(globals, GP_ID(__builtins__))) {
        gp_obj_t *bm = gp_dict_getitem(gp_icur()->modules, GP_ID(builtins));
        if (bm && gp_dict_setitem(globals, GP_ID(__builtins__), bm) < 0) {
            GP_XDECREF(own_locals);
            return NULL;
        }
    }
    gp_obj_t *code;
    if (GP_CODE_CHECK(a[0])) {
        code = gp_newref(a[0]);
    } else {
        gp_ssize_t len;
        const char *src = source_text(a[0], fname, &len,
                                      is_eval ? "string, bytes or code object"
                                              : "string, bytes or code object");
        if (!src) {
            GP_XDECREF(own_locals);
            return NULL;
        }
        if (is_eval) {
            while (len > 0 && (*src == ' ' || *src == '\t')) {
                src++;
                len--;
            }
        }
        gp_obj_t *fn = gp_str_from_cstr("<string>");
        if (!fn) {
            GP_XDECREF(own_locals);
            return NULL;
        }
        code = gp_compile_source(src, len, fn, is_eval ? "eval" : "exec");
        GP_DECREF(fn);
        if (!code) {
            GP_XDECREF(own_locals);
            return NULL;
        }
    }
    gp_obj_t *r = gp_eval_code(code, globals, locals);
    GP_DECREF(code);
    GP_XDECREF(own_locals);
    if (!r || is_eval)
        return r;
    GP_DECREF(r);
    GP_RETURN_NONE;
}

static gp_obj_t *bi_exec(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return exec_eval(args, nargs, kwnames, 0);
}

static gp_obj_t *bi_eval(gp_obj_t *self, gp_obj_t *const *args,
                         gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return exec_eval(args, nargs, kwnames, 1);
}

static gp_obj_t *bi_compile(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {
        "source", "filename", "mode", "flags", "dont_inherit", "optimize",
        "_feature_version", NULL};
    gp_obj_t *a[7] = {NULL};
    if (gp_arg_parse("compile", args, nargs, kwnames, names, 0, 3, a) < 0)
        return NULL;
    gp_ssize_t mlen;
    if (!GP_STR_CHECK(a[2]))
        return gp_err_format(&gp_exc_TypeError,
                             "compile() argument 'mode' must be str, not %s",
                             TNAME(a[2]));
    const char *mode = gp_str_utf8(a[2], &mlen);
    if (!mode)
        return NULL;
    if (strcmp(mode, "exec") && strcmp(mode, "eval") && strcmp(mode, "single"))
        return gp_err_format(&gp_exc_ValueError,
                             "compile() mode must be 'exec', 'eval' or "
                             "'single'");
    if (GP_CODE_CHECK(a[0]))
        return gp_newref(a[0]);
    gp_ssize_t len;
    const char *src = source_text(a[0], "compile", &len,
                                  "string, bytes or AST object");
    if (!src)
        return NULL;
    gp_obj_t *fn = GP_STR_CHECK(a[1]) ? gp_newref(a[1]) : gp_str(a[1]);
    if (!fn)
        return NULL;
    gp_obj_t *code = gp_compile_source(src, len, fn, mode);
    GP_DECREF(fn);
    return code;
}

/* ---- __build_class__, __import__ -------------------------------------- */

/* PEP 560: bases that are not classes may give their __mro_entries__.
** Returns a new tuple (the same one, INCREF'd, when nothing changed). */
static gp_obj_t *update_bases(gp_obj_t *bases)
{
    gp_ssize_t n = GP_SIZE(bases);
    gp_obj_t *out = NULL;
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_obj_t *b = GP_TUPLE_GET(bases, i);
        if (GP_TYPE_CHECK_FAST(b, GP_TPFLAGS_TYPE_SUBCLASS)) {
            if (out && gp_list_append(out, b) < 0)
                goto fail;
            continue;
        }
        gp_obj_t *meth;
        int r = gp_getattr_opt(b, GP_ID(__mro_entries__), &meth);
        if (r < 0)
            goto fail;
        if (!r) {
            if (out && gp_list_append(out, b) < 0)
                goto fail;
            continue;
        }
        gp_obj_t *ent = gp_call_one(meth, bases);
        GP_DECREF(meth);
        if (!ent)
            goto fail;
        if (!GP_TUPLE_CHECK(ent)) {
            GP_DECREF(ent);
            gp_err_set_str(&gp_exc_TypeError,
                           "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (!out) {
            out = gp_list_from_array(GP_TUPLE_ITEMS(bases), i);
            if (!out) {
                GP_DECREF(ent);
                return NULL;
            }
        }
        int rc = gp_list_extend(out, ent);
        GP_DECREF(ent);
        if (rc < 0)
            goto fail;
    }
    if (!out)
        return gp_newref(bases);
    gp_obj_t *t = gp_list_as_tuple(out);
    GP_DECREF(out);
    return t;
fail:
    GP_XDECREF(out);
    return NULL;
}

static gp_obj_t *bi_build_class(gp_obj_t *self, gp_obj_t *const *args,
                                gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs < 2) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__build_class__: not enough arguments");
        return NULL;
    }
    gp_obj_t *func = args[0], *name = args[1];
    if (!GP_FUNCTION_CHECK(func)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__build_class__: func must be a function");
        return NULL;
    }
    if (!GP_STR_CHECK(name)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "__build_class__: name is not a string");
        return NULL;
    }
    gp_obj_t *orig_bases = gp_tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases)
        return NULL;
    gp_obj_t *bases = update_bases(orig_bases);
    gp_obj_t *meta = NULL, *kw = NULL, *ns = NULL, *cls = NULL;
    if (!bases)
        goto done;
    /* keywords other than metaclass go to __prepare__ and the metaclass */
    kw = gp_dict_new();
    if (!kw)
        goto done;
    if (kwnames) {
        for (gp_ssize_t i = 0; i < GP_SIZE(kwnames); i++) {
            gp_obj_t *k = GP_TUPLE_GET(kwnames, i);
            if (gp_str_eq_cstr(k, "metaclass"))
                meta = gp_newref(args[nargs + i]);
            else if (gp_dict_setitem(kw, k, args[nargs + i]) < 0)
                goto done;
        }
    }
    int is_class = 0;
    if (!meta) {
        meta = GP_SIZE(bases) ? GP_NEWREF(GP_TYPE(GP_TUPLE_GET(bases, 0)))
                              : GP_NEWREF(&gp_type_type);
        is_class = 1;
    } else {
        is_class = GP_TYPE_CHECK_FAST(meta, GP_TPFLAGS_TYPE_SUBCLASS);
    }
    if (is_class) {
        gp_type_t *winner = (gp_type_t *)meta;
        for (gp_ssize_t i = 0; i < GP_SIZE(bases); i++) {
            gp_type_t *bt = GP_TYPE(GP_TUPLE_GET(bases, i));
            if (gp_type_is_subtype(winner, bt))
                continue;
            if (gp_type_is_subtype(bt, winner)) {
                winner = bt;
                continue;
            }
            gp_err_set_str(&gp_exc_TypeError,
                           "metaclass conflict: the metaclass of a derived "
                           "class must be a (non-strict) subclass of the "
                           "metaclasses of all its bases");
            goto done;
        }
        if (GP_OBJ(winner) != meta) {
            GP_INCREF(winner);
            GP_SETREF(meta, GP_OBJ(winner));
        }
    }
    /* namespace from __prepare__ */
    gp_obj_t *prep;
    int r = gp_getattr_opt(meta, GP_ID(__prepare__), &prep);
    if (r < 0)
        goto done;
    if (!r) {
        ns = gp_dict_new();
    } else {
        gp_obj_t *pargs = gp_tuple_pack(2, name, bases);
        if (!pargs) {
            GP_DECREF(prep);
            goto done;
        }
        ns = gp_call(prep, pargs, gp_dict_size(kw) ? kw : NULL);
        GP_DECREF(pargs);
        GP_DECREF(prep);
    }
    if (!ns)
        goto done;
    if (!GP_TYPE(ns)->as_mapping || !GP_TYPE(ns)->as_mapping->subscript) {
        gp_err_format(&gp_exc_TypeError,
                      "%s.__prepare__() must return a mapping, not %s",
                      is_class ? gp_type_name_cstr((gp_type_t *)meta)
                               : "<metaclass>", TNAME(ns));
        goto done;
    }
    gp_obj_t *cell = gp_eval_class_body(func, ns);
    if (!cell)
        goto done;
    if (bases != orig_bases &&
        gp_setitem(ns, gp_str_intern_cstr("__orig_bases__"), orig_bases) < 0) {
        GP_DECREF(cell);
        goto done;
    }
    {
        gp_obj_t *margs = gp_tuple_pack(3, name, bases, ns);
        if (!margs) {
            GP_DECREF(cell);
            goto done;
        }
        cls = gp_call(meta, margs, gp_dict_size(kw) ? kw : NULL);
        GP_DECREF(margs);
    }
    if (cls && GP_TYPE(cell) == &gp_cell_type && GP_TYPE_CHECK_FAST(cls, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_cell_t *c = (gp_cell_t *)cell;
        if (c->ref != cls) {
            if (!c->ref) {
                gp_err_format(&gp_exc_RuntimeError,
                              "__class__ not set defining %R as %R. Was "
                              "__classcell__ propagated to type.__new__?",
                              name, cls);
            } else {
                gp_err_format(&gp_exc_TypeError,
                              "__class__ set to %R defining %R as %R",
                              c->ref, name, cls);
            }
            GP_CLEAR(cls);
        }
    }
    GP_DECREF(cell);
done:
    GP_XDECREF(ns);
    GP_XDECREF(meta);
    GP_XDECREF(kw);
    GP_XDECREF(bases);
    GP_DECREF(orig_bases);
    return cls;
}

static gp_obj_t *bi_import(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {
        "name", "globals", "locals", "fromlist", "level", NULL};
    gp_obj_t *a[5] = {NULL};
    if (gp_arg_parse("__import__", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    if (!GP_STR_CHECK(a[0]))
        return gp_err_format(&gp_exc_TypeError,
                             "__import__() argument 1 must be str, not %s",
                             TNAME(a[0]));
    int level = 0;
    if (a[4]) {
        int64_t l = gp_int_as_i64(a[4]);
        if (l == -1 && gp_err_occurred())
            return NULL;
        if (l < 0) {
            gp_err_set_str(&gp_exc_ValueError, "level must be >= 0");
            return NULL;
        }
        level = (int)l;
    }
    gp_obj_t *g = a[1] && GP_DICT_CHECK(a[1]) ? a[1] : NULL;
    return gp_import_name(a[0], g, a[3] ? a[3] : GP_NONE, level);
}

/* ---- the module ------------------------------------------------------- */

#define F_O   GP_METH_O
#define F_N   GP_METH_NOARGS
#define F_F   GP_METH_FASTCALL
#define F_FK  (GP_METH_FASTCALL | GP_METH_KEYWORDS)

static gp_methoddef_t builtins_methods[] = {
    {"__build_class__", GP_METH_FN(bi_build_class), F_FK,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", GP_METH_FN(bi_import), F_FK,
     "Import a module."},
    {"abs", GP_METH_FN(bi_abs), F_O,
     "Return the absolute value of the argument."},
    {"all", GP_METH_FN(bi_all), F_O,
     "Return True if bool(x) is True for all values x in the iterable."},
    {"any", GP_METH_FN(bi_any), F_O,
     "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", GP_METH_FN(bi_ascii), F_O,
     "Return an ASCII-only representation of an object."},
    {"bin", GP_METH_FN(bi_bin), F_O,
     "Return the binary representation of an integer."},
    {"callable", GP_METH_FN(bi_callable), F_O,
     "Return whether the object is callable (i.e., some kind of function)."},
    {"chr", GP_METH_FN(bi_chr), F_O,
     "Return a Unicode string of one character with ordinal i; "
     "0 <= i <= 0x10ffff."},
    {"compile", GP_METH_FN(bi_compile), F_FK,
     "Compile source into a code object that can be executed by exec() or "
     "eval()."},
    {"delattr", GP_METH_FN(bi_delattr), F_F,
     "Deletes the named attribute from the given object."},
    {"dir", GP_METH_FN(bi_dir), F_F,
     "dir([object]) -> list of strings"},
    {"divmod", GP_METH_FN(bi_divmod), F_F,
     "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"eval", GP_METH_FN(bi_eval), F_FK,
     "Evaluate the given source in the context of globals and locals."},
    {"exec", GP_METH_FN(bi_exec), F_FK,
     "Execute the given source in the context of globals and locals."},
    {"format", GP_METH_FN(bi_format), F_F,
     "Return value.__format__(format_spec)"},
    {"getattr", GP_METH_FN(bi_getattr), F_F,
     "getattr(object, name[, default]) -> value"},
    {"globals", GP_METH_FN(bi_globals), F_N,
     "Return the dictionary containing the current scope's global "
     "variables."},
    {"hasattr", GP_METH_FN(bi_hasattr), F_F,
     "Return whether the object has an attribute with the given name."},
    {"hash", GP_METH_FN(bi_hash), F_O,
     "Return the hash value for the given object."},
    {"hex", GP_METH_FN(bi_hex), F_O,
     "Return the hexadecimal representation of an integer."},
    {"id", GP_METH_FN(bi_id), F_O,
     "Return the identity of an object."},
    {"input", GP_METH_FN(bi_input), F_F,
     "Read a string from standard input.  The trailing newline is "
     "stripped."},
    {"isinstance", GP_METH_FN(bi_isinstance), F_F,
     "Return whether an object is an instance of a class or of a subclass "
     "thereof."},
    {"issubclass", GP_METH_FN(bi_issubclass), F_F,
     "Return whether 'cls' is derived from another class or is the same "
     "class."},
    {"iter", GP_METH_FN(bi_iter), F_F,
     "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"len", GP_METH_FN(bi_len), F_O,
     "Return the number of items in a container."},
    {"locals", GP_METH_FN(bi_locals), F_N,
     "Return a dictionary containing the current scope's local variables."},
    {"max", GP_METH_FN(bi_max), F_FK,
     "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value"},
    {"min", GP_METH_FN(bi_min), F_FK,
     "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value"},
    {"next", GP_METH_FN(bi_next), F_F,
     "next(iterator[, default])"},
    {"oct", GP_METH_FN(bi_oct), F_O,
     "Return the octal representation of an integer."},
    {"ord", GP_METH_FN(bi_ord), F_O,
     "Return the Unicode code point for a one-character string."},
    {"pow", GP_METH_FN(bi_pow), F_FK,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 "
     "arguments"},
    {"print", GP_METH_FN(bi_print), F_FK,
     "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)"},
    {"repr", GP_METH_FN(bi_repr), F_O,
     "Return the canonical string representation of the object."},
    {"round", GP_METH_FN(bi_round), F_FK,
     "Round a number to a given precision in decimal digits."},
    {"setattr", GP_METH_FN(bi_setattr), F_F,
     "Sets the named attribute on the given object to the specified value."},
    {"sorted", GP_METH_FN(bi_sorted), F_FK,
     "Return a new list containing all items from the iterable in "
     "ascending order."},
    {"sum", GP_METH_FN(bi_sum), F_FK,
     "Return the sum of a 'start' value (default: 0) plus an iterable of "
     "numbers"},
    {"vars", GP_METH_FN(bi_vars), F_F,
     "vars([object]) -> dictionary"},
    {NULL, NULL, 0, NULL},
};

static int builtins_exec(gp_obj_t *m)
{
    struct { const char *name; gp_obj_t *v; } objs[] = {
        {"None", GP_NONE},
        {"Ellipsis", GP_ELLIPSIS},
        {"NotImplemented", GP_NOTIMPLEMENTED},
        {"False", GP_FALSE},
        {"True", GP_TRUE},
        {"__debug__", GP_TRUE},
        {"bool", GP_OBJ(&gp_bool_type)},
        {"bytearray", GP_OBJ(&gp_bytearray_type)},
        {"bytes", GP_OBJ(&gp_bytes_type)},
        {"classmethod", GP_OBJ(&gp_classmethod_type)},
        {"dict", GP_OBJ(&gp_dict_type)},
        {"enumerate", GP_OBJ(&gp_enumerate_type)},
        {"filter", GP_OBJ(&gp_filter_type)},
        {"float", GP_OBJ(&gp_float_type)},
        {"frozenset", GP_OBJ(&gp_frozenset_type)},
        {"property", GP_OBJ(&gp_property_type)},
        {"int", GP_OBJ(&gp_int_type)},
        {"list", GP_OBJ(&gp_list_type)},
        {"map", GP_OBJ(&gp_map_type)},
        {"object", GP_OBJ(&gp_object_type)},
        {"range", GP_OBJ(&gp_range_type)},
        {"reversed", GP_OBJ(&gp_reversed_type)},
        {"set", GP_OBJ(&gp_set_type)},
        {"slice", GP_OBJ(&gp_slice_type)},
        {"staticmethod", GP_OBJ(&gp_staticmethod_type)},
        {"str", GP_OBJ(&gp_str_type)},
        {"super", GP_OBJ(&gp_super_type)},
        {"tuple", GP_OBJ(&gp_tuple_type)},
        {"type", GP_OBJ(&gp_type_type)},
        {"zip", GP_OBJ(&gp_zip_type)},
#define EXC_ENTRY(name, base) {#name, GP_OBJ(&gp_exc_##name)},
        GP_EXC_LIST(EXC_ENTRY)
#undef EXC_ENTRY
        {"EnvironmentError", GP_OBJ(&gp_exc_OSError)},
        {"IOError", GP_OBJ(&gp_exc_OSError)},
    };
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        if (gp_module_add(m, objs[i].name, objs[i].v) < 0)
            return -1;
    /* open() lives with the file objects */
    gp_obj_t *op = gp_cfunction_new(&gp_open_def, NULL,
                                    gp_module_dict(m) ?
                                    gp_dict_getitem(gp_module_dict(m),
                                                    GP_ID(__name__)) : NULL);
    if (!op)
        return -1;
    int rc = gp_module_add(m, "open", op);
    GP_DECREF(op);
    return rc;
}

const gp_moduledef_t gp_mod_builtins = {
    .name = "builtins",
    .doc = "Built-in functions, types, exceptions, and other objects.\n\n"
           "This module provides direct access to all 'built-in'\n"
           "identifiers of Python; for example, builtins.len is\n"
           "the full name of the built-in function len().\n\n"
           "This module is not normally accessed explicitly by most\n"
           "applications, but can be useful in modules that provide\n"
           "objects with the same name as a built-in value, but in\n"
           "which the module object must be referenced from some other "
           "context.",
    .methods = builtins_methods,
    .exec = builtins_exec,
};
