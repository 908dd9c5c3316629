# tuple creation, indexing, slicing, repr
t = (1, 'a', 2.5)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), 1,)
print(tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple({'x': 1}))
x = 1, 2, 3
print(x, type(x).__name__)
print(((1, 2), (3,)), ([],))
print(t.count('a'), t.index(2.5), (1, 1, 1).count(1))
try:
    t[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
