# tuple concatenation, repetition, comparison, hashing
a = (1, 2)
print(a + (3,), a * 2, 2 * a, a * 0)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, 2) == (1, 2), () < (0,))
print((1, 'a') == (1, 'a'), (1, 2) != (2, 1))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()))
d = {(0, 0): 'origin', (1, 2): 'point'}
print(d[(1, 2)], d[0, 0])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
print(max((3, 1), (2, 9)), min([(1, 'b'), (1, 'a')]), sorted([(2, 1), (1, 2), (1, 1)]))
