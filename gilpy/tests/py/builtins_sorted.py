# sorted: new list, key, reverse, stability
data = [('bob', 3), ('amy', 1), ('cat', 3), ('dan', 2), ('eve', 1)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted('Banana'), sorted('Banana', key=str.lower), sorted({'b': 1, 'a': 2}))
print(sorted((3, 1, 2)), sorted({3, 1, 2}), sorted(range(5), reverse=True))
words = ['aa', 'B', 'c', 'DDD', 'e', 'ff']
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
orig = [3, 1, 2]
s = sorted(orig)
print(orig, s, s is orig)
print(sorted([0.5, -1, 2, True, False]))
try:
    sorted([1, None])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted()
except TypeError as e:
    print(type(e).__name__, e)
