# set creation, membership, len; printed sorted (set order is unspecified)
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s, type(s).__name__)
print(set(), sorted(set('hello')), sorted(set([1, 1, 2])), sorted(set(range(5))))
print({1}, {'only'}, set([7]), frozenset(), frozenset([4]))
print(sorted({(1, 2), (1, 2), (0, 1)}), len({1, 1.0, True}))
e = set()
print(e, len(e), bool(e), bool({0}))
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(5)
except TypeError as e:
    print(type(e).__name__, e)
