# union, intersection, difference, symmetric difference (operators and methods)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})))
print(sorted(a.symmetric_difference([5, 6])))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
c ^= {1, 20}
print(sorted(c))
d = {1, 2, 3}
d.intersection_update([2, 3, 4])
d.difference_update({3})
d.symmetric_difference_update({5})
print(sorted(d))
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
