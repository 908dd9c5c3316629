# StopIteration and iterator exhaustion
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value, e.args)
print(next(it, 'default'))


def gen():
    yield 1
    return 'result'


g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print('value:', e.value, e.args)
