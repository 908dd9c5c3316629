/*
** abstract.h — the object protocols the VM and the built-ins call: the
** generic operations that dispatch through type slots (CPython's
** Objects/abstract.c and the generic parts of Objects/object.c).  Each
** function is "as" its CPython namesake: same dispatch order (subclass
** first for reflected operands, NotImplemented handling, __index__ ...),
** same error messages ("unsupported operand type(s) for +: 'int' and
** 'str'", "'int' object is not subscriptable", ...).
** Guard: the GIL.
*/
#ifndef GP_ABSTRACT_H
#define GP_ABSTRACT_H

#include "object.h"

/* ---- generic object -------------------------------------------------- */
gp_obj_t *gp_repr(gp_obj_t *o);             /* PyObject_Repr (recursion-safe) */
gp_obj_t *gp_str(gp_obj_t *o);              /* PyObject_Str */
gp_obj_t *gp_ascii(gp_obj_t *o);            /* PyObject_ASCII */
gp_obj_t *gp_format(gp_obj_t *o, gp_obj_t *spec); /* PyObject_Format; spec NULL = "" */
gp_hash_t gp_hash(gp_obj_t *o);             /* PyObject_Hash; -1 error */
gp_hash_t gp_hash_not_implemented(gp_obj_t *o); /* "unhashable type: 'list'" */
int gp_is_true(gp_obj_t *o);                /* PyObject_IsTrue: 1/0/-1 */
int gp_not(gp_obj_t *o);
gp_obj_t *gp_richcompare(gp_obj_t *a, gp_obj_t *b, int op);
/* 1/0/-1; identity implies equality for EQ/NE (PyObject_RichCompareBool). */
int gp_richcompare_bool(gp_obj_t *a, gp_obj_t *b, int op);

gp_obj_t *gp_getattr(gp_obj_t *o, gp_obj_t *name);
gp_obj_t *gp_getattr_str(gp_obj_t *o, const char *name);
/* 1 found (*res new ref), 0 AttributeError swallowed (*res NULL), -1. */
int gp_getattr_opt(gp_obj_t *o, gp_obj_t *name, gp_obj_t **res);
int gp_setattr(gp_obj_t *o, gp_obj_t *name, gp_obj_t *v);  /* v NULL: del */
int gp_setattr_str(gp_obj_t *o, const char *name, gp_obj_t *v);
int gp_delattr(gp_obj_t *o, gp_obj_t *name);
int gp_hasattr(gp_obj_t *o, gp_obj_t *name); /* 1/0; errors other than
                                                AttributeError: -1 */
/* object.__getattribute__ / __setattr__: descriptors, instance dict. */
gp_obj_t *gp_generic_getattr(gp_obj_t *o, gp_obj_t *name);
int gp_generic_setattr(gp_obj_t *o, gp_obj_t *name, gp_obj_t *v);
/* The address of o's __dict__ slot (NULL if it has none). */
gp_obj_t **gp_object_dictptr(gp_obj_t *o);
/* For LOAD_METHOD: *method gets a new reference; returns 1 when it is an
** unbound function/method descriptor to be called with o as first
** argument, 0 when *method is the plain attribute, -1 on error. */
int gp_get_method(gp_obj_t *o, gp_obj_t *name, gp_obj_t **method);
gp_obj_t *gp_dir(gp_obj_t *o);              /* sorted list; o NULL: locals */

int gp_isinstance(gp_obj_t *o, gp_obj_t *cls);   /* tuples, __instancecheck__ */
int gp_issubclass(gp_obj_t *a, gp_obj_t *cls);
int gp_callable(gp_obj_t *o);

/* ---- calls ----------------------------------------------------------- */
/* args/nargs/kwnames as gp_vectorcall_fn (object.h). */
gp_obj_t *gp_vectorcall(gp_obj_t *callable, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames);
/* callable(*args, **kwargs): args a tuple, kwargs a dict or NULL. */
gp_obj_t *gp_call(gp_obj_t *callable, gp_obj_t *args, gp_obj_t *kwargs);
gp_obj_t *gp_call_noargs(gp_obj_t *callable);
gp_obj_t *gp_call_one(gp_obj_t *callable, gp_obj_t *arg);
/* callable(a1, ..., an): n object arguments, borrowed. */
gp_obj_t *gp_call_args(gp_obj_t *callable, int n, ...);
/* o.name(args...): n object arguments, borrowed. */
gp_obj_t *gp_call_method(gp_obj_t *o, gp_obj_t *name, int n, ...);
gp_obj_t *gp_call_method_str(gp_obj_t *o, const char *name, int n, ...);
/* Spread args+kwnames into a tuple and a dict (for slots that want them)
** and back. */
int gp_unpack_kwnames(gp_obj_t *const *args, gp_ssize_t nargs,
                      gp_obj_t *kwnames, gp_obj_t **tuple, gp_obj_t **dict);
