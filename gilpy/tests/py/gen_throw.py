# throw() raises an exception at the paused yield
def g():
    while True:
        try:
            yield 'normal'
        except ValueError as e:
            print('caught inside:', e)
            yield 'recovered'


gen = g()
print(next(gen))
print(gen.throw(ValueError('injected')))
print(next(gen))
try:
    gen.throw(KeyError('not handled'))
except KeyError as e:
    print('propagated:', repr(e))
try:
    next(gen)
except StopIteration:
    print('generator finished after unhandled throw')


def h():
    yield 1


try:
    h().throw(TypeError('before start'))
except TypeError as e:
    print(type(e).__name__, e)
