# isinstance / issubclass with user classes, tuples and builtins
class A: pass
class B(A): pass
class C: pass


b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), isinstance(b, object))
print(issubclass(B, A), issubclass(B, (C,)), issubclass(A, A), issubclass(bool, int))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, object), isinstance(int, type))
print(issubclass(type, object), isinstance(object, type), type(type) is type)
try:
    isinstance(b, 'A')
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
