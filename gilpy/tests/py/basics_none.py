# None: the singleton, its repr, truth value and comparisons
x = None
print(x)
print(repr(None), str(None))
print(x is None, x is not None)
print(None == None, None != None)
print(bool(None), not None)
print(type(None).__name__)


def f():
    pass


print(f() is None)
print([None, None])
try:
    None < 1
except TypeError as e:
    print(type(e).__name__, e)
