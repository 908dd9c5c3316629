# TypeError messages for bad calls
def two(a, b):
    return a + b


def opt(a, b=1, *, k):
    return a


def many(a, b, c):
    pass


calls = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, b=2, c=3),
    lambda: two(1, a=2),
    lambda: two(),
    lambda: many(),
    lambda: many(1),
    lambda: opt(1, 2, 3, k=1),
    lambda: opt(k=1),
    lambda: opt(1),
    lambda: two(*5),
    lambda: two(**[]),
    lambda: two(1, **{'b': 2, 'a': 3}),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len([], []),
    lambda: abs(x=1),
]
for c in calls:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(type(e).__name__, e)
