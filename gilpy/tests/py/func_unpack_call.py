# argument unpacking in calls
def show(a, b, c=None, *rest, **kw):
    print(a, b, c, rest, kw)


show(*[1, 2])
show(*'xyz')
show(*range(5))
show(1, *[2], 3, *[4, 5])
show(**{'a': 'A', 'b': 'B'})
show(1, **{'b': 2}, c=3, **{'d': 4})
show(*(1, 2), **{'z': 26})
print(*[1, 2, 3], sep='-')
print(*'abc')
print(*{'k1': 1, 'k2': 2})
args = [[1, 2], [3, 4]]
print(*zip(*args))
