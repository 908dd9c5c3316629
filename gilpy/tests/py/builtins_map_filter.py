# map and filter are lazy iterators
m = map(lambda x: x * 2, [1, 2, 3])
print(type(m).__name__, list(m), list(m))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, 'ab')), list(map(len, ['', 'xy'])))
print(list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'efg')))
f = filter(lambda x: x % 2, range(10))
print(type(f).__name__, list(f))
print(list(filter(None, [0, 1, False, 2, '', 'x', None, [], [0]])))
print(list(filter(str.isdigit, 'a1b2')))


def loud(x):
    print('mapping', x)
    return x


it = map(loud, [1, 2, 3])
print('nothing mapped yet')
print(next(it))
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
