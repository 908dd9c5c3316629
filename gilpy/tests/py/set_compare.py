# subset, superset, disjoint and comparison operators
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > a, a < a, a <= a, a == {2, 1}, a != b)
print(a.issubset(b), b.issuperset(a), a.isdisjoint({3}), a.isdisjoint(b))
print(a.issubset([1, 2, 5]), {1} == frozenset({1}), set() == frozenset())
print({1, 2} < {3}, {3} < {1, 2})
