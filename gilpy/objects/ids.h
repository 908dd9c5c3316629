/*
** ids.h — the identifier strings the C code looks up by name: immortal str
** objects made once by gp_types_init() (strobj.c), interned, shared by
** every interpreter.  GP_ID(__init__) is the str "__init__".  Add a name
** by adding a line to the list (any part of gilpy may).  Immutable after
** start-up, so no guard is needed to read them.
*/
#ifndef GP_IDS_H
#define GP_IDS_H

#include "object.h"

#define GP_ID_LIST(X) \
    X(__abs__) \
    X(__add__) \
    X(__aenter__) \
    X(__aexit__) \
    X(__all__) \
    X(__and__) \
    X(__annotations__) \
    X(__bool__) \
    X(__bytes__) \
    X(__build_class__) \
    X(__builtins__) \
    X(__call__) \
    X(__cause__) \
    X(__ceil__) \
    X(__class__) \
    X(__class_getitem__) \
    X(__classcell__) \
    X(__complex__) \
    X(__contains__) \
    X(__context__) \
    X(__del__) \
    X(__delattr__) \
    X(__delete__) \
    X(__delitem__) \
    X(__dict__) \
    X(__dir__) \
    X(__divmod__) \
    X(__doc__) \
    X(__enter__) \
    X(__eq__) \
    X(__exit__) \
    X(__file__) \
    X(__float__) \
    X(__floor__) \
    X(__floordiv__) \
    X(__format__) \
    X(__fspath__) \
    X(__ge__) \
    X(__get__) \
    X(__getattr__) \
    X(__getattribute__) \
    X(__getitem__) \
    X(__gt__) \
    X(__hash__) \
    X(__iadd__) \
    X(__iand__) \
    X(__ifloordiv__) \
    X(__ilshift__) \
    X(__imatmul__) \
    X(__imod__) \
    X(__import__) \
    X(__imul__) \
    X(__index__) \
    X(__init__) \
    X(__init_subclass__) \
    X(__instancecheck__) \
    X(__int__) \
    X(__invert__) \
    X(__ior__) \
    X(__ipow__) \
    X(__irshift__) \
    X(__isub__) \
    X(__iter__) \
    X(__itruediv__) \
    X(__ixor__) \
    X(__le__) \
    X(__len__) \
    X(__length_hint__) \
    X(__loader__) \
    X(__lshift__) \
    X(__lt__) \
    X(__main__) \
    X(__matmul__) \
    X(__missing__) \
    X(__mod__) \
    X(__module__) \
    X(__mro__) \
    X(__mro_entries__) \
    X(__mul__) \
    X(__name__) \
    X(__ne__) \
    X(__neg__) \
    X(__new__) \
    X(__next__) \
    X(__or__) \
    X(__package__) \
    X(__path__) \
    X(__pos__) \
    X(__pow__) \
    X(__prepare__) \
    X(__qualname__) \
    X(__radd__) \
    X(__rand__) \
    X(__rdivmod__) \
    X(__reduce__) \
    X(__repr__) \
    X(__reversed__) \
    X(__rfloordiv__) \
    X(__rlshift__) \
    X(__rmatmul__) \
    X(__rmod__) \
    X(__rmul__) \
    X(__ror__) \
    X(__round__) \
    X(__rpow__) \
    X(__rrshift__) \
    X(__rshift__) \
    X(__rsub__) \
    X(__rtruediv__) \
    X(__rxor__) \
    X(__set__) \
    X(__set_name__) \
    X(__setattr__) \
    X(__setitem__) \
    X(__slots__) \
    X(__spec__) \
    X(__str__) \
    X(__sub__) \
    X(__subclasscheck__) \
    X(__subclasshook__) \
    X(__truediv__) \
    X(__trunc__) \
    X(__weakref__) \
    X(__xor__) \
    X(__traceback__) \
    X(__suppress_context__) \
    X(args) \
    X(argv) \
    X(append) \
    X(builtins) \
    X(close) \
    X(code) \
    X(copy) \
    X(encoding) \
    X(end) \
    X(errors) \
    X(excepthook) \
    X(exit) \
    X(extend) \
    X(file) \
    X(fileno) \
    X(filename) \
    X(flush) \
    X(get) \
    X(items) \
    X(keys) \
    X(lineno) \
    X(little) \
    X(big) \
    X(modules) \
    X(msg) \
    X(name) \
    X(offset) \
    X(path) \
    X(print_file_and_line) \
    X(readline) \
    X(send) \
    X(sep) \
    X(setdefault) \
    X(stderr) \
    X(stdin) \
    X(stdout) \
    X(strict) \
    X(text) \
    X(throw) \
    X(update) \
    X(utf_8) \
    X(values) \
    X(write)

enum {
#define GP_ID_ENUM(n) GP_ID_##n,
    GP_ID_LIST(GP_ID_ENUM)
#undef GP_ID_ENUM
    GP_ID_COUNT
};

/* Filled by gp_types_init(); read-only afterwards. */
extern gp_obj_t *gp_id_table[GP_ID_COUNT];
#define GP_ID(n) (gp_id_table[GP_ID_##n])

#endif
