# keys that compare equal share one entry; the first key object is kept
d = {1: 'a'}
d[1.0] = 'b'
d[True] = 'c'
print(d, len(d))
e = {0: 'zero', False: 'false', 0.0: 'float'}
print(e)
f = {'x': 1}
f['x'] = 2
print(f)
print({(1, 2): 'p'}[(1.0, 2.0)])
