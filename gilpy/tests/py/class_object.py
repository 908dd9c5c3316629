# the object base class: plain instances, default comparison and str, no __dict__
o = object()
p = object()
print(type(o).__name__, type(o) is object, isinstance(o, object), isinstance(5, object))
print(o == o, o == p, o != p, o is not p, bool(o))
print(str(o) == repr(o), repr(o).startswith('<object object at 0x'))
print(hasattr(o, '__dict__'), hasattr(o, '__class__'), o.__class__ is object)
print(object.__bases__, object.__name__, issubclass(object, object), type(object) is type)


class Plain:
    pass


x = Plain()
print(repr(x).startswith('<__main__.Plain object at 0x'), str(x) == repr(x))
print(x.__class__.__name__, Plain.__bases__ == (object,), x.__dict__)
print(x.__eq__(x), x.__eq__(Plain()), x.__ne__(x))
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    o < p
except TypeError as e:
    print(type(e).__name__, e)
