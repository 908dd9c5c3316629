# starred assignment targets and starred expressions
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = 1, 2
print(a, mid, z)
*all_, = (7, 8)
print(all_)
x, (y, *ys) = 0, [1, 2, 3]
print(x, y, ys)
print([*range(3), *'ab'])
print((*[1, 2], 3))
print({*[1, 1]})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
