# generators keep local state between resumptions; several run independently
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f1 = fib()
f2 = fib()
print([next(f1) for _ in range(10)])
print([next(f2) for _ in range(3)])
print(next(f1), next(f2))
print(list(zip(range(5), fib())))


def running_gen():
    yield g.gi_running


g = running_gen()
print(g.gi_running, next(g), g.gi_running)


def self_next():
    yield next(h)


h = self_next()
try:
    next(h)
except ValueError as e:
    print(type(e).__name__, e)
