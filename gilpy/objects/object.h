/*
** object.h — the object model every part of gilpy is written against: the
** object header, reference counts, type objects and their slots, method
** tables.  The names mirror CPython's C API so a reader who knows one
** knows the other: gp_type_t is PyTypeObject, slot `repr` is tp_repr,
** GP_METH_O is METH_O, and each function documented "as PyX" has PyX's
** contract (return value, reference ownership, error convention).
**
** Guard: every object is guarded by its interpreter's GIL.  Reference
** counts are plain integers for that reason; GP_INCREF / GP_DECREF are the
** only code that touches them, so a free-threaded build redefines these
** macros here and nothing else changes.  Immortal objects (None, True,
** False, NotImplemented, Ellipsis, small ints, the built-in types, the
** identifier strings of ids.h) start with GP_IMMORTAL_REFCNT and are never
** freed; they are immutable after gp_types_init() and shared by every
** interpreter of the process.
**
** Error convention (as CPython): a function returning gp_obj_t * returns a
** new reference, or NULL with the thread's exception set (errors.h);
** one returning int returns -1 with the exception set.  "Borrowed" in a
** comment means no reference is handed over.  "Steals" means the callee
** takes over the caller's reference even when it fails.
*/
#ifndef GP_OBJECT_H
#define GP_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef ssize_t gp_ssize_t;
typedef int64_t gp_hash_t;              /* -1 is the error value */
typedef struct gp_obj gp_obj_t;
typedef struct gp_type gp_type_t;

struct gp_obj {
    gp_ssize_t refcnt;                  /* guarded by the GIL */
    gp_type_t *type;
};

/* Objects with a length part (tuple, str, bytes, type). */
typedef struct {
    gp_obj_t ob;
    gp_ssize_t size;
} gp_varobj_t;

#define GP_OBJ(o)       ((gp_obj_t *)(o))
#define GP_TYPE(o)      (GP_OBJ(o)->type)
#define GP_REFCNT(o)    (GP_OBJ(o)->refcnt)
#define GP_SIZE(o)      (((gp_varobj_t *)(o))->size)

/* Large enough never to reach 0 by decrements, small enough not to
** overflow by increments in any real run. */
#define GP_IMMORTAL_REFCNT ((gp_ssize_t)1 << 60)

/* Static initialiser of the header of an immortal object of type t. */
#define GP_OBJ_HEAD_INIT(t)        { GP_IMMORTAL_REFCNT, (t) }
#define GP_VAROBJ_HEAD_INIT(t, n)  { GP_OBJ_HEAD_INIT(t), (n) }

/* Called when a count reaches 0: runs the type's dealloc. */
void gp_dealloc(gp_obj_t *o);

#define GP_INCREF(o)    ((void)(GP_OBJ(o)->refcnt++))
#define GP_DECREF(o) \
    do { gp_obj_t *d_o_ = GP_OBJ(o); \
         if (--d_o_->refcnt == 0) gp_dealloc(d_o_); } while (0)
#define GP_XINCREF(o) \
    do { gp_obj_t *x_o_ = GP_OBJ(o); if (x_o_) GP_INCREF(x_o_); } while (0)
#define GP_XDECREF(o) \
    do { gp_obj_t *x_o_ = GP_OBJ(o); if (x_o_) GP_DECREF(x_o_); } while (0)
/* Clear a field: set it NULL before the DECREF, as a __del__ run by the
** DECREF may look at it. */
#define GP_CLEAR(f) \
    do { gp_obj_t *c_o_ = GP_OBJ(f); \
         if (c_o_) { (f) = NULL; GP_DECREF(c_o_); } } while (0)
#define GP_SETREF(f, v) \
    do { gp_obj_t *s_o_ = GP_OBJ(f); (f) = (v); GP_XDECREF(s_o_); } while (0)

static inline gp_obj_t *gp_newref(gp_obj_t *o) { GP_INCREF(o); return o; }
static inline gp_obj_t *gp_xnewref(gp_obj_t *o) { GP_XINCREF(o); return o; }
#define GP_NEWREF(o) gp_newref(GP_OBJ(o))

/* ---- slot signatures ------------------------------------------------- */

/* The calling convention of every call in gilpy (CPython's vectorcall):
** args[0..nargs) positional, then one value per name of `kwnames` (a tuple
** of str, or NULL when there are no keywords).  All borrowed. */
typedef gp_obj_t *(*gp_vectorcall_fn)(gp_obj_t *callable,
                                      gp_obj_t *const *args, gp_ssize_t nargs,
                                      gp_obj_t *kwnames);
