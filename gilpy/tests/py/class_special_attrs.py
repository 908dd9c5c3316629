# __name__, __qualname__, __module__, __class__, __dict__, __doc__, __bases__
class Outer:
    """Outer doc."""

    class Inner:
        def method(self):
            pass

    def meth(self):
        pass


print(Outer.__name__, Outer.__qualname__, Outer.__module__, Outer.__doc__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
print(Outer.meth.__name__, Outer.meth.__qualname__)
o = Outer()
print(o.__class__ is Outer, o.__class__.__name__, o.__dict__, type(o.__dict__).__name__)
o.x = 1
print(o.__dict__)
print(Outer.__bases__, object.__bases__, type(Outer.__dict__).__name__)
print(Outer.Inner, Outer().Inner)
print(int.__name__, int.__qualname__, int.__module__, object.__name__)
class C: pass
C.__module__="m"
print(C, C.__module__)
try:
  int.__module__="x"
except TypeError as e: print(e)
try:
  del C.__module__
except TypeError as e: print(e)
