/*
** type_slots.c — C slots <-> dunder methods.  Two directions:
**   - a static type's C slot seen from Python: the slot wrapper in its
**     dict (`int.__add__`, `object.__init__`), called by gp_slot_call;
**   - a class's dunder seen from C: the slot_* functions below, installed
**     in the class's slots when the class (or a base class written in
**     Python) defines the dunder, so the VM's fast paths reach it.
** Binary operators follow CPython's SLOT1BINFULL: the left operand's
** __add__ first, unless the right operand's type is a subclass that
** overrides __radd__.  Guard: the GIL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "objects/typeslots.h"
#include "vm/errors.h"
#include "vm/funcobj.h"

/* The same names as ids.h strings, for lookups without making a str. */
static const int slot_ids[GP_SLOT_BINOP] = {
    GP_ID___repr__, GP_ID___str__, GP_ID___hash__, GP_ID___call__,
    GP_ID___iter__, GP_ID___next__, GP_ID___getattribute__,
    GP_ID___getattr__, GP_ID___setattr__, GP_ID___delattr__, GP_ID___get__,
    GP_ID___set__, GP_ID___delete__, GP_ID___init__, GP_ID___del__,
    GP_ID___new__, GP_ID___lt__, GP_ID___le__, GP_ID___eq__, GP_ID___ne__,
    GP_ID___gt__, GP_ID___ge__, GP_ID___len__, GP_ID___getitem__,
    GP_ID___setitem__, GP_ID___delitem__, GP_ID___contains__,
    GP_ID___bool__, GP_ID___neg__, GP_ID___pos__, GP_ID___abs__,
    GP_ID___invert__, GP_ID___int__, GP_ID___float__, GP_ID___index__,
    GP_ID___divmod__, GP_ID___rdivmod__,
};
static const int op_ids[3][GP_NB_COUNT] = {
    {GP_ID___add__, GP_ID___and__, GP_ID___floordiv__, GP_ID___lshift__,
     GP_ID___matmul__, GP_ID___mul__, GP_ID___mod__, GP_ID___or__,
     GP_ID___pow__, GP_ID___rshift__, GP_ID___sub__, GP_ID___truediv__,
     GP_ID___xor__},
    {GP_ID___radd__, GP_ID___rand__, GP_ID___rfloordiv__, GP_ID___rlshift__,
     GP_ID___rmatmul__, GP_ID___rmul__, GP_ID___rmod__, GP_ID___ror__,
     GP_ID___rpow__, GP_ID___rrshift__, GP_ID___rsub__, GP_ID___rtruediv__,
     GP_ID___rxor__},
    {GP_ID___iadd__, GP_ID___iand__, GP_ID___ifloordiv__, GP_ID___ilshift__,
     GP_ID___imatmul__, GP_ID___imul__, GP_ID___imod__, GP_ID___ior__,
     GP_ID___ipow__, GP_ID___irshift__, GP_ID___isub__, GP_ID___itruediv__,
     GP_ID___ixor__},
};

gp_obj_t *gp_slot_name_obj(int slot)
{
    if (slot < GP_SLOT_BINOP)
        return gp_id_table[slot_ids[slot]];
    int kind = (slot - GP_SLOT_BINOP) / GP_NB_COUNT;
    return gp_id_table[op_ids[kind][(slot - GP_SLOT_BINOP) % GP_NB_COUNT]];
}

const char *gp_slot_name(int slot)
{
    return gp_str_utf8(gp_slot_name_obj(slot), NULL);
}

/* ---- calling a C slot (slot wrappers) ---------------------------------- */

static int want(const char *name, gp_ssize_t nargs, gp_ssize_t n)
{
    if (nargs == n)
        return 0;
    gp_err_format(&gp_exc_TypeError, "expected %zd argument%s, got %zd", n,
                  n == 1 ? "" : "s", nargs);
    (void)name;
    return -1;
}

static gp_obj_t *bool_or_none(int r)
{
    if (r < 0)
        return NULL;
    GP_RETURN_NONE;
}