typedef void (*gp_destructor_fn)(gp_obj_t *);
typedef gp_obj_t *(*gp_unary_fn)(gp_obj_t *);
typedef gp_obj_t *(*gp_binary_fn)(gp_obj_t *, gp_obj_t *);
typedef gp_obj_t *(*gp_ternary_fn)(gp_obj_t *, gp_obj_t *, gp_obj_t *);
typedef int (*gp_inquiry_fn)(gp_obj_t *);
typedef gp_ssize_t (*gp_len_fn)(gp_obj_t *);
typedef gp_obj_t *(*gp_ssizearg_fn)(gp_obj_t *, gp_ssize_t);
typedef int (*gp_objobjarg_fn)(gp_obj_t *, gp_obj_t *, gp_obj_t *);
typedef int (*gp_objobj_fn)(gp_obj_t *, gp_obj_t *);
typedef gp_hash_t (*gp_hash_fn)(gp_obj_t *);
typedef gp_obj_t *(*gp_richcmp_fn)(gp_obj_t *, gp_obj_t *, int op);
typedef gp_obj_t *(*gp_getattro_fn)(gp_obj_t *, gp_obj_t *name);
/* value NULL: delete */
typedef int (*gp_setattro_fn)(gp_obj_t *, gp_obj_t *name, gp_obj_t *value);
typedef gp_obj_t *(*gp_descrget_fn)(gp_obj_t *descr, gp_obj_t *obj,
                                    gp_obj_t *type);
typedef int (*gp_descrset_fn)(gp_obj_t *descr, gp_obj_t *obj,
                              gp_obj_t *value);
typedef gp_obj_t *(*gp_new_fn)(gp_type_t *type, gp_obj_t *const *args,
                               gp_ssize_t nargs, gp_obj_t *kwnames);
typedef int (*gp_init_fn)(gp_obj_t *self, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames);
typedef int (*gp_visit_fn)(gp_obj_t *, void *arg);
typedef int (*gp_traverse_fn)(gp_obj_t *, gp_visit_fn visit, void *arg);

#define GP_VISIT(o) \
    do { if (o) { int v_r_ = visit(GP_OBJ(o), arg); if (v_r_) return v_r_; } } \
    while (0)

/* Rich comparison operators (CPython's Py_LT ... Py_GE, same numbers). */
enum { GP_LT = 0, GP_LE = 1, GP_EQ = 2, GP_NE = 3, GP_GT = 4, GP_GE = 5 };

/* Binary number operators; the order is the compiler's BINARY_OP argument
** (opcode.h), inplace forms are op + GP_NB_INPLACE. */
enum {
    GP_NB_ADD, GP_NB_AND, GP_NB_FLOOR_DIVIDE, GP_NB_LSHIFT,
    GP_NB_MATMUL, GP_NB_MULTIPLY, GP_NB_REMAINDER, GP_NB_OR, GP_NB_POWER,
    GP_NB_RSHIFT, GP_NB_SUBTRACT, GP_NB_TRUE_DIVIDE, GP_NB_XOR,
    GP_NB_COUNT,
    GP_NB_INPLACE = GP_NB_COUNT
};

/* CPython's nb_* slots.  binop[op](a, b) is called for a's type and, if
** that gives NotImplemented (or is NULL), for b's type with the same
** (a, b) order — the reflected operation is the slot's business, as in
** CPython.  ibinop[op] may be NULL: then the binary form is used. */
typedef struct {
    gp_binary_fn binop[GP_NB_COUNT];
    gp_binary_fn ibinop[GP_NB_COUNT];
    gp_ternary_fn power3;   /* pow(a, b, mod); NULL if unsupported */
    gp_unary_fn neg, pos, abs, invert;
    gp_inquiry_fn bool_;    /* 1, 0, -1 */
    gp_unary_fn int_, float_, index;
    gp_binary_fn divmod;
} gp_number_methods_t;

typedef struct {
    gp_len_fn length;
    gp_ssizearg_fn item;            /* o[i]; i as given: the slot itself
                                       handles negatives and IndexError */
    gp_objobj_fn contains;          /* 1, 0, -1 */
    gp_binary_fn concat;            /* seq + seq when binop[ADD] absent */
} gp_sequence_methods_t;

typedef struct {
    gp_len_fn length;
    gp_binary_fn subscript;         /* o[key] */
    gp_objobjarg_fn ass_subscript;  /* o[key] = v; v NULL: del o[key] */
} gp_mapping_methods_t;

/* ---- method and attribute tables (CPython's PyMethodDef, PyGetSetDef) - */

typedef gp_obj_t *(*gp_cfunc_t)(gp_obj_t *self, gp_obj_t *arg);
typedef gp_obj_t *(*gp_cfunc_fast_t)(gp_obj_t *self, gp_obj_t *const *args,
                                     gp_ssize_t nargs);
