# type() with one argument, and three-argument class creation
print(type(1), type('a'), type([]), type(None), type(type), type(len), type(lambda: 0).__name__)
print(type(1) is int, type(True) is bool, type(True) is int, type(1.0) == float)


class Base:
    def hello(self):
        return 'hello from ' + type(self).__name__


Dyn = type('Dyn', (Base,), {'x': 5, 'double': lambda self: self.x * 2})
d = Dyn()
print(Dyn.__name__, d.x, d.double(), d.hello(), [c.__name__ for c in Dyn.__mro__])
print(type(Dyn) is type, isinstance(d, Base))
try:
    type('X', 'not a tuple', {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
