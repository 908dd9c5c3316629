# trailing commas in calls, definitions, literals, imports and targets
def f(a, b,):
    return a + b


print(f(1, 2,))
print([1, 2,], (1,), (1, 2,), {1: 2,}, {3,})
a, b, = 1, 2
print(a, b)
from sys import (argv, path,)
print(type(argv).__name__, type(path).__name__)


def g(*args, k=1,):
    return args, k


print(g(1, k=2,))