gp_obj_t *gp_slot_call(gp_type_t *t, int slot, gp_obj_t *self,
                       gp_obj_t *const *args, gp_ssize_t nargs,
                       gp_obj_t *kwnames)
{
    const char *name = gp_slot_name(slot);
    if (slot != GP_SLOT_CALL && slot != GP_SLOT_INIT && slot != GP_SLOT_NEW &&
        kwnames && GP_SIZE(kwnames)) {
        return gp_err_format(&gp_exc_TypeError,
                             "wrapper %s() takes no keyword arguments", name);
    }
    gp_number_methods_t *nb = t->as_number;
    switch (slot) {
    case GP_SLOT_REPR:
        return want(name, nargs, 0) ? NULL : t->repr(self);
    case GP_SLOT_STR:
        return want(name, nargs, 0) ? NULL : t->str(self);
    case GP_SLOT_HASH: {
        if (want(name, nargs, 0))
            return NULL;
        gp_hash_t h = t->hash(self);
        return h == -1 ? NULL : gp_int_from_i64(h);
    }
    case GP_SLOT_CALL:
        return t->call(self, args, nargs, kwnames);
    case GP_SLOT_ITER:
        return want(name, nargs, 0) ? NULL : t->iter(self);
    case GP_SLOT_NEXT: {
        if (want(name, nargs, 0))
            return NULL;
        gp_obj_t *r = t->iternext(self);
        if (!r && !gp_err_occurred())
            gp_err_set_none(&gp_exc_StopIteration);
        return r;
    }
    case GP_SLOT_GETATTRIBUTE:
        if (want(name, nargs, 1))
            return NULL;
        if (!GP_STR_CHECK(args[0])) {
            return gp_err_format(&gp_exc_TypeError,
                "attribute name must be string, not '%s'",
                gp_type_name_cstr(GP_TYPE(args[0])));
        }
        return t->getattro(self, args[0]);
    case GP_SLOT_SETATTR:
        if (want(name, nargs, 2))
            return NULL;
        return bool_or_none(t->setattro(self, args[0], args[1]));
    case GP_SLOT_DELATTR:
        if (want(name, nargs, 1))
            return NULL;
        return bool_or_none(t->setattro(self, args[0], NULL));
    case GP_SLOT_GET: {
        if (nargs < 1 || nargs > 2) {
            gp_err_set_str(&gp_exc_TypeError,
                           "__get__(None, None) is invalid");
            return NULL;
        }
        gp_obj_t *obj = args[0] == GP_NONE ? NULL : args[0];
        gp_obj_t *type = nargs > 1 && args[1] != GP_NONE ? args[1] : NULL;
        if (!obj && !type) {
            gp_err_set_str(&gp_exc_TypeError,
                           "__get__(None, None) is invalid");
            return NULL;
        }
        return t->descr_get(self, obj, type);
    }
    case GP_SLOT_SET:
        if (want(name, nargs, 2))
            return NULL;
        return bool_or_none(t->descr_set(self, args[0], args[1]));
    case GP_SLOT_DELETE:
        if (want(name, nargs, 1))
            return NULL;
        return bool_or_none(t->descr_set(self, args[0], NULL));
    case GP_SLOT_INIT:
        return bool_or_none(t->init(self, args, nargs, kwnames));
    case GP_SLOT_DEL:
        t->finalize(self);
        if (gp_err_occurred())
            return NULL;
        GP_RETURN_NONE;
    case GP_SLOT_LT: case GP_SLOT_LE: case GP_SLOT_EQ: case GP_SLOT_NE:
    case GP_SLOT_GT: case GP_SLOT_GE:
        if (want(name, nargs, 1))
            return NULL;
        return t->richcompare(self, args[0], slot - GP_SLOT_LT);
    case GP_SLOT_LEN: {
        if (want(name, nargs, 0))
            return NULL;
        gp_ssize_t n = t->as_mapping && t->as_mapping->length
                       ? t->as_mapping->length(self)
                       : t->as_sequence->length(self);
        return n < 0 ? NULL : gp_int_from_ssize(n);
    }
    case GP_SLOT_GETITEM:
        if (want(name, nargs, 1))
            return NULL;
        if (t->as_mapping && t->as_mapping->subscript)
            return t->as_mapping->subscript(self, args[0]);
        {
            gp_ssize_t i = gp_number_as_ssize_t(args[0],
                                                &gp_exc_IndexError);
            if (i == -1 && gp_err_occurred())
                return NULL;
            if (i < 0 && t->as_sequence->length) {
                gp_ssize_t n = t->as_sequence->length(self);
                if (n < 0)
                    return NULL;
                i += n;
            }
            return t->as_sequence->item(self, i);
        }
    case GP_SLOT_SETITEM:
        if (want(name, nargs, 2))
            return NULL;
        return bool_or_none(t->as_mapping->ass_subscript(self, args[0],
                                                         args[1]));
    case GP_SLOT_DELITEM:
        if (want(name, nargs, 1))
            return NULL;
        return bool_or_none(t->as_mapping->ass_subscript(self, args[0],
                                                         NULL));
    case GP_SLOT_CONTAINS: {
        if (want(name, nargs, 1))
            return NULL;
        int r = t->as_sequence->contains(self, args[0]);
        return r < 0 ? NULL : gp_bool_from(r);
    }
    case GP_SLOT_BOOL: {
        if (want(name, nargs, 0))
            return NULL;
        int r = nb->bool_(self);
        return r < 0 ? NULL : gp_bool_from(r);
    }
    case GP_SLOT_NEG: return want(name, nargs, 0) ? NULL : nb->neg(self);
    case GP_SLOT_POS: return want(name, nargs, 0) ? NULL : nb->pos(self);
    case GP_SLOT_ABS: return want(name, nargs, 0) ? NULL : nb->abs(self);
    case GP_SLOT_INVERT:
        return want(name, nargs, 0) ? NULL : nb->invert(self);
    case GP_SLOT_INT: return want(name, nargs, 0) ? NULL : nb->int_(self);
    case GP_SLOT_FLOAT:
        return want(name, nargs, 0) ? NULL : nb->float_(self);
    case GP_SLOT_INDEX:
        return want(name, nargs, 0) ? NULL : nb->index(self);
    case GP_SLOT_DIVMOD:
        return want(name, nargs, 1) ? NULL : nb->divmod(self, args[0]);
    case GP_SLOT_RDIVMOD:
        return want(name, nargs, 1) ? NULL : nb->divmod(args[0], self);
    default:
        break;
    }
    int op = (slot - GP_SLOT_BINOP) % GP_NB_COUNT;
    if (op == GP_NB_POWER && slot != GP_SLOT_IBINOP + op && nargs == 2 &&
        args[1] != GP_NONE) {
        if (!nb->power3)
            GP_RETURN_NOTIMPLEMENTED;
        return slot < GP_SLOT_RBINOP ? nb->power3(self, args[0], args[1])
                                     : nb->power3(args[0], self, args[1]);
    }
    if (nargs != 1 && !(op == GP_NB_POWER && nargs == 2))
        return want(name, nargs, 1) ? NULL : NULL;
    if (slot < GP_SLOT_RBINOP)
        return nb->binop[op](self, args[0]);
    if (slot < GP_SLOT_IBINOP)
        return nb->binop[op](args[0], self);
    return nb->ibinop[op](self, args[0]);
}

