# slice assignment and deletion, extended slices
a = list(range(10))
a[2:5] = ['a', 'b']
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[1:3] = []
print(a)
a[::3] = ['X'] * len(a[::3])
print(a)
del a[::2]
print(a)
del a[:]
print(a)
b = [1, 2, 3]
b[1:1] = 'xyz'
print(b)
b[:] = range(3)
print(b)
c = [0, 1, 2, 3, 4, 5]
c[::-2] = [50, 30, 10]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
d = [1, 2, 3]
d[5:10] = [9]
print(d)
