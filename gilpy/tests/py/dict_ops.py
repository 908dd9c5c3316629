# equality, merge operators, membership, del, len
a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, a != b, list(a) == list(b), {} == {}, {1: 2} == {1: 2.0})
print(a | {'z': 3}, {'x': 0} | a, a)
a |= {'x': 100, 'w': 0}
print(a)
a |= [('q', 9)]
print(a)
print('x' in a, 100 in a, 'q' not in a, len(a))
del a['x']
print(a)
try:
    a | [('k', 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
