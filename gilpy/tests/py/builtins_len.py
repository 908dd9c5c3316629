# len of every sized type
print(len(''), len('abc'), len('日本'), len(b'ab'), len(bytearray(3)))
print(len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({'a': 1}))
print(len(set()), len({1, 2}), len(frozenset('aab')), len(range(10)), len(range(0, 10, 3)))
print(len(range(10, 0)), len(range(10, 0, -3)), len({}.keys()), len({'a': 1}.items()))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(iter([]))
except TypeError as e:
    print(type(e).__name__, e)
