# return inside generators, StopIteration.value, PEP 479
def g():
    yield 1
    return 'ret'


it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value))


def leaky():
    yield 1
    raise StopIteration('inside')


try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)


def uses_next():
    it = iter([])
    yield next(it)


try:
    list(uses_next())
except RuntimeError as e:
    print(type(e).__name__, e)
