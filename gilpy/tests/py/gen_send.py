# send() into a generator
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)
g2 = accumulator()
try:
    g2.send(1)
except TypeError as e:
    print(type(e).__name__, e)


def echo():
    received = yield 'ready'
    while True:
        received = yield 'echo: %r' % (received,)


e = echo()
print(e.send(None), e.send('a'), e.send([1, 2]))
