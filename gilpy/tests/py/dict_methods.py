# get, setdefault, pop, popitem, update, copy, clear
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 'default'))
print(d.setdefault('a', 100), d.setdefault('c', 3), d.setdefault('n'), d)
print(d.pop('n'), d.pop('zz', 'fallback'), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d)
e = d.copy()
e['a'] = 'changed'
print(d['a'], e['a'])
d.clear()
print(d, e)
try:
    d.pop('nothing')
except KeyError as e2:
    print(type(e2).__name__, e2)
try:
    d.popitem()
except KeyError as e2:
    print(type(e2).__name__, e2)