/* Is C slot `slot` of t set (and not just the same as its base's)? */
static void *slot_ptr(gp_type_t *t, int slot)
{
    gp_number_methods_t *nb = t->as_number;
    switch (slot) {
    case GP_SLOT_REPR: return (void *)t->repr;
    case GP_SLOT_STR: return (void *)t->str;
    case GP_SLOT_HASH: return (void *)t->hash;
    case GP_SLOT_CALL: return (void *)t->call;
    case GP_SLOT_ITER: return (void *)t->iter;
    case GP_SLOT_NEXT: return (void *)t->iternext;
    case GP_SLOT_GETATTRIBUTE: return (void *)t->getattro;
    case GP_SLOT_GETATTR: return NULL;
    case GP_SLOT_SETATTR: case GP_SLOT_DELATTR: return (void *)t->setattro;
    case GP_SLOT_GET: return (void *)t->descr_get;
    case GP_SLOT_SET: case GP_SLOT_DELETE: return (void *)t->descr_set;
    case GP_SLOT_INIT: return (void *)t->init;
    case GP_SLOT_DEL: return (void *)t->finalize;
    case GP_SLOT_NEW: return (void *)t->new_;
    case GP_SLOT_LT: case GP_SLOT_LE: case GP_SLOT_EQ: case GP_SLOT_NE:
    case GP_SLOT_GT: case GP_SLOT_GE: return (void *)t->richcompare;
    case GP_SLOT_LEN:
        if (t->as_mapping && t->as_mapping->length)
            return (void *)t->as_mapping->length;
        return t->as_sequence ? (void *)t->as_sequence->length : NULL;
    case GP_SLOT_GETITEM:
        if (t->as_mapping && t->as_mapping->subscript)
            return (void *)t->as_mapping->subscript;
        return t->as_sequence ? (void *)t->as_sequence->item : NULL;
    case GP_SLOT_SETITEM: case GP_SLOT_DELITEM:
        return t->as_mapping ? (void *)t->as_mapping->ass_subscript : NULL;
    case GP_SLOT_CONTAINS:
        return t->as_sequence ? (void *)t->as_sequence->contains : NULL;
    default:
        break;
    }
    if (!nb)
        return NULL;
    switch (slot) {
    case GP_SLOT_BOOL: return (void *)nb->bool_;
    case GP_SLOT_NEG: return (void *)nb->neg;
    case GP_SLOT_POS: return (void *)nb->pos;
    case GP_SLOT_ABS: return (void *)nb->abs;
    case GP_SLOT_INVERT: return (void *)nb->invert;
    case GP_SLOT_INT: return (void *)nb->int_;
    case GP_SLOT_FLOAT: return (void *)nb->float_;
    case GP_SLOT_INDEX: return (void *)nb->index;
    case GP_SLOT_DIVMOD: case GP_SLOT_RDIVMOD: return (void *)nb->divmod;
    default:
        break;
    }
    int op = (slot - GP_SLOT_BINOP) % GP_NB_COUNT;
    if (slot >= GP_SLOT_IBINOP)
        return (void *)nb->ibinop[op];
    return (void *)nb->binop[op];
}

/* tp_new as `X.__new__(cls, ...)`: a builtin bound to the type X. */
static gp_obj_t *slot_new(gp_type_t *t, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames);

static gp_obj_t *new_wrapper(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_type_t *t = (gp_type_t *)self;
    const char *tn = gp_type_name_cstr(t);
    if (nargs < 1) {
        return gp_err_format(&gp_exc_TypeError,
                             "%s.__new__(): not enough arguments", tn);
    }
    gp_obj_t *sub = args[0];
    if (!GP_TYPE_CHECK_FAST(sub, GP_TPFLAGS_TYPE_SUBCLASS)) {
        return gp_err_format(&gp_exc_TypeError,
                             "%s.__new__(X): X is not a type object (%s)",
                             tn, gp_type_name_cstr(GP_TYPE(sub)));
    }
    gp_type_t *st = (gp_type_t *)sub;
    if (!gp_type_is_subtype(st, t)) {
        return gp_err_format(&gp_exc_TypeError,
                             "%s.__new__(%s): %s is not a subtype of %s",
                             tn, gp_type_name_cstr(st), gp_type_name_cstr(st),
                             tn);
    }
    /* The nearest base whose __new__ is C must be this one: object.__new__
    ** cannot make an int (its layout would be wrong). */
    gp_type_t *staticbase = st;
    while (staticbase && staticbase->new_ == slot_new)
        staticbase = staticbase->base;
    if (staticbase && staticbase->new_ != t->new_) {
        return gp_err_format(&gp_exc_TypeError,
                             "%s.__new__(%s) is not safe, use %s.__new__()",
                             tn, gp_type_name_cstr(st),
                             gp_type_name_cstr(staticbase));
    }
    return t->new_(st, args + 1, nargs - 1, kwnames);
}

static gp_methoddef_t new_def = {
    "__new__", GP_METH_FN(new_wrapper), GP_METH_FASTCALL | GP_METH_KEYWORDS,
    "Create and return a new object."
};

