# iterating over dicts, and changing size during iteration
d = {'one': 1, 'two': 2, 'three': 3}
for key in d:
    print(key, d[key])
for key, value in d.items():
    print(key, '->', value)
for value in d.values():
    print(value, end=' ')
print()
try:
    for key in d:
        d['new-' + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {'a': 1}
for key in list(d):
    d[key + '2'] = 2
print(d)
for key in d:
    d[key] = 'updated'
print(d)