typedef gp_obj_t *(*gp_cfunc_fastkw_t)(gp_obj_t *self, gp_obj_t *const *args,
                                       gp_ssize_t nargs, gp_obj_t *kwnames);

enum {
    GP_METH_NOARGS   = 0x0004,  /* fn(self, NULL) */
    GP_METH_O        = 0x0008,  /* fn(self, arg) */
    GP_METH_FASTCALL = 0x0080,  /* (gp_cfunc_fast_t)fn(self, args, nargs) */
    GP_METH_KEYWORDS = 0x0002,  /* with FASTCALL: gp_cfunc_fastkw_t */
    GP_METH_CLASS    = 0x0010,  /* bound to the type (classmethod) */
    GP_METH_STATIC   = 0x0020,  /* self is NULL (staticmethod) */
};

typedef struct {
    const char *name;
    gp_cfunc_t fn;              /* cast according to flags */
    int flags;
    const char *doc;
} gp_methoddef_t;

#define GP_METH_FN(f) ((gp_cfunc_t)(void (*)(void))(f))

typedef gp_obj_t *(*gp_getter_t)(gp_obj_t *self, void *closure);
typedef int (*gp_setter_t)(gp_obj_t *self, gp_obj_t *value, void *closure);

typedef struct {
    const char *name;
    gp_getter_t get;
    gp_setter_t set;            /* NULL: read-only ("readonly attribute") */
    const char *doc;
    void *closure;
} gp_getsetdef_t;

/* ---- type objects ----------------------------------------------------- */

enum {
    GP_TPFLAGS_HEAPTYPE      = 1u << 0,  /* made by a class statement */
    GP_TPFLAGS_BASETYPE      = 1u << 1,  /* may be subclassed */
    GP_TPFLAGS_HAVE_GC       = 1u << 2,  /* instances carry a gc.h header */
    GP_TPFLAGS_READY         = 1u << 3,
    GP_TPFLAGS_IMMUTABLETYPE = 1u << 4,
    GP_TPFLAGS_ABSTRACT      = 1u << 5,
    /* Fast subclass tests (CPython's Py_TPFLAGS_*_SUBCLASS). */
    GP_TPFLAGS_INT_SUBCLASS   = 1u << 8,
    GP_TPFLAGS_LIST_SUBCLASS  = 1u << 9,
    GP_TPFLAGS_TUPLE_SUBCLASS = 1u << 10,
    GP_TPFLAGS_BYTES_SUBCLASS = 1u << 11,
    GP_TPFLAGS_STR_SUBCLASS   = 1u << 12,
    GP_TPFLAGS_DICT_SUBCLASS  = 1u << 13,
    GP_TPFLAGS_BASE_EXC_SUBCLASS = 1u << 14,
    GP_TPFLAGS_TYPE_SUBCLASS  = 1u << 15,
    /* A callable descriptor that binds like a function: LOAD_METHOD may
    ** skip making a bound method (functions, C method descriptors). */
    GP_TPFLAGS_METHOD_DESCRIPTOR = 1u << 16,
};

struct gp_type {
    gp_varobj_t ob;             /* ob.type is &gp_type_type (or a metaclass) */
    const char *name;           /* "int", "collections.OrderedDict" ... for
                                   static types; heap types use ht_name */
    gp_ssize_t basicsize;       /* instance size, without the gc header */
    gp_ssize_t itemsize;        /* per item of a var object, else 0 */
    unsigned long flags;

    gp_destructor_fn dealloc;
    gp_unary_fn repr;
    gp_unary_fn str;
    gp_hash_fn hash;            /* NULL: unhashable */
    gp_richcmp_fn richcompare;
    gp_getattro_fn getattro;
    gp_setattro_fn setattro;
    gp_vectorcall_fn call;      /* NULL: not callable */
    gp_unary_fn iter;
    gp_unary_fn iternext;       /* NULL without exception: exhausted */
    gp_descrget_fn descr_get;
    gp_descrset_fn descr_set;   /* also called with value NULL for delete */
    gp_new_fn new_;
    gp_init_fn init;
    gp_traverse_fn traverse;    /* GC types only */
    gp_inquiry_fn clear;        /* GC types only: drop references */
    gp_destructor_fn finalize;  /* __del__ (PEP 442), may be NULL */

    gp_number_methods_t *as_number;
    gp_sequence_methods_t *as_sequence;
    gp_mapping_methods_t *as_mapping;

