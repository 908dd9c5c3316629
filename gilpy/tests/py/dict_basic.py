# dict creation forms and lookup
d = {'a': 1, 'b': 2}
print(d, len(d), d['a'], type(d).__name__)
print(dict(), dict(x=1, y=2), dict([('k', 'v'), ('k2', 'v2')]), dict({'m': 1}, n=2))
print(dict(zip('abc', range(3))), {}, dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))
print({1: 'int', 'k': 'str', (1, 2): 'tuple', None: 'none', 2.5: 'float', True: 'bool'})
d['c'] = 3
d['a'] = 10
print(d)
try:
    d['missing']
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    {(1, [2]): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
