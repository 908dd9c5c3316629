# yield from: delegation and the return value of the subgenerator
def sub(n):
    for i in range(n):
        yield i
    return 'sub done %d' % n


def outer():
    r1 = yield from sub(2)
    print('r1 =', r1)
    r2 = yield from sub(1)
    print('r2 =', r2)
    yield from 'ab'
    yield from [10, 20]
    return 'outer done'


print(list(outer()))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
g = outer()
try:
    while True:
        next(g)
except StopIteration as e:
    print('final value:', e.value)
