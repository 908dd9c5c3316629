# index, count, in
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(a.index(1), a.index(5), a.index(5, 5), a.index(5, 5, 9), a.count(5), a.count(7))
print(5 in a, 7 in a, 7 not in a, [1] in [[1], 2])
print(a.index(3, -2))
try:
    a.index(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.index(9, 0, 5)
except ValueError as e:
    print(type(e).__name__, e)
print([1.0, 2].index(1), [None, 0].count(None))
