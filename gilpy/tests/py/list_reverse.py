# reverse in place, reversed(), slicing with negative step
a = [1, 2, 3, 4]
a.reverse()
print(a)
print(list(reversed(a)), a[::-1], a)
b = []
b.reverse()
print(b)
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
