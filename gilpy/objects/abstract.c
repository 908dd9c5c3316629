/*
** abstract.c — the generic object protocols of abstract.h: repr/str,
** hashing, truth, rich comparison with reflection, attribute access
** (the generic getattr/setattr of `object` included), calls, C-argument
** parsing, number operators with CPython's dispatch order, and the
** sequence / mapping / iteration protocols.  Guard: the GIL.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/genericalias.h"
#include "objects/setobj.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/rangeobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"
#include "vm/ceval.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))

/* ---- repr, str, format ------------------------------------------------ */

gp_obj_t *gp_repr(gp_obj_t *o)
{
    gp_unary_fn f = GP_TYPE(o)->repr;
    if (!f)
        return gp_str_fromformat("<%s object at %p>", TNAME(o), (void *)o);
    if (gp_enter_recursive_call(" while getting the repr of an object") < 0)
        return NULL;
    gp_obj_t *r = f(o);
    gp_leave_recursive_call();
    if (r && !GP_STR_CHECK(r)) {
        gp_err_format(&gp_exc_TypeError,
                      "__repr__ returned non-string (type %s)", TNAME(r));
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

gp_obj_t *gp_str(gp_obj_t *o)
{
    if (GP_STR_CHECK_EXACT(o))
        return gp_newref(o);
    gp_unary_fn f = GP_TYPE(o)->str;
    if (!f)
        return gp_repr(o);
    if (gp_enter_recursive_call(" while getting the str of an object") < 0)
        return NULL;
    gp_obj_t *r = f(o);
    gp_leave_recursive_call();
    if (r && !GP_STR_CHECK(r)) {
        gp_err_format(&gp_exc_TypeError,
                      "__str__ returned non-string (type %s)", TNAME(r));
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

gp_obj_t *gp_ascii(gp_obj_t *o)
{
    gp_obj_t *r = gp_repr(o);
    if (!r)
        return NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (gp_ssize_t i = 0; i < GP_SIZE(r); i++) {
        uint32_t c = gp_str_read(r, i);
        char tmp[12];
        if (c < 0x80) {
            gp_strbuf_char(&b, c);
            continue;
        }
        if (c < 0x100)
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else if (c < 0x10000)
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
        else
            snprintf(tmp, sizeof tmp, "\\U%08x", c);
        gp_strbuf_cstr(&b, tmp);
    }
    GP_DECREF(r);
    return gp_strbuf_finish(&b);
}

gp_obj_t *gp_format(gp_obj_t *o, gp_obj_t *spec)
{
    if (!spec || (GP_STR_CHECK(spec) && GP_SIZE(spec) == 0)) {
        if (GP_STR_CHECK_EXACT(o))
            return gp_newref(o);
        if (GP_TYPE(o) == &gp_int_type)
            return gp_str(o);
    }
    gp_obj_t *empty = NULL;
    if (!spec)
        spec = empty = gp_str_empty();
    gp_obj_t *r = NULL;
    gp_obj_t *meth = gp_type_lookup(GP_TYPE(o), GP_ID(__format__));
    if (!meth) {
        gp_err_format(&gp_exc_TypeError,
                      "Type %s doesn't define __format__", TNAME(o));
    } else {
        r = gp_call_method(o, GP_ID(__format__), 1, spec);
        if (r && !GP_STR_CHECK(r)) {
            gp_err_format(&gp_exc_TypeError,
                          "__format__ must return a str, not %s", TNAME(r));
            GP_CLEAR(r);
        }
    }
    GP_XDECREF(empty);
    return r;
}

/* ---- hash and truth ---------------------------------------------------- */

gp_hash_t gp_hash_not_implemented(gp_obj_t *o)
{
    gp_err_format(&gp_exc_TypeError, "unhashable type: '%s'", TNAME(o));
    return -1;
}

gp_hash_t gp_hash(gp_obj_t *o)
{
    gp_hash_fn f = GP_TYPE(o)->hash;
    if (!f)
        return gp_hash_not_implemented(o);
    return f(o);
}

int gp_is_true(gp_obj_t *o)
{
    if (o == GP_TRUE)
        return 1;
    if (o == GP_FALSE || o == GP_NONE)
        return 0;
    gp_type_t *t = GP_TYPE(o);
    if (t->as_number && t->as_number->bool_)
        return t->as_number->bool_(o);
    gp_ssize_t n;
    if (t->as_mapping && t->as_mapping->length)
        n = t->as_mapping->length(o);
    else if (t->as_sequence && t->as_sequence->length)
        n = t->as_sequence->length(o);
    else
        return 1;
    return n < 0 ? -1 : n > 0;
}

int gp_not(gp_obj_t *o)
{
    int r = gp_is_true(o);
    return r < 0 ? r : !r;
}

/* ---- rich comparison ------------------------------------------------- */

static const int swapped_op[] = {GP_GT, GP_GE, GP_EQ, GP_NE, GP_LT, GP_LE};
static const char *const op_sym[] = {"<", "<=", "==", "!=", ">", ">="};

static gp_obj_t *do_richcompare(gp_obj_t *v, gp_obj_t *w, int op)
{
    gp_richcmp_fn f;
    int checked_reverse = 0;
    gp_type_t *tv = GP_TYPE(v), *tw = GP_TYPE(w);
    if (tv != tw && gp_type_is_subtype(tw, tv) && (f = tw->richcompare)) {
        checked_reverse = 1;
        gp_obj_t *r = f(w, v, swapped_op[op]);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    if ((f = tv->richcompare)) {
        gp_obj_t *r = f(v, w, op);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    if (!checked_reverse && (f = tw->richcompare)) {
        gp_obj_t *r = f(w, v, swapped_op[op]);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    if (op == GP_EQ)
        return gp_bool_from(v == w);
    if (op == GP_NE)
        return gp_bool_from(v != w);
    return gp_err_format(&gp_exc_TypeError,
                         "'%s' not supported between instances of '%s' and "
                         "'%s'", op_sym[op], TNAME(v), TNAME(w));
}

gp_obj_t *gp_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (gp_enter_recursive_call(" in comparison") < 0)
        return NULL;
    gp_obj_t *r = do_richcompare(a, b, op);
    gp_leave_recursive_call();
    return r;
}

int gp_richcompare_bool(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (a == b) {
        if (op == GP_EQ)
            return 1;
        if (op == GP_NE)
            return 0;
    }
    gp_obj_t *r = gp_richcompare(a, b, op);
    if (!r)
        return -1;
    int t = r == GP_TRUE ? 1 : r == GP_FALSE ? 0 : gp_is_true(r);
    GP_DECREF(r);
    return t;
}

/* ---- attributes ------------------------------------------------------- */

gp_obj_t **gp_object_dictptr(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    gp_ssize_t off = t->dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        gp_ssize_t size = (gp_ssize_t)t->basicsize - (gp_ssize_t)
                          sizeof(gp_obj_t *) +
                          (GP_SIZE(o) < 0 ? -GP_SIZE(o) : GP_SIZE(o)) *
                          t->itemsize;
        size = (size + (gp_ssize_t)sizeof(void *) - 1) &
               ~(gp_ssize_t)(sizeof(void *) - 1);
        off = size;
    }
    return (gp_obj_t **)((char *)o + off);
}

static gp_obj_t *no_attr(gp_obj_t *o, gp_obj_t *name)
{
    return gp_err_format(&gp_exc_AttributeError,
                         "'%s' object has no attribute '%U'", TNAME(o), name);
}

gp_obj_t *gp_generic_getattr(gp_obj_t *o, gp_obj_t *name)
{
    gp_type_t *t = GP_TYPE(o);
    if (!GP_STR_CHECK(name)) {
        return gp_err_format(&gp_exc_TypeError,
                             "attribute name must be string, not '%s'",
                             TNAME(name));
    }
    gp_obj_t *a = gp_type_lookup(t, name);
    gp_descrget_fn get = NULL;
    if (a) {
        GP_INCREF(a);
        get = GP_TYPE(a)->descr_get;
        if (get && GP_TYPE(a)->descr_set) {
            gp_obj_t *r = get(a, o, (gp_obj_t *)t);
            GP_DECREF(a);
            return r;
        }
    }
    gp_obj_t **dp = gp_object_dictptr(o);
    if (dp && *dp) {
        gp_obj_t *v = gp_dict_getitem(*dp, name);
        if (v) {
            GP_XDECREF(a);
            return gp_newref(v);
        }
    }
    if (get) {
        gp_obj_t *r = get(a, o, (gp_obj_t *)t);
        GP_DECREF(a);
        return r;
    }
    if (a)
        return a;
    return no_attr(o, name);
}

int gp_generic_setattr(gp_obj_t *o, gp_obj_t *name, gp_obj_t *v)
{
    gp_type_t *t = GP_TYPE(o);
    if (!GP_STR_CHECK(name)) {
        gp_err_format(&gp_exc_TypeError,
                      "attribute name must be string, not '%s'", TNAME(name));
        return -1;
    }
    gp_obj_t *a = gp_type_lookup(t, name);
    if (a && GP_TYPE(a)->descr_set) {
        GP_INCREF(a);
        int r = GP_TYPE(a)->descr_set(a, o, v);
        GP_DECREF(a);
        return r;
    }
    gp_obj_t **dp = gp_object_dictptr(o);
    if (!dp) {
        if (a)
            gp_err_format(&gp_exc_AttributeError,
                          "'%s' object attribute '%U' is read-only",
                          TNAME(o), name);
        else
            no_attr(o, name);
        return -1;
    }
    if (!v) {
        if (!*dp || gp_dict_delitem(*dp, name) < 0) {
            if (!*dp || gp_err_matches(&gp_exc_KeyError)) {
                gp_err_clear();
                no_attr(o, name);
            }
            return -1;
        }
        return 0;
    }
    if (!*dp && !(*dp = gp_dict_new()))
        return -1;
    return gp_dict_setitem(*dp, name, v);
}

gp_obj_t *gp_getattr(gp_obj_t *o, gp_obj_t *name)
{
    if (!GP_STR_CHECK(name)) {
        return gp_err_format(&gp_exc_TypeError,
                             "attribute name must be string, not '%s'",
                             TNAME(name));
    }
    gp_getattro_fn f = GP_TYPE(o)->getattro;
    return f ? f(o, name) : gp_generic_getattr(o, name);
}

gp_obj_t *gp_getattr_str(gp_obj_t *o, const char *name)
{
    gp_obj_t *n = gp_str_intern_cstr(name);
    if (!n)
        return NULL;
    gp_obj_t *r = gp_getattr(o, n);
    GP_DECREF(n);
    return r;
}

int gp_getattr_opt(gp_obj_t *o, gp_obj_t *name, gp_obj_t **res)
{
    *res = gp_getattr(o, name);
    if (*res)
        return 1;
    if (gp_err_matches(&gp_exc_AttributeError)) {
        gp_err_clear();
        return 0;
    }
    return -1;
}

int gp_setattr(gp_obj_t *o, gp_obj_t *name, gp_obj_t *v)
{
    if (!GP_STR_CHECK(name)) {
        gp_err_format(&gp_exc_TypeError,
                      "attribute name must be string, not '%s'", TNAME(name));
        return -1;
    }
    gp_setattro_fn f = GP_TYPE(o)->setattro;
    if (!f) {
        gp_err_format(&gp_exc_AttributeError,
                      "'%s' object has no attribute '%U'", TNAME(o), name);
        return -1;
    }
    return f(o, name, v);
}

int gp_setattr_str(gp_obj_t *o, const char *name, gp_obj_t *v)
{
    gp_obj_t *n = gp_str_intern_cstr(name);
    if (!n)
        return -1;
    int r = gp_setattr(o, n, v);
    GP_DECREF(n);
    return r;
}

int gp_delattr(gp_obj_t *o, gp_obj_t *name)
{
    return gp_setattr(o, name, NULL);
}

int gp_hasattr(gp_obj_t *o, gp_obj_t *name)
{
    gp_obj_t *r;
    int f = gp_getattr_opt(o, name, &r);
    GP_XDECREF(r);
    return f;
}

int gp_get_method(gp_obj_t *o, gp_obj_t *name, gp_obj_t **method)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->getattro && t->getattro != gp_generic_getattr) {
        *method = gp_getattr(o, name);
        return *method ? 0 : -1;
    }
    gp_obj_t *a = gp_type_lookup(t, name);
    int meth = 0;
    gp_descrget_fn get = NULL;
    if (a) {
        GP_INCREF(a);
        if (GP_TYPE(a)->flags & GP_TPFLAGS_METHOD_DESCRIPTOR) {
            meth = 1;
        } else {
            get = GP_TYPE(a)->descr_get;
            if (get && GP_TYPE(a)->descr_set) {
                *method = get(a, o, (gp_obj_t *)t);
                GP_DECREF(a);
                return *method ? 0 : -1;
            }
        }
    }
    gp_obj_t **dp = gp_object_dictptr(o);
    if (dp && *dp) {
        gp_obj_t *v = gp_dict_getitem(*dp, name);
        if (v) {
            GP_XDECREF(a);
            *method = gp_newref(v);
            return 0;
        }
    }
    if (meth) {
        *method = a;
        return 1;
    }
    if (get) {
        *method = get(a, o, (gp_obj_t *)t);
        GP_DECREF(a);
        return *method ? 0 : -1;
    }
    if (a) {
        *method = a;
        return 0;
    }
    *method = NULL;
    no_attr(o, name);
    return -1;
}

gp_obj_t *gp_dir(gp_obj_t *o)
{
    gp_obj_t *l;
    if (!o) {
        gp_obj_t *loc = gp_eval_locals();
        if (!loc)
            return NULL;
        l = gp_dict_keys(loc);
        GP_DECREF(loc);
    } else {
        /* type(o).__dir__(o): a special method, looked up on the type
        ** (dir(C) must use type.__dir__, not C's own object.__dir__) */
        gp_obj_t *f = gp_type_lookup(GP_TYPE(o), GP_ID(__dir__));
        if (!f) {
            gp_err_set_str(&gp_exc_TypeError, "object does not provide "
                           "__dir__");
            return NULL;
        }
        gp_obj_t *d = gp_call_one(f, o);
        if (!d)
            return NULL;
        l = gp_sequence_list(d);
        GP_DECREF(d);
    }
    if (l && gp_list_sort(l, NULL, 0) < 0)
        GP_CLEAR(l);
    return l;
}

/* ---- isinstance ---------------------------------------------------------- */

static int check_class(gp_obj_t *cls, const char *msg)
{
    if (GP_TYPE_CHECK_FAST(cls, GP_TPFLAGS_TYPE_SUBCLASS))
        return 1;
    gp_obj_t *b;
    int r = gp_getattr_opt(cls, GP_ID(__mro__), &b);
    GP_XDECREF(b);
    if (r <= 0 && !gp_err_occurred())
        gp_err_set_str(&gp_exc_TypeError, msg);
    return r > 0;
}

int gp_isinstance(gp_obj_t *o, gp_obj_t *cls)
{
    if (GP_TYPE(o) == (gp_type_t *)cls)
        return 1;
    if (GP_TYPE(cls) == &gp_type_type)
        return GP_ISINSTANCE_OF(o, (gp_type_t *)cls);
    if (GP_TUPLE_CHECK(cls)) {
        if (gp_enter_recursive_call(" in __instancecheck__") < 0)
            return -1;
        int r = 0;
        for (gp_ssize_t i = 0; i < GP_SIZE(cls) && r == 0; i++)
            r = gp_isinstance(o, GP_TUPLE_GET(cls, i));
        gp_leave_recursive_call();
        return r;
    }
    gp_obj_t *chk = gp_type_lookup(GP_TYPE(cls), GP_ID(__instancecheck__));
    if (chk && GP_TYPE_CHECK_FAST(cls, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_obj_t *r = gp_call_method(cls, GP_ID(__instancecheck__), 1, o);
        if (!r)
            return -1;
        int t = gp_is_true(r);
        GP_DECREF(r);
        return t;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of "
                     "types, or a union"))
        return -1;
    return GP_ISINSTANCE_OF(o, (gp_type_t *)cls);
}

int gp_issubclass(gp_obj_t *a, gp_obj_t *cls)
{
    if (GP_TUPLE_CHECK(cls)) {
        int r = 0;
        for (gp_ssize_t i = 0; i < GP_SIZE(cls) && r == 0; i++)
            r = gp_issubclass(a, GP_TUPLE_GET(cls, i));
        return r;
    }
    if (!GP_TYPE_CHECK_FAST(cls, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_err_set_str(&gp_exc_TypeError, "issubclass() arg 2 must be a "
                       "class, a tuple of classes, or a union");
        return -1;
    }
    if (GP_TYPE(cls) != &gp_type_type) {
        gp_obj_t *chk = gp_type_lookup(GP_TYPE(cls),
                                       GP_ID(__subclasscheck__));
        if (chk) {
            gp_obj_t *r = gp_call_method(cls, GP_ID(__subclasscheck__), 1,
                                         a);
            if (!r)
                return -1;
            int t = gp_is_true(r);
            GP_DECREF(r);
            return t;
        }
    }
    if (!GP_TYPE_CHECK_FAST(a, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_err_set_str(&gp_exc_TypeError, "issubclass() arg 1 must be a "
                       "class");
        return -1;
    }
    return gp_type_is_subtype((gp_type_t *)a, (gp_type_t *)cls);
}

int gp_callable(gp_obj_t *o)
{
    return GP_TYPE(o)->call != NULL;
}

/* ---- calls --------------------------------------------------------------- */

gp_obj_t *gp_vectorcall(gp_obj_t *callable, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_vectorcall_fn f = GP_TYPE(callable)->call;
    if (!f) {
        return gp_err_format(&gp_exc_TypeError, "'%s' object is not callable",
                             TNAME(callable));
    }
    if (kwnames && GP_SIZE(kwnames) == 0)
        kwnames = NULL;
    gp_obj_t *r = f(callable, args, nargs, kwnames);
    if (!r && !gp_err_occurred())
        gp_err_set_str(&gp_exc_SystemError,
                       "error return without exception set");
    return r;
}

gp_obj_t *gp_call(gp_obj_t *callable, gp_obj_t *args, gp_obj_t *kwargs)
{
    gp_ssize_t n = args ? GP_SIZE(args) : 0;
    gp_ssize_t nk = kwargs ? gp_dict_size(kwargs) : 0;
    if (nk == 0)
        return gp_vectorcall(callable, args ? GP_TUPLE_ITEMS(args) : NULL,
                             n, NULL);
    gp_obj_t *small[16], **stack = small;
    if (n + nk > 16) {
        stack = malloc(sizeof(gp_obj_t *) * (size_t)(n + nk));
        if (!stack)
            return gp_err_nomemory();
    }
    gp_obj_t *names = gp_tuple_new(nk);
    if (!names) {
        if (stack != small)
            free(stack);
        return NULL;
    }
    for (gp_ssize_t i = 0; i < n; i++)
        stack[i] = GP_TUPLE_GET(args, i);
    gp_ssize_t pos = 0, i = 0;
    gp_obj_t *k, *v;
    while (gp_dict_next(kwargs, &pos, &k, &v)) {
        GP_TUPLE_SET(names, i, gp_newref(k));
        stack[n + i] = v;
        i++;
    }
    gp_obj_t *r = gp_vectorcall(callable, stack, n, names);
    GP_DECREF(names);
    if (stack != small)
        free(stack);
    return r;
}

gp_obj_t *gp_call_noargs(gp_obj_t *callable)
{
    return gp_vectorcall(callable, NULL, 0, NULL);
}

gp_obj_t *gp_call_one(gp_obj_t *callable, gp_obj_t *arg)
{
    return gp_vectorcall(callable, &arg, 1, NULL);
}

gp_obj_t *gp_call_args(gp_obj_t *callable, int n, ...)
{
    gp_obj_t *stack[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < 16; i++)
        stack[i] = va_arg(ap, gp_obj_t *);
    va_end(ap);
    return gp_vectorcall(callable, stack, n, NULL);
}

static gp_obj_t *call_method_v(gp_obj_t *o, gp_obj_t *name, int n,
                               va_list ap)
{
    gp_obj_t *stack[17];
    for (int i = 0; i < n && i < 16; i++)
        stack[i + 1] = va_arg(ap, gp_obj_t *);
    gp_obj_t *m;
    int unbound = gp_get_method(o, name, &m);
    if (unbound < 0)
        return NULL;
    gp_obj_t *r;
    if (unbound) {
        stack[0] = o;
        r = gp_vectorcall(m, stack, n + 1, NULL);
    } else {
        r = gp_vectorcall(m, stack + 1, n, NULL);
    }
    GP_DECREF(m);
    return r;
}

gp_obj_t *gp_call_method(gp_obj_t *o, gp_obj_t *name, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    gp_obj_t *r = call_method_v(o, name, n, ap);
    va_end(ap);
    return r;
}

gp_obj_t *gp_call_method_str(gp_obj_t *o, const char *name, int n, ...)
{
    gp_obj_t *nm = gp_str_intern_cstr(name);
    if (!nm)
        return NULL;
    va_list ap;
    va_start(ap, n);
    gp_obj_t *r = call_method_v(o, nm, n, ap);
    va_end(ap);
    GP_DECREF(nm);
    return r;
}

int gp_unpack_kwnames(gp_obj_t *const *args, gp_ssize_t nargs,
                      gp_obj_t *kwnames, gp_obj_t **tuple, gp_obj_t **dict)
{
    *tuple = gp_tuple_from_array(args, nargs);
    *dict = NULL;
    if (!*tuple)
        return -1;
    if (!kwnames || !GP_SIZE(kwnames))
        return 0;
    *dict = gp_dict_new();
    if (!*dict)
        goto fail;
    for (gp_ssize_t i = 0; i < GP_SIZE(kwnames); i++)
        if (gp_dict_setitem(*dict, GP_TUPLE_GET(kwnames, i),
                            args[nargs + i]) < 0)
            goto fail;
    return 0;
fail:
    GP_CLEAR(*tuple);
    GP_CLEAR(*dict);
    return -1;
}

int gp_arg_no_kw(const char *fname, gp_obj_t *kwnames)
{
    if (kwnames && GP_SIZE(kwnames)) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments",
                      fname);
        return -1;
    }
    return 0;
}

int gp_arg_count(const char *fname, gp_ssize_t nargs, gp_ssize_t min,
                 gp_ssize_t max)
{
    if (nargs < min) {
        if (min == max && min == 1)
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes exactly one argument (%zd given)",
                          fname, nargs);
        else
            gp_err_format(&gp_exc_TypeError,
                          "%s expected %s%zd argument%s, got %zd", fname,
                          min == max ? "" : "at least ", min,
                          min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (max >= 0 && nargs > max) {
        if (max == 0)
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes no arguments (%zd given)", fname,
                          nargs);
        else
            gp_err_format(&gp_exc_TypeError,
                          "%s expected %s%zd argument%s, got %zd", fname,
                          min == max ? "" : "at most ", max,
                          max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int gp_arg_parse(const char *fname, gp_obj_t *const *args, gp_ssize_t nargs,
                 gp_obj_t *kwnames, const char *const *names,
                 int npos_only, int min, gp_obj_t **out)
{
    int n = 0;
    while (names[n])
        n++;
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (nargs > n) {
        if (n == 0)
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes no arguments (%zd given)", fname,
                          nargs);
        else
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes at most %d argument%s (%zd given)",
                          fname, n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (gp_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    gp_ssize_t nk = kwnames ? GP_SIZE(kwnames) : 0;
    for (gp_ssize_t k = 0; k < nk; k++) {
        gp_obj_t *kn = GP_TUPLE_GET(kwnames, k);
        int found = -1;
        for (int i = 0; i < n; i++)
            if (gp_str_eq_cstr(kn, names[i])) {
                found = i;
                break;
            }
        if (found < 0 || found < npos_only) {
            if (found >= 0)
                gp_err_format(&gp_exc_TypeError,
                              "%s() got some positional-only arguments "
                              "passed as keyword arguments: '%U'", fname, kn);
            else
                gp_err_format(&gp_exc_TypeError,
                              "%s() got an unexpected keyword argument '%U'",
                              fname, kn);
            return -1;
        }
        if (out[found]) {
            gp_err_format(&gp_exc_TypeError,
                          "argument for %s() given by name ('%s') and "
                          "position (%d)", fname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < min; i++) {
        if (!out[i]) {
            if (i < npos_only || nk == 0)
                gp_err_format(&gp_exc_TypeError,
                              "%s() missing required argument '%s' (pos %d)",
                              fname, names[i], i + 1);
            else
                gp_err_format(&gp_exc_TypeError,
                              "%s() missing required argument '%s' (pos %d)",
                              fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* ---- numbers ----------------------------------------------------------- */

static const char *const binop_syms[GP_NB_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"
};

const char *gp_binop_symbol(int op)
{
    static const char *const isyms[GP_NB_COUNT] = {
        "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=",
        "-=", "/=", "^="
    };
    if (op == GP_NB_POWER)
        return "** or pow()";
    return op >= GP_NB_INPLACE ? isyms[op - GP_NB_INPLACE] : binop_syms[op];
}

static gp_binary_fn nb_slot(gp_type_t *t, int op)
{
    return t->as_number ? t->as_number->binop[op] : NULL;
}

/* CPython's binary_op1: a's slot, or b's first when b's type is a
** subclass of a's that has its own. */
static gp_obj_t *binary_op1(gp_obj_t *a, gp_obj_t *b, int op)
{
    gp_binary_fn sa = nb_slot(GP_TYPE(a), op), sb = NULL;
    if (GP_TYPE(b) != GP_TYPE(a)) {
        sb = nb_slot(GP_TYPE(b), op);
        if (sb == sa)
            sb = NULL;
    }
    if (sa) {
        if (sb && gp_type_is_subtype(GP_TYPE(b), GP_TYPE(a))) {
            gp_obj_t *r = sb(a, b);
            if (r != GP_NOTIMPLEMENTED)
                return r;
            GP_DECREF(r);
            sb = NULL;
        }
        gp_obj_t *r = sa(a, b);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    if (sb)
        return sb(a, b);
    GP_RETURN_NOTIMPLEMENTED;
}

static gp_obj_t *binop_error(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (op == GP_NB_ADD || op == GP_NB_INPLACE + GP_NB_ADD) {
        gp_sequence_methods_t *s = GP_TYPE(a)->as_sequence;
        if (s && s->concat)
            return s->concat(a, b);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "unsupported operand type(s) for %s: '%s' and '%s'",
                         gp_binop_symbol(op), TNAME(a), TNAME(b));
}

gp_obj_t *gp_binary_op(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (op >= GP_NB_INPLACE) {
        int bop = op - GP_NB_INPLACE;
        gp_number_methods_t *nb = GP_TYPE(a)->as_number;
        if (nb && nb->ibinop[bop]) {
            gp_obj_t *r = nb->ibinop[bop](a, b);
            if (r != GP_NOTIMPLEMENTED)
                return r;
            GP_DECREF(r);
        }
        gp_obj_t *r = binary_op1(a, b, bop);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
        return binop_error(a, b, op);
    }
    gp_obj_t *r = binary_op1(a, b, op);
    if (r != GP_NOTIMPLEMENTED)
        return r;
    GP_DECREF(r);
    return binop_error(a, b, op);
}

gp_obj_t *gp_number_power(gp_obj_t *a, gp_obj_t *b, gp_obj_t *mod)
{
    if (!mod || mod == GP_NONE)
        return gp_binary_op(a, b, GP_NB_POWER);
    gp_number_methods_t *na = GP_TYPE(a)->as_number;
    gp_number_methods_t *nb = GP_TYPE(b)->as_number;
    if (na && na->power3) {
        gp_obj_t *r = na->power3(a, b, mod);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    if (nb && nb->power3 && GP_TYPE(b) != GP_TYPE(a)) {
        gp_obj_t *r = nb->power3(a, b, mod);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "unsupported operand type(s) for ** or pow(): '%s', "
                         "'%s', '%s'", TNAME(a), TNAME(b), TNAME(mod));
}

#define UNARY(fn, slot, what) \
    gp_obj_t *fn(gp_obj_t *o) \
    { \
        gp_number_methods_t *nb = GP_TYPE(o)->as_number; \
        if (nb && nb->slot) \
            return nb->slot(o); \
        return gp_err_format(&gp_exc_TypeError, "bad operand type for " \
                             what ": '%s'", TNAME(o)); \
    }
UNARY(gp_number_neg, neg, "unary -")
UNARY(gp_number_pos, pos, "unary +")
UNARY(gp_number_abs, abs, "abs()")
UNARY(gp_number_invert, invert, "unary ~")

gp_obj_t *gp_number_divmod(gp_obj_t *a, gp_obj_t *b)
{
    gp_number_methods_t *na = GP_TYPE(a)->as_number;
    gp_number_methods_t *nb = GP_TYPE(b)->as_number;
    gp_binary_fn sa = na ? na->divmod : NULL;
    gp_binary_fn sb = nb && GP_TYPE(b) != GP_TYPE(a) ? nb->divmod : NULL;
    if (sb == sa)
        sb = NULL;
    if (sa) {
        if (sb && gp_type_is_subtype(GP_TYPE(b), GP_TYPE(a))) {
            gp_obj_t *r = sb(a, b);
            if (r != GP_NOTIMPLEMENTED)
                return r;
            GP_DECREF(r);
            sb = NULL;
        }
        gp_obj_t *r = sa(a, b);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    if (sb) {
        gp_obj_t *r = sb(a, b);
        if (r != GP_NOTIMPLEMENTED)
            return r;
        GP_DECREF(r);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "unsupported operand type(s) for divmod(): '%s' and "
                         "'%s'", TNAME(a), TNAME(b));
}

int gp_index_check(gp_obj_t *o)
{
    gp_number_methods_t *nb = GP_TYPE(o)->as_number;
    return GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_INT_SUBCLASS) ||
           (nb && nb->index);
}

gp_obj_t *gp_number_index(gp_obj_t *o)
{
    if (GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_INT_SUBCLASS))
        return gp_newref(o);
    gp_number_methods_t *nb = GP_TYPE(o)->as_number;
    if (!nb || !nb->index) {
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object cannot be interpreted as an "
                             "integer", TNAME(o));
    }
    gp_obj_t *r = nb->index(o);
    if (r && !GP_TYPE_CHECK_FAST(r, GP_TPFLAGS_INT_SUBCLASS)) {
        gp_err_format(&gp_exc_TypeError,
                      "__index__ returned non-int (type %s)", TNAME(r));
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

gp_ssize_t gp_number_as_ssize_t(gp_obj_t *o, gp_type_t *exc)
{
    gp_obj_t *i = gp_number_index(o);
    if (!i)
        return -1;
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(i, &overflow);
    GP_DECREF(i);
    if (!overflow)
        return (gp_ssize_t)v;
    if (!exc)
        return overflow < 0 ? INT64_MIN : INT64_MAX;
    gp_err_format(exc, "cannot fit '%s' into an index-sized integer",
                  TNAME(o));
    return -1;
}

gp_obj_t *gp_number_long(gp_obj_t *o)
{
    if (GP_TYPE(o) == &gp_int_type)
        return gp_newref(o);
    gp_number_methods_t *nb = GP_TYPE(o)->as_number;
    if (nb && nb->int_) {
        gp_obj_t *r = nb->int_(o);
        if (r && !GP_TYPE_CHECK_FAST(r, GP_TPFLAGS_INT_SUBCLASS)) {
            gp_err_format(&gp_exc_TypeError,
                          "__int__ returned non-int (type %s)", TNAME(r));
            GP_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (nb && nb->index)
        return gp_number_index(o);
    gp_obj_t *trunc = gp_type_lookup(GP_TYPE(o), GP_ID(__trunc__));
    if (trunc) {
        gp_obj_t *r = gp_call_method(o, GP_ID(__trunc__), 0);
        if (!r || GP_TYPE_CHECK_FAST(r, GP_TPFLAGS_INT_SUBCLASS))
            return r;
        gp_obj_t *i = gp_number_index(r);
        GP_DECREF(r);
        return i;
    }
    if (GP_STR_CHECK(o))
        return gp_int_from_string(gp_str_utf8(o, NULL), -1, 10);
    return gp_err_format(&gp_exc_TypeError,
                         "int() argument must be a string, a bytes-like "
                         "object or a real number, not '%s'", TNAME(o));
}

gp_obj_t *gp_number_float(gp_obj_t *o)
{
    if (GP_TYPE(o) == &gp_float_type)
        return gp_newref(o);
    gp_number_methods_t *nb = GP_TYPE(o)->as_number;
    if (nb && nb->float_) {
        gp_obj_t *r = nb->float_(o);
        if (r && GP_TYPE(r) != &gp_float_type &&
            !gp_type_is_subtype(GP_TYPE(r), &gp_float_type)) {
            gp_err_format(&gp_exc_TypeError,
                          "%s.__float__ returned non-float (type %s)",
                          TNAME(o), TNAME(r));
            GP_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (nb && nb->index) {
        gp_obj_t *i = gp_number_index(o);
        if (!i)
            return NULL;
        double d = gp_int_as_double(i);
        GP_DECREF(i);
        if (d == -1.0 && gp_err_occurred())
            return NULL;
        return gp_float_from_double(d);
    }
    return gp_err_format(&gp_exc_TypeError,
                         "float() argument must be a string or a real "
                         "number, not '%s'", TNAME(o));
}

/* ---- sequences and mappings --------------------------------------------- */

gp_ssize_t gp_length(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->as_sequence && t->as_sequence->length)
        return t->as_sequence->length(o);
    if (t->as_mapping && t->as_mapping->length)
        return t->as_mapping->length(o);
    gp_err_format(&gp_exc_TypeError, "object of type '%s' has no len()",
                  TNAME(o));
    return -1;
}

gp_ssize_t gp_length_hint(gp_obj_t *o, gp_ssize_t dflt)
{
    gp_type_t *t = GP_TYPE(o);
    if ((t->as_sequence && t->as_sequence->length) ||
        (t->as_mapping && t->as_mapping->length)) {
        gp_ssize_t n = gp_length(o);
        if (n >= 0)
            return n;
        if (!gp_err_matches(&gp_exc_TypeError))
            return -1;
        gp_err_clear();
    }
    gp_obj_t *h = gp_type_lookup(t, GP_ID(__length_hint__));
    if (!h)
        return dflt;
    gp_obj_t *r = gp_call_method(o, GP_ID(__length_hint__), 0);
    if (!r) {
        if (!gp_err_matches(&gp_exc_TypeError))
            return -1;
        gp_err_clear();
        return dflt;
    }
    if (r == GP_NOTIMPLEMENTED) {
        GP_DECREF(r);
        return dflt;
    }
    gp_ssize_t n = gp_number_as_ssize_t(r, &gp_exc_OverflowError);
    GP_DECREF(r);
    if (n < 0 && !gp_err_occurred()) {
        gp_err_set_str(&gp_exc_ValueError,
                       "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

gp_obj_t *gp_getitem(gp_obj_t *o, gp_obj_t *key)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->as_mapping && t->as_mapping->subscript)
        return t->as_mapping->subscript(o, key);
    if (t->as_sequence && t->as_sequence->item) {
        if (!gp_index_check(key)) {
            return gp_err_format(&gp_exc_TypeError,
                                 "sequence index must be integer, not '%s'",
                                 TNAME(key));
        }
        gp_ssize_t i = gp_number_as_ssize_t(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
        if (i < 0 && t->as_sequence->length) {
            gp_ssize_t n = t->as_sequence->length(o);
            if (n < 0)
                return NULL;
            i += n;
        }
        return t->as_sequence->item(o, i);
    }
    if (GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_obj_t *m;
        int r = gp_getattr_opt(o, GP_ID(__class_getitem__), &m);
        if (r < 0)
            return NULL;
        if (r) {
            gp_obj_t *res = gp_call_one(m, key);
            GP_DECREF(m);
            return res;
        }
        /* PEP 585: the built-in containers (and type) are generic. */
        static gp_type_t *const generic[] = {
            &gp_list_type, &gp_tuple_type, &gp_dict_type, &gp_set_type,
            &gp_frozenset_type, &gp_type_type,
        };
        for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
            if ((gp_type_t *)o == generic[i])
                return gp_generic_alias_new(o, key);
        return gp_err_format(&gp_exc_TypeError,
                             "type '%s' is not subscriptable",
                             gp_type_name_cstr((gp_type_t *)o));
    }
    return gp_err_format(&gp_exc_TypeError, "'%s' object is not "
                         "subscriptable", TNAME(o));
}

gp_obj_t *gp_getitem_int(gp_obj_t *o, gp_ssize_t i)
{
    gp_obj_t *k = gp_int_from_ssize(i);
    if (!k)
        return NULL;
    gp_obj_t *r = gp_getitem(o, k);
    GP_DECREF(k);
    return r;
}

int gp_setitem(gp_obj_t *o, gp_obj_t *key, gp_obj_t *v)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->as_mapping && t->as_mapping->ass_subscript)
        return t->as_mapping->ass_subscript(o, key, v);
    if (!v)
        /* CPython words it differently when the deletion reached the
        ** sequence protocol. */
        gp_err_format(&gp_exc_TypeError, "'%s' object %s support item "
                      "deletion", TNAME(o),
                      t->as_sequence && gp_index_check(key) ? "doesn't"
                                                            : "does not");
    else
        gp_err_format(&gp_exc_TypeError, "'%s' object does not support item "
                      "assignment", TNAME(o));
    return -1;
}

int gp_delitem(gp_obj_t *o, gp_obj_t *key)
{
    return gp_setitem(o, key, NULL);
}

int gp_sequence_contains_iter(gp_obj_t *seq, gp_obj_t *item)
{
    gp_obj_t *it = gp_iter(seq);
    if (!it) {
        if (gp_err_matches(&gp_exc_TypeError)) {
            gp_err_clear();
            gp_err_format(&gp_exc_TypeError,
                          "argument of type '%s' is not iterable",
                          TNAME(seq));
        }
        return -1;
    }
    int found = 0;
    gp_obj_t *x;
    while ((x = gp_iter_next(it))) {
        int eq = gp_richcompare_bool(x, item, GP_EQ);
        GP_DECREF(x);
        if (eq) {
            found = eq;
            break;
        }
    }
    GP_DECREF(it);
    if (found == 0 && gp_err_occurred())
        return -1;
    return found;
}

int gp_contains(gp_obj_t *seq, gp_obj_t *item)
{
    gp_sequence_methods_t *s = GP_TYPE(seq)->as_sequence;
    if (s && s->contains)
        return s->contains(seq, item);
    return gp_sequence_contains_iter(seq, item);
}

gp_obj_t *gp_iter(gp_obj_t *o)
{
    gp_unary_fn f = GP_TYPE(o)->iter;
    if (!f) {
        gp_sequence_methods_t *s = GP_TYPE(o)->as_sequence;
        gp_mapping_methods_t *m = GP_TYPE(o)->as_mapping;
        if ((s && s->item) || (m && m->subscript &&
                               !GP_TYPE_CHECK_FAST(o,
                                   GP_TPFLAGS_DICT_SUBCLASS)))
            return gp_seqiter_new(o);
        return gp_err_format(&gp_exc_TypeError, "'%s' object is not "
                             "iterable", TNAME(o));
    }
    gp_obj_t *it = f(o);
    if (it && !GP_TYPE(it)->iternext) {
        gp_err_format(&gp_exc_TypeError,
                      "iter() returned non-iterator of type '%s'", TNAME(it));
        GP_DECREF(it);
        return NULL;
    }
    return it;
}

gp_obj_t *gp_iter_next(gp_obj_t *it)
{
    gp_obj_t *r = GP_TYPE(it)->iternext(it);
    if (!r && gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    return r;
}

int gp_iter_check(gp_obj_t *o)
{
    return GP_TYPE(o)->iternext != NULL;
}

gp_obj_t *gp_sequence_list(gp_obj_t *o)
{
    gp_obj_t *l = gp_list_new(0);
    if (l && gp_list_extend(l, o) < 0)
        GP_CLEAR(l);
    return l;
}

gp_obj_t *gp_sequence_tuple(gp_obj_t *o)
{
    if (GP_TUPLE_CHECK_EXACT(o))
        return gp_newref(o);
    gp_obj_t *l = gp_sequence_list(o);
    if (!l)
        return NULL;
    gp_obj_t *t = gp_list_as_tuple(l);
    GP_DECREF(l);
    return t;
}

int gp_unpack_iterable(gp_obj_t *o, gp_ssize_t before, gp_ssize_t after,
                       int star, gp_obj_t **out)
{
    if (!star && (GP_TUPLE_CHECK_EXACT(o) || GP_TYPE(o) == &gp_list_type)) {
        /* `a, b = b, a` and friends: no iterator. */
        gp_ssize_t n = GP_SIZE(o);
        if (n != before) {
            if (n < before)
                gp_err_format(&gp_exc_ValueError, "not enough values to "
                              "unpack (expected %zd, got %zd)", before, n);
            else
                gp_err_format(&gp_exc_ValueError, "too many values to "
                              "unpack (expected %zd)", before);
            return -1;
        }
        for (gp_ssize_t i = 0; i < n; i++)
            out[i] = gp_newref(GP_TUPLE_CHECK_EXACT(o) ? GP_TUPLE_GET(o, i)
                                                       : GP_LIST_GET(o, i));
        return 0;
    }
    gp_obj_t *it = gp_iter(o);
    if (!it) {
        if (gp_err_matches(&gp_exc_TypeError) && !GP_TYPE(o)->iter) {
            gp_err_clear();
            gp_err_format(&gp_exc_TypeError,
                          "cannot unpack non-iterable %s object", TNAME(o));
        }
        return -1;
    }
    gp_ssize_t i = 0;
    for (; i < before; i++) {
        gp_obj_t *x = gp_iter_next(it);
        if (!x) {
            if (!gp_err_occurred()) {
                if (star)
                    gp_err_format(&gp_exc_ValueError,
                                  "not enough values to unpack (expected at "
                                  "least %zd, got %zd)", before + after, i);
                else
                    gp_err_format(&gp_exc_ValueError,
                                  "not enough values to unpack (expected "
                                  "%zd, got %zd)", before, i);
            }
            goto fail;
        }
        out[i] = x;
    }
    if (!star) {
        gp_obj_t *x = gp_iter_next(it);
        if (x) {
            GP_DECREF(x);
            gp_err_format(&gp_exc_ValueError,
                          "too many values to unpack (expected %zd)", before);
            goto fail;
        }
        if (gp_err_occurred())
            goto fail;
        GP_DECREF(it);
        return 0;
    }
    gp_obj_t *rest = gp_sequence_list(it);
    if (!rest)
        goto fail;
    if (GP_SIZE(rest) < after) {
        gp_err_format(&gp_exc_ValueError,
                      "not enough values to unpack (expected at least %zd, "
                      "got %zd)", before + after, before + GP_SIZE(rest));
        GP_DECREF(rest);
        goto fail;
    }
    out[i++] = rest;
    gp_ssize_t n = GP_SIZE(rest);
    for (gp_ssize_t k = 0; k < after; k++)
        out[i++] = gp_newref(GP_LIST_GET(rest, n - after + k));
    /* drop the moved tail from the starred list */
    for (gp_ssize_t k = 0; k < after; k++) {
        GP_DECREF(GP_LIST_GET(rest, n - 1 - k));
    }
    GP_SIZE(rest) = n - after;
    GP_DECREF(it);
    return 0;
fail:
    while (i > 0)
        GP_DECREF(out[--i]);
    GP_DECREF(it);
    return -1;
}