/* Argument checking helpers for C functions, with CPython's messages:
** "f() takes no keyword arguments", "f expected at most 2 arguments, got
** 3", "f() takes exactly one argument (2 given)". 0 / -1. */
int gp_arg_no_kw(const char *fname, gp_obj_t *kwnames);
int gp_arg_count(const char *fname, gp_ssize_t nargs, gp_ssize_t min,
                 gp_ssize_t max);
/* Parse keywords for a C function with named parameters: names[] holds
** the parameter names (NULL-terminated), out[] gets borrowed values (NULL
** when not given).  npos_only: how many leading ones are positional-only;
** min: how many are required.  Messages as CPython's argument clinic. */
int gp_arg_parse(const char *fname, gp_obj_t *const *args, gp_ssize_t nargs,
                 gp_obj_t *kwnames, const char *const *names,
                 int npos_only, int min, gp_obj_t **out);

/* ---- numbers ---------------------------------------------------------- */
/* op: GP_NB_ADD ... (object.h); inplace: GP_NB_INPLACE + op. */
gp_obj_t *gp_binary_op(gp_obj_t *a, gp_obj_t *b, int op);
gp_obj_t *gp_number_power(gp_obj_t *a, gp_obj_t *b, gp_obj_t *mod);
gp_obj_t *gp_number_neg(gp_obj_t *o);
gp_obj_t *gp_number_pos(gp_obj_t *o);
gp_obj_t *gp_number_abs(gp_obj_t *o);
gp_obj_t *gp_number_invert(gp_obj_t *o);
gp_obj_t *gp_number_divmod(gp_obj_t *a, gp_obj_t *b);
gp_obj_t *gp_number_index(gp_obj_t *o);     /* operator.index: an int */
/* o.__index__() as a gp_ssize_t; on overflow raise exc (NULL: clamp). */
gp_ssize_t gp_number_as_ssize_t(gp_obj_t *o, gp_type_t *exc);
gp_obj_t *gp_number_long(gp_obj_t *o);      /* int(o) */
gp_obj_t *gp_number_float(gp_obj_t *o);     /* float(o) */
int gp_index_check(gp_obj_t *o);            /* has __index__ */
/* The symbol of an operator for messages: "+", "+=", "**" ... */
const char *gp_binop_symbol(int op);

/* ---- sequences, mappings, iteration ------------------------------------ */
gp_ssize_t gp_length(gp_obj_t *o);          /* len(o); -1 error */
/* len(o) if known, else __length_hint__, else dflt. */
gp_ssize_t gp_length_hint(gp_obj_t *o, gp_ssize_t dflt);
gp_obj_t *gp_getitem(gp_obj_t *o, gp_obj_t *key);
int gp_setitem(gp_obj_t *o, gp_obj_t *key, gp_obj_t *v);
int gp_delitem(gp_obj_t *o, gp_obj_t *key);
gp_obj_t *gp_getitem_int(gp_obj_t *o, gp_ssize_t i);
int gp_contains(gp_obj_t *seq, gp_obj_t *item);  /* `in`: 1/0/-1 */
/* `in` by iteration (no __contains__): 1/0/-1. */
int gp_sequence_contains_iter(gp_obj_t *seq, gp_obj_t *item);
gp_obj_t *gp_iter(gp_obj_t *o);
/* The iterator of a sequence with only __getitem__ (obj_iters.c). */
gp_obj_t *gp_seqiter_new(gp_obj_t *seq);             /* iter(o), incl. __getitem__ seqs */
/* next(it): new ref; NULL with no exception set means exhausted. */
gp_obj_t *gp_iter_next(gp_obj_t *it);
int gp_iter_check(gp_obj_t *o);             /* has __next__ */
/* A new list / tuple of the items of any iterable. */
gp_obj_t *gp_sequence_list(gp_obj_t *o);
gp_obj_t *gp_sequence_tuple(gp_obj_t *o);
/* "a, b = x": exactly n items into out[] (new refs), with CPython's
** "not enough values to unpack (expected 2, got 1)" / "too many values to
** unpack (expected 2)".  With a star (argcnt before, after): out has
** before + 1 + after slots, the middle one a list. */
int gp_unpack_iterable(gp_obj_t *o, gp_ssize_t before, gp_ssize_t after,
                       int star, gp_obj_t **out);

#endif
