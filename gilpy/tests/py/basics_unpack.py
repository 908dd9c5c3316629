# tuple and list unpacking, nested targets, swaps
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'hi'
print(f, g)
h, (i, [j, k]) = 1, (2, (3, 4))
print(h, i, j, k)
for x, y in [(1, 'one'), (2, 'two')]:
    print(x, y)
p, q, r = range(3)
print(p, q, r)
m, n = {'k1': 1, 'k2': 2}
print(m, n)
try:
    s, t = 1, 2, 3
except ValueError as e:
    print(type(e).__name__, e)
try:
    s, t, u = 1, 2
except ValueError as e:
    print(type(e).__name__, e)
try:
    s, t = 5
except TypeError as e:
    print(type(e).__name__, e)
