# generator functions: yield, next, StopIteration, for loops
def count_up(n):
    print('start')
    i = 0
    while i < n:
        print('yielding', i)
        yield i
        i += 1
    print('end')


g = count_up(2)
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print('exhausted')
print(list(count_up(3)))
for v in count_up(1):
    print('got', v)


def empty():
    return
    yield


print(list(empty()))
print(next(count_up(0), 'default'))
