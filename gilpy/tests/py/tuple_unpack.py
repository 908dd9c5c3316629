# tuples in unpacking, returns and loops
def minmax(seq):
    return min(seq), max(seq)


lo, hi = minmax([4, 9, 1])
print(lo, hi)
r = minmax('hello')
print(r, type(r).__name__)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
x, = (42,)
print(x)
(y) = (5)
print(y)
print(*(1, 2, 3))
print(tuple(x * 2 for x in (1, 2)))