    gp_methoddef_t *methods;    /* NULL-terminated */
    gp_getsetdef_t *getset;     /* NULL-terminated */
    gp_type_t *base;            /* the solid base; NULL for object */
    gp_ssize_t dictoffset;      /* offset of the instance __dict__ slot, 0 */
    const char *doc;

    /* Filled by gp_type_ready() / class creation: */
    gp_obj_t *dict;             /* the type's __dict__ (a dict) */
    gp_obj_t *bases;            /* tuple of types */
    gp_obj_t *mro;              /* tuple of types, C3 */
    gp_obj_t *subclasses;       /* dict id -> id, or NULL: the address of
                                   each subclass, NOT a reference (a base
                                   must not keep its subclasses alive; a
                                   subclass removes itself when freed).
                                   gp_type_subclass() reads an entry. */
    /* Heap types only (class statement / type(name, bases, dict)): */
    gp_obj_t *ht_name;          /* __name__ (str) */
    gp_obj_t *ht_qualname;      /* __qualname__ (str) */
    gp_obj_t *ht_module;        /* __module__ as stored when created */
    uint32_t version;           /* bumped when the type or a base changes
                                   (method caches); guarded by the GIL */
    /* Heap types only: attribute lookup cache (obj_type.c), valid for
    ** entries filled at the current version; NULL until first used. */
    struct gp_type_cache *lookup_cache;
};

extern gp_type_t gp_type_type;      /* type */
extern gp_type_t gp_object_type;    /* object */
extern gp_type_t gp_none_type, gp_notimplemented_type, gp_ellipsis_type;

/* The singletons (immortal; typeobj.c). */
extern gp_obj_t gp_none_obj, gp_notimplemented_obj, gp_ellipsis_obj;
#define GP_NONE           (&gp_none_obj)
#define GP_NOTIMPLEMENTED (&gp_notimplemented_obj)
#define GP_ELLIPSIS       (&gp_ellipsis_obj)
#define GP_RETURN_NONE    return gp_newref(GP_NONE)
#define GP_RETURN_NOTIMPLEMENTED return gp_newref(GP_NOTIMPLEMENTED)

#define GP_TYPE_CHECK_FAST(o, flag) ((GP_TYPE(o)->flags & (flag)) != 0)

/* Fills a static type's dict (methods, getset, slot wrappers such as
** __add__ for binop[ADD]), bases and mro, and inherits unset slots from
** its base, as PyType_Ready.  Called for every built-in type at
** gp_types_init(). 0 / -1. */
int gp_type_ready(gp_type_t *t);

/* issubclass(a, b) for types, by the mro: 1 or 0, never fails. */
int gp_type_is_subtype(gp_type_t *a, gp_type_t *b);
#define GP_ISINSTANCE_OF(o, t) \
    (GP_TYPE(o) == (t) || gp_type_is_subtype(GP_TYPE(o), (t)))

/* Look a name up along the type's mro (no descriptors run): borrowed or
** NULL, never sets an exception (as _PyType_Lookup). */
gp_obj_t *gp_type_lookup(gp_type_t *t, gp_obj_t *name);

/* The type's name for messages: "int", "Foo" (borrowed str object /
** C string valid while the type lives). */
gp_obj_t *gp_type_name(gp_type_t *t);
const char *gp_type_name_cstr(gp_type_t *t);

/* Allocate an instance of t: `basicsize + n * itemsize` bytes, zeroed,
** refcnt 1, type t (INCREF'd if heap type), gc header if HAVE_GC (not yet
** tracked: call gp_gc_track when its fields are valid).  As PyType_GenericAlloc. */
gp_obj_t *gp_type_alloc(gp_type_t *t, gp_ssize_t n);
/* object.__new__ for types whose instances need nothing special. */
gp_obj_t *gp_type_generic_new(gp_type_t *t, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames);
/* Frees the memory of o (gc header included) and drops the reference to
** its heap type: the last step of a dealloc. */
void gp_object_free(gp_obj_t *o);

/* A type or one of its bases changed (an attribute was set): bumps the
** version of t and of its subclasses, so method caches miss. */
void gp_type_modified(gp_type_t *t);
/* A subclass from an entry of gp_type_t.subclasses (borrowed). */
gp_type_t *gp_type_subclass(gp_obj_t *entry);
/* Copy into t every slot it leaves NULL from b (class creation and
** gp_type_ready). */
void gp_type_inherit(gp_type_t *t, gp_type_t *b);
/* The hash of an object by identity (object.__hash__). */
gp_hash_t gp_hash_pointer(const void *p);

/* Process-wide start-up: every static type ready, the immortal constants
** (small ints, ids.h strings, one-character strings, empty tuple/str/
** bytes/frozenset) built.  Called once before the first interpreter. */
int gp_types_init(void);

#endif
