# *args and **kwargs
def f(*args, **kwargs):
    return args, kwargs


print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, *[2, 3], *(4,), x=5, **{'y': 6, 'z': 7}))


def g(a, b=2, *rest, c, d=4, **opts):
    return a, b, rest, c, d, opts


print(g(1, c=3))
print(g(1, 2, 3, 4, c=5, e=6))
print(g(*range(4), **{'c': 'C', 'd': 'D', 'extra': True}))


def keys_in_order(**kw):
    return list(kw)


print(keys_in_order(z=1, a=2, m=3))
args = (1,)
kwargs = {'c': 9}
print(g(*args, **kwargs))
