# repr of nested and self-referencing dicts
d = {'name': 'x', 'list': [1, {'inner': None}], 'tuple': (1,)}
print(d)
d['self'] = d
print(d)
e = {'k': "it's", 'k2': 'say "x"', 3: 4.5}
print(e, str(e))
print({1: {2: {3: {}}}})
