# iter and next, including the two-argument iter(callable, sentinel)
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(iter(it) is it, type(iter([])).__name__, type(iter(())).__name__)
print(type(iter({})).__name__, type(iter(range(2))).__name__, type(iter(set())).__name__)
values = [3, 2, 1, 0, 5]


def pop():
    return values.pop(0)


print(list(iter(pop, 0)), values)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
