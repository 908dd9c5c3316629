# concatenation, repetition, in-place ops, comparison
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a *= 2
print(a, b)
c = a + [9]
print(c, c is a)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print([] < [0], [[1]] == [[1]], [1, [2]] < [1, [3]])
print([0] * 0, [1, 2] * -1, 2 * [3])
a += 'xy'
print(a)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < ['a']
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * 1.5
except TypeError as e:
    print(type(e).__name__, e)
