# list creation, indexing, len, repr
a = [1, 'two', 3.0, None, [5]]
print(a, len(a), a[0], a[-1], a[-1][0])
print([], list(), list('abc'), list(range(3)), list((1, 2)), list({'k': 1}))
print([[]] * 3, [0] * 4, [1, 2] * 2, [1] + [2])
b = [1, 2, 3]
b[1] = 'x'
print(b)
print(type(a).__name__, isinstance(a, list))
for bad in (5, -6):
    try:
        a[bad]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a[5] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    a['0']
except TypeError as e:
    print(type(e).__name__, e)
