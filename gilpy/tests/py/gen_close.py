# close() raises GeneratorExit inside the generator; finally blocks run
def worker():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit received')
        raise
    finally:
        print('cleanup')


g = worker()
print(next(g))
g.close()
print('closed')
g.close()
try:
    next(g)
except StopIteration:
    print('closed generator is exhausted')


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
u = worker()
u.close()
print('closing an unstarted generator runs nothing')


def loop_gen():
    try:
        for i in range(10):
            yield i
    finally:
        print('loop_gen finally')


for x in loop_gen():
    if x == 2:
        break
print('after break')