int gp_slots_add_wrappers(gp_type_t *t)
{
    gp_type_t *b = t->base;
    for (int slot = 0; slot < GP_SLOT_COUNT; slot++) {
        if (slot == GP_SLOT_GETATTR)
            continue;
        void *p = slot_ptr(t, slot);
        const char *name = gp_slot_name(slot);
        if (slot == GP_SLOT_HASH && !p) {
            /* Unhashable: __hash__ = None, as CPython's types show. */
            if (!gp_dict_getitem_str(t->dict, name) &&
                gp_dict_setitem_str(t->dict, name, GP_NONE) < 0)
                return -1;
            continue;
        }
        if (!p || (b && slot_ptr(b, slot) == p && t != &gp_object_type))
            continue;
        if (gp_dict_getitem_str(t->dict, name))
            continue;
        gp_obj_t *w;
        if (slot == GP_SLOT_NEW)
            w = gp_staticmethod_from_cfunction(&new_def, (gp_obj_t *)t);
        else
            w = gp_wrapper_descr_new(t, slot);
        if (!w || gp_dict_setitem_str(t->dict, name, w) < 0) {
            GP_XDECREF(w);
            return -1;
        }
        GP_DECREF(w);
    }
    return 0;
}

/* ---- the slots of classes ----------------------------------------------- */

