# enumerate and zip
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate([], 5)))
print(list(enumerate('ab', start=-1)))
e = enumerate('xy')
print(type(e).__name__, next(e), next(e), next(e, 'done'))
print(list(zip()), list(zip([1, 2, 3], 'ab')), list(zip('a', 'b', 'c')))
print(list(zip(range(3), range(10, 13), strict=True)))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
keys, vals = zip(*[('a', 1), ('b', 2)])
print(keys, vals)
print(dict(zip('xyz', range(3))))
