# comprehensions inside functions, classes and other comprehensions
def f(n):
    return [i * n for i in range(3)]


print(f(4))


class C:
    data = [1, 2, 3]
    first = [d * 2 for d in data]
    try:
        bad = [d * factor for d in data for factor in [2] if data]
    except NameError as e:
        err = '%s: %s' % (type(e).__name__, e)


print(C.first)
print(getattr(C, 'bad', None), getattr(C, 'err', None))


class D:
    factor = 3
    try:
        vals = [x * factor for x in range(2)]
    except NameError as e:
        err = '%s: %s' % (type(e).__name__, e)


print(D.err)
print([[x + y for y in 'ab'] for x in 'XY'])
print({k: [v for v in range(k)] for k in range(3)})