/* type(self).name(self, args...) — NULL with AttributeError if the class
** has no such attribute (callers check first where it matters). */
static gp_obj_t *call_dunder(gp_obj_t *self, gp_obj_t *n,
                             gp_obj_t *const *args, gp_ssize_t nargs)
{
    gp_obj_t *f = gp_type_lookup(GP_TYPE(self), n);
    if (!f) {
        gp_err_set(&gp_exc_AttributeError, n);
        return NULL;
    }
    gp_obj_t *stack[4];
    if (GP_TYPE(f)->flags & GP_TPFLAGS_METHOD_DESCRIPTOR && nargs < 4) {
        stack[0] = self;
        for (gp_ssize_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        return gp_vectorcall(f, stack, nargs + 1, NULL);
    }
    GP_INCREF(f);
    if (GP_TYPE(f)->descr_get) {
        GP_SETREF(f, GP_TYPE(f)->descr_get(f, self,
                                           (gp_obj_t *)GP_TYPE(self)));
        if (!f)
            return NULL;
    }
    gp_obj_t *r = gp_vectorcall(f, args, nargs, NULL);
    GP_DECREF(f);
    return r;
}

static int has_dunder(gp_type_t *t, gp_obj_t *n)
{
    return gp_type_lookup(t, n) != NULL;
}

#define UNARY_SLOT(fn, dunder) \
    static gp_obj_t *fn(gp_obj_t *self) \
    { return call_dunder(self, GP_ID(dunder), NULL, 0); }

UNARY_SLOT(slot_repr, __repr__)
UNARY_SLOT(slot_str, __str__)
UNARY_SLOT(slot_iter, __iter__)
UNARY_SLOT(slot_neg, __neg__)
UNARY_SLOT(slot_pos, __pos__)
UNARY_SLOT(slot_abs, __abs__)
UNARY_SLOT(slot_invert, __invert__)
UNARY_SLOT(slot_int, __int__)
UNARY_SLOT(slot_float, __float__)
UNARY_SLOT(slot_index, __index__)

static gp_obj_t *slot_next(gp_obj_t *self)
{
    gp_obj_t *r = call_dunder(self, GP_ID(__next__), NULL, 0);
    if (!r && gp_err_matches(&gp_exc_StopIteration)) {
        /* iternext's protocol: exhausted is NULL without an exception
        ** (the StopIteration value is dropped, as CPython's slot does). */
        gp_err_clear();
    }
    return r;
}

static gp_hash_t slot_hash(gp_obj_t *self)
{
    gp_obj_t *f = gp_type_lookup(GP_TYPE(self), GP_ID(__hash__));
    if (!f || f == GP_NONE)
        return gp_hash_not_implemented(self);
    gp_obj_t *r = call_dunder(self, GP_ID(__hash__), NULL, 0);
    if (!r)
        return -1;
    if (!GP_TYPE_CHECK_FAST(r, GP_TPFLAGS_INT_SUBCLASS)) {
        GP_DECREF(r);
        gp_err_set_str(&gp_exc_TypeError,
                       "__hash__ method should return an integer");
        return -1;
    }
    /* Big ints are reduced the way hash(int) does. */
    gp_hash_t h = gp_int_hash(r);
    GP_DECREF(r);
    return h;
}

static gp_obj_t *slot_call(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *f = gp_type_lookup(GP_TYPE(self), GP_ID(__call__));
    if (!f) {
        return gp_err_format(&gp_exc_TypeError, "'%s' object is not "
                             "callable", gp_type_name_cstr(GP_TYPE(self)));
    }
    GP_INCREF(f);
    gp_obj_t *bound = GP_TYPE(f)->descr_get
        ? GP_TYPE(f)->descr_get(f, self, (gp_obj_t *)GP_TYPE(self))
        : gp_newref(f);
    GP_DECREF(f);
    if (!bound)
        return NULL;
    gp_obj_t *r = gp_vectorcall(bound, args, nargs, kwnames);
    GP_DECREF(bound);
    return r;
}

static gp_obj_t *slot_getattro(gp_obj_t *self, gp_obj_t *name)
{
    gp_type_t *t = GP_TYPE(self);
    gp_obj_t *ga = gp_type_lookup(t, GP_ID(__getattribute__));
    gp_obj_t *r;
    if (!ga || (GP_TYPE(ga) == &gp_wrapper_descr_type &&
                gp_wrapper_descr_is(ga, &gp_object_type,
                                    GP_SLOT_GETATTRIBUTE)))
        r = gp_generic_getattr(self, name);
    else
        r = call_dunder(self, GP_ID(__getattribute__), &name, 1);
    if (r || !gp_err_matches(&gp_exc_AttributeError))
        return r;
    if (!gp_type_lookup(t, GP_ID(__getattr__)))
        return NULL;
    gp_err_clear();
    return call_dunder(self, GP_ID(__getattr__), &name, 1);
}

static int slot_setattro(gp_obj_t *self, gp_obj_t *name, gp_obj_t *v)
{
    gp_obj_t *args[2] = {name, v};
    gp_obj_t *r = v ? call_dunder(self, GP_ID(__setattr__), args, 2)
                    : call_dunder(self, GP_ID(__delattr__), args, 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static gp_obj_t *slot_descr_get(gp_obj_t *self, gp_obj_t *obj,
                                gp_obj_t *type)
{
    gp_obj_t *args[2] = {obj ? obj : GP_NONE, type ? type : GP_NONE};
    return call_dunder(self, GP_ID(__get__), args, 2);
}

static int slot_descr_set(gp_obj_t *self, gp_obj_t *obj, gp_obj_t *v)
{
    gp_obj_t *args[2] = {obj, v};
    gp_obj_t *r = v ? call_dunder(self, GP_ID(__set__), args, 2)
                    : call_dunder(self, GP_ID(__delete__), args, 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static int slot_init(gp_obj_t *self, gp_obj_t *const *args, gp_ssize_t nargs,
                     gp_obj_t *kwnames)
{
    gp_obj_t *f = gp_type_lookup(GP_TYPE(self), GP_ID(__init__));
    if (!f) {
        gp_err_set(&gp_exc_AttributeError, GP_ID(__init__));
        return -1;
    }
    gp_obj_t *small[8], **stack = small;
    gp_ssize_t nkw = kwnames ? GP_SIZE(kwnames) : 0;
    if (nargs + nkw + 1 > 8) {
        stack = malloc(sizeof(gp_obj_t *) * (size_t)(nargs + nkw + 1));
        if (!stack) {
            gp_err_nomemory();
            return -1;
        }
    }
    stack[0] = self;
    for (gp_ssize_t i = 0; i < nargs + nkw; i++)
        stack[i + 1] = args[i];
    gp_obj_t *r;
    if (GP_TYPE(f)->flags & GP_TPFLAGS_METHOD_DESCRIPTOR) {
        r = gp_vectorcall(f, stack, nargs + 1, kwnames);
    } else {
        GP_INCREF(f);
        gp_obj_t *b = GP_TYPE(f)->descr_get
            ? GP_TYPE(f)->descr_get(f, self, (gp_obj_t *)GP_TYPE(self))
            : gp_newref(f);
        GP_DECREF(f);
        r = b ? gp_vectorcall(b, args, nargs, kwnames) : NULL;
        GP_XDECREF(b);
    }
    if (stack != small)
        free(stack);
    if (!r)
        return -1;
    if (r != GP_NONE) {
        gp_err_format(&gp_exc_TypeError,
                      "__init__() should return None, not '%s'",
                      gp_type_name_cstr(GP_TYPE(r)));
        GP_DECREF(r);
        return -1;
    }
    GP_DECREF(r);
    return 0;
}

/* __new__ is a static method: type.__new__(cls, ...). */
static gp_obj_t *slot_new(gp_type_t *t, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *f = gp_type_lookup(t, GP_ID(__new__));
    if (!f) {
        gp_err_set(&gp_exc_AttributeError, GP_ID(__new__));
        return NULL;
    }
    GP_INCREF(f);
    if (GP_TYPE(f)->descr_get) {
        GP_SETREF(f, GP_TYPE(f)->descr_get(f, NULL, (gp_obj_t *)t));
        if (!f)
            return NULL;
    }
    gp_ssize_t nkw = kwnames ? GP_SIZE(kwnames) : 0;
    gp_obj_t *small[8], **stack = small;
    if (nargs + nkw + 1 > 8) {
        stack = malloc(sizeof(gp_obj_t *) * (size_t)(nargs + nkw + 1));
        if (!stack) {
            GP_DECREF(f);
            return gp_err_nomemory();
        }
    }
    stack[0] = (gp_obj_t *)t;
    for (gp_ssize_t i = 0; i < nargs + nkw; i++)
        stack[i + 1] = args[i];
    gp_obj_t *r = gp_vectorcall(f, stack, nargs + 1, kwnames);
    if (stack != small)
        free(stack);
    GP_DECREF(f);
    return r;
}

/* __del__ may run while an exception propagates (a frame dropping its
** locals on the way out): that exception is set aside for the call and
** restored after it, whatever __del__ does. */
static void slot_del(gp_obj_t *self)
{
    gp_obj_t *pending = gp_err_fetch();
    gp_obj_t *r = call_dunder(self, GP_ID(__del__), NULL, 0);
    if (r)
        GP_DECREF(r);
    else
        gp_err_write_unraisable(gp_type_lookup(GP_TYPE(self),
                                               GP_ID(__del__)));
    if (pending)
        gp_err_restore(pending);
}

static gp_obj_t *slot_richcompare(gp_obj_t *self, gp_obj_t *other, int op)
{
    gp_obj_t *n = gp_slot_name_obj(GP_SLOT_LT + op);
    if (!has_dunder(GP_TYPE(self), n))
        GP_RETURN_NOTIMPLEMENTED;
    return call_dunder(self, n, &other, 1);
}

static gp_ssize_t slot_len(gp_obj_t *self)
{
    gp_obj_t *r = call_dunder(self, GP_ID(__len__), NULL, 0);
    if (!r)
        return -1;
    if (!GP_TYPE_CHECK_FAST(r, GP_TPFLAGS_INT_SUBCLASS)) {
        gp_err_format(&gp_exc_TypeError,
                      "'%s' object cannot be interpreted as an integer",
                      gp_type_name_cstr(GP_TYPE(r)));
        GP_DECREF(r);
        return -1;
    }
    gp_ssize_t n = gp_int_as_ssize(r);
    int neg = gp_int_sign(r) < 0;
    GP_DECREF(r);
    if (n == -1 && gp_err_occurred()) {
        if (gp_err_matches(&gp_exc_OverflowError)) {
            gp_err_clear();
            gp_err_set_str(&gp_exc_OverflowError, "cannot fit 'int' into "
                           "an index-sized integer");
        }
        return -1;
    }
    if (neg) {
        gp_err_set_str(&gp_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static gp_obj_t *slot_getitem(gp_obj_t *self, gp_obj_t *key)
{
    return call_dunder(self, GP_ID(__getitem__), &key, 1);
}

static gp_obj_t *slot_sq_item(gp_obj_t *self, gp_ssize_t i)
{
    gp_obj_t *k = gp_int_from_ssize(i);
    if (!k)
        return NULL;
    gp_obj_t *r = call_dunder(self, GP_ID(__getitem__), &k, 1);
    GP_DECREF(k);
    return r;
}

static int slot_setitem(gp_obj_t *self, gp_obj_t *key, gp_obj_t *v)
{
    gp_obj_t *args[2] = {key, v};
    gp_obj_t *r = v ? call_dunder(self, GP_ID(__setitem__), args, 2)
                    : call_dunder(self, GP_ID(__delitem__), args, 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static int slot_contains(gp_obj_t *self, gp_obj_t *v)
{
    gp_obj_t *f = gp_type_lookup(GP_TYPE(self), GP_ID(__contains__));
    if (f == GP_NONE) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not a container",
                      gp_type_name_cstr(GP_TYPE(self)));
        return -1;
    }
    if (!f) {
        /* No __contains__: iterate (abstract.c's fallback). */
        return gp_sequence_contains_iter(self, v);
    }
    gp_obj_t *r = call_dunder(self, GP_ID(__contains__), &v, 1);
    if (!r)
        return -1;
    int t = gp_is_true(r);
    GP_DECREF(r);
    return t;
}

static int slot_bool(gp_obj_t *self)
{
    gp_type_t *t = GP_TYPE(self);
    if (has_dunder(t, GP_ID(__bool__))) {
        gp_obj_t *r = call_dunder(self, GP_ID(__bool__), NULL, 0);
        if (!r)
            return -1;
        if (!GP_TYPE_CHECK_FAST(r, GP_TPFLAGS_INT_SUBCLASS) ||
            GP_TYPE(r) != &gp_bool_type) {
            gp_err_format(&gp_exc_TypeError,
                          "__bool__ should return bool, returned %s",
                          gp_type_name_cstr(GP_TYPE(r)));
            GP_DECREF(r);
            return -1;
        }
        int b = r == GP_TRUE;
        GP_DECREF(r);
        return b;
    }
    if (has_dunder(t, GP_ID(__len__))) {
        gp_ssize_t n = slot_len(self);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static gp_obj_t *slot_divmod(gp_obj_t *a, gp_obj_t *b);

/* a OP b for a class: CPython's SLOT1BINFULL. */
static gp_obj_t *binop_dispatch(gp_obj_t *self, gp_obj_t *other, int op,
                                gp_binary_fn me)
{
    gp_obj_t *lname = gp_slot_name_obj(GP_SLOT_BINOP + op);
    gp_obj_t *rname = gp_slot_name_obj(GP_SLOT_RBINOP + op);
    gp_type_t *ts = GP_TYPE(self), *to = GP_TYPE(other);
    int do_other = ts != to && to->as_number &&
                   to->as_number->binop[op] == me;
    if (ts->as_number && ts->as_number->binop[op] == me &&
        has_dunder(ts, lname)) {
        if (do_other && gp_type_is_subtype(to, ts) && has_dunder(to, rname)) {
            gp_obj_t *r = call_dunder(other, rname, &self, 1);
            if (r != GP_NOTIMPLEMENTED)
                return r;
            GP_DECREF(r);
            do_other = 0;
        }
        gp_obj_t *r = call_dunder(self, lname, &other, 1);
        if (r != GP_NOTIMPLEMENTED || ts == to)
            return r;
        GP_DECREF(r);
    }
    if (do_other && has_dunder(to, rname))
        return call_dunder(other, rname, &self, 1);
    GP_RETURN_NOTIMPLEMENTED;
}

#define BINOP_SLOT(op) \
    static gp_obj_t *slot_binop_##op(gp_obj_t *a, gp_obj_t *b); \
    static gp_obj_t *slot_binop_##op(gp_obj_t *a, gp_obj_t *b) \
    { return binop_dispatch(a, b, op, slot_binop_##op); } \
    static gp_obj_t *slot_ibinop_##op(gp_obj_t *a, gp_obj_t *b) \
    { \
        gp_obj_t *n = gp_slot_name_obj(GP_SLOT_IBINOP + op); \
        if (!has_dunder(GP_TYPE(a), n)) \
            GP_RETURN_NOTIMPLEMENTED; \
        return call_dunder(a, n, &b, 1); \
    }
BINOP_SLOT(0) BINOP_SLOT(1) BINOP_SLOT(2) BINOP_SLOT(3) BINOP_SLOT(4)
BINOP_SLOT(5) BINOP_SLOT(6) BINOP_SLOT(7) BINOP_SLOT(8) BINOP_SLOT(9)
BINOP_SLOT(10) BINOP_SLOT(11) BINOP_SLOT(12)

static const gp_binary_fn slot_binops[GP_NB_COUNT] = {
    slot_binop_0, slot_binop_1, slot_binop_2, slot_binop_3, slot_binop_4,
    slot_binop_5, slot_binop_6, slot_binop_7, slot_binop_8, slot_binop_9,
    slot_binop_10, slot_binop_11, slot_binop_12
};
static const gp_binary_fn slot_ibinops[GP_NB_COUNT] = {
    slot_ibinop_0, slot_ibinop_1, slot_ibinop_2, slot_ibinop_3,
    slot_ibinop_4, slot_ibinop_5, slot_ibinop_6, slot_ibinop_7,
    slot_ibinop_8, slot_ibinop_9, slot_ibinop_10, slot_ibinop_11,
    slot_ibinop_12
};

static gp_obj_t *slot_power3(gp_obj_t *a, gp_obj_t *b, gp_obj_t *m)
{
    if (m == GP_NONE || !m)
        return slot_binops[GP_NB_POWER](a, b);
    if (GP_TYPE(a)->as_number &&
        GP_TYPE(a)->as_number->binop[GP_NB_POWER] ==
        slot_binops[GP_NB_POWER] && has_dunder(GP_TYPE(a), GP_ID(__pow__))) {
        gp_obj_t *args[2] = {b, m};
        return call_dunder(a, GP_ID(__pow__), args, 2);
    }
    GP_RETURN_NOTIMPLEMENTED;
}

static gp_obj_t *slot_divmod(gp_obj_t *a, gp_obj_t *b)
{
    gp_type_t *ta = GP_TYPE(a), *tb = GP_TYPE(b);
    if (ta->as_number && ta->as_number->divmod == slot_divmod &&
        has_dunder(ta, GP_ID(__divmod__))) {
        gp_obj_t *r = call_dunder(a, GP_ID(__divmod__), &b, 1);
        if (r != GP_NOTIMPLEMENTED || ta == tb)
            return r;
        GP_DECREF(r);
    }
    if (ta != tb && tb->as_number && tb->as_number->divmod == slot_divmod &&
        has_dunder(tb, GP_ID(__rdivmod__)))
        return call_dunder(b, GP_ID(__rdivmod__), &a, 1);
    GP_RETURN_NOTIMPLEMENTED;
}

/* ---- installing ---------------------------------------------------------- */

void gp_type_inherit_heap(gp_type_t *t, gp_type_t *b)
{
    /* A class owns (mutable) slot tables, filled from its bases. */
    if (!t->as_number)
        t->as_number = calloc(1, sizeof(gp_number_methods_t));
    if (!t->as_sequence)
        t->as_sequence = calloc(1, sizeof(gp_sequence_methods_t));
    if (!t->as_mapping)
        t->as_mapping = calloc(1, sizeof(gp_mapping_methods_t));
    gp_number_methods_t *n = t->as_number;
    gp_sequence_methods_t *s = t->as_sequence;
    gp_mapping_methods_t *m = t->as_mapping;
    gp_number_methods_t *save_n = b->as_number;
    gp_sequence_methods_t *save_s = b->as_sequence;
    gp_mapping_methods_t *save_m = b->as_mapping;
    /* gp_type_inherit copies the table pointers when t has none; t has
    ** its own, so copy entry by entry. */
    if (n && save_n) {
        for (int i = 0; i < GP_NB_COUNT; i++) {
            if (!n->binop[i])
                n->binop[i] = save_n->binop[i];
            if (!n->ibinop[i])
                n->ibinop[i] = save_n->ibinop[i];
        }
#define INH(f) if (!n->f) n->f = save_n->f
        INH(power3); INH(neg); INH(pos); INH(abs); INH(invert); INH(bool_);
        INH(int_); INH(float_); INH(index); INH(divmod);
#undef INH
    }
    if (s && save_s) {
        if (!s->length) s->length = save_s->length;
        if (!s->item) s->item = save_s->item;
        if (!s->contains) s->contains = save_s->contains;
        if (!s->concat) s->concat = save_s->concat;
    }
    if (m && save_m) {
        if (!m->length) m->length = save_m->length;
        if (!m->subscript) m->subscript = save_m->subscript;
        if (!m->ass_subscript) m->ass_subscript = save_m->ass_subscript;
    }
    gp_destructor_fn dealloc = t->dealloc;
    gp_traverse_fn trav = t->traverse;
    gp_inquiry_fn clr = t->clear;
    gp_getsetdef_t *gs = t->getset;
    gp_ssize_t doff = t->dictoffset;
    gp_type_inherit(t, b);
    t->dealloc = dealloc;
    t->traverse = trav;
    t->clear = clr;
    t->getset = gs;
    t->dictoffset = doff;
}

void gp_slots_free(gp_type_t *t)
{
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE))
        return;
    free(t->as_number);
    free(t->as_sequence);
    free(t->as_mapping);
    t->as_number = NULL;
    t->as_sequence = NULL;
    t->as_mapping = NULL;
}

/* Where does t's `name` come from: 1 a Python-level definition (install
** the slot_* function), 0 nowhere or a C slot wrapper (keep the C slot,
** taken from the wrapper's type), -1 None (explicitly disabled). */
static int defined_in_python(gp_type_t *t, int slot, void **cslot)
{
    gp_obj_t *f = gp_type_lookup(t, gp_slot_name_obj(slot));
    *cslot = NULL;
    if (!f)
        return 0;
    if (f == GP_NONE)
        return -1;
    gp_type_t *owner;
    if (GP_TYPE(f) == &gp_wrapper_descr_type &&
        gp_wrapper_descr_slot(f, &owner) == slot) {
        *cslot = slot_ptr(owner, slot);
        return 0;
    }
    gp_obj_t *self;
    if (slot == GP_SLOT_NEW && gp_staticmethod_cdef(f, &self) == &new_def) {
        /* A built-in type's __new__ (new_wrapper bound to that type). */
        *cslot = (void *)((gp_type_t *)self)->new_;
        return 0;
    }
    return 1;
}

static void fix_slot(gp_type_t *t, int slot)
{
    void *c;
    int py = defined_in_python(t, slot, &c);
    gp_number_methods_t *nb = t->as_number;
    switch (slot) {
    case GP_SLOT_REPR: if (py > 0) t->repr = slot_repr; break;
    case GP_SLOT_STR: if (py > 0) t->str = slot_str; break;
    case GP_SLOT_HASH:
        if (py != 0)
            t->hash = slot_hash;
        break;
    case GP_SLOT_CALL: if (py > 0) t->call = slot_call; break;
    case GP_SLOT_ITER: if (py > 0) t->iter = slot_iter; break;
    case GP_SLOT_NEXT: if (py > 0) t->iternext = slot_next; break;
    case GP_SLOT_GETATTRIBUTE: case GP_SLOT_GETATTR:
        if (py > 0)
            t->getattro = slot_getattro;
        break;
    case GP_SLOT_SETATTR: case GP_SLOT_DELATTR:
        if (py > 0) t->setattro = slot_setattro;
        break;
    case GP_SLOT_GET: if (py > 0) t->descr_get = slot_descr_get; break;
    case GP_SLOT_SET: case GP_SLOT_DELETE:
        if (py > 0) t->descr_set = slot_descr_set;
        break;
    case GP_SLOT_INIT: if (py > 0) t->init = slot_init; break;
    case GP_SLOT_DEL: if (py > 0) t->finalize = slot_del; break;
    case GP_SLOT_NEW: if (py > 0) t->new_ = slot_new; break;
    case GP_SLOT_LT: case GP_SLOT_LE: case GP_SLOT_EQ: case GP_SLOT_NE:
    case GP_SLOT_GT: case GP_SLOT_GE:
        if (py > 0) t->richcompare = slot_richcompare;
        break;
    case GP_SLOT_LEN:
        if (py > 0) {
            t->as_sequence->length = slot_len;
            t->as_mapping->length = slot_len;
        }
        break;
    case GP_SLOT_GETITEM:
        if (py > 0) {
            t->as_mapping->subscript = slot_getitem;
            t->as_sequence->item = slot_sq_item;
        }
        break;
    case GP_SLOT_SETITEM: case GP_SLOT_DELITEM:
        if (py > 0) t->as_mapping->ass_subscript = slot_setitem;
        break;
    case GP_SLOT_CONTAINS:
        if (py != 0) t->as_sequence->contains = slot_contains;
        break;
    case GP_SLOT_BOOL: if (py > 0) nb->bool_ = slot_bool; break;
    case GP_SLOT_NEG: if (py > 0) nb->neg = slot_neg; break;
    case GP_SLOT_POS: if (py > 0) nb->pos = slot_pos; break;
    case GP_SLOT_ABS: if (py > 0) nb->abs = slot_abs; break;
    case GP_SLOT_INVERT: if (py > 0) nb->invert = slot_invert; break;
    case GP_SLOT_INT: if (py > 0) nb->int_ = slot_int; break;
    case GP_SLOT_FLOAT: if (py > 0) nb->float_ = slot_float; break;
    case GP_SLOT_INDEX: if (py > 0) nb->index = slot_index; break;
    case GP_SLOT_DIVMOD: case GP_SLOT_RDIVMOD:
        if (py > 0) nb->divmod = slot_divmod;
        break;
    default: {
        int op = (slot - GP_SLOT_BINOP) % GP_NB_COUNT;
        if (py <= 0)
            break;
        if (slot >= GP_SLOT_IBINOP) {
            nb->ibinop[op] = slot_ibinops[op];
        } else {
            nb->binop[op] = slot_binops[op];
            if (op == GP_NB_POWER)
                nb->power3 = slot_power3;
        }
    }
    }
    if (slot == GP_SLOT_LEN && py > 0 && !has_dunder(t, GP_ID(__bool__)))
        nb->bool_ = slot_bool;
}

void gp_slots_fixup(gp_type_t *t)
{
    for (int slot = 0; slot < GP_SLOT_COUNT; slot++)
        fix_slot(t, slot);
    /* Unhashable when the class (not a base) says __hash__ = None. */
    gp_obj_t *h = gp_dict_getitem(t->dict, GP_ID(__hash__));
    if (h == GP_NONE)
        t->hash = NULL;
}

void gp_slots_update(gp_type_t *t, gp_obj_t *name)
{
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE))
        return;
    const char *s = gp_str_utf8(name, NULL);
    if (!s || s[0] != '_' || s[1] != '_')
        return;
    for (int slot = 0; slot < GP_SLOT_COUNT; slot++) {
        if (strcmp(gp_slot_name(slot), s) != 0)
            continue;
        fix_slot(t, slot);
        if (slot == GP_SLOT_HASH && gp_dict_getitem(t->dict, name) ==
            GP_NONE)
            t->hash = NULL;
        if (t->subclasses) {
            gp_ssize_t pos = 0;
            gp_obj_t *k, *v;
            while (gp_dict_next(t->subclasses, &pos, &k, &v))
                gp_slots_update(gp_type_subclass(v), name);
        }
    }
}
