# frozenset: immutable, hashable, usable as a dict key or set member
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, type(f).__name__)
print(sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__)
d = {frozenset([1, 2]): 'pair'}
print(d[frozenset([2, 1])])
s = {frozenset([1]), frozenset([1]), frozenset()}
print(len(s))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print(frozenset('aa'), frozenset(f) == f)
