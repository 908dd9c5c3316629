# for loops with else, break and continue, over many iterables
for c in 'abc':
    print(c, end=' ')
print()
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print(i, end=' ')
else:
    print('not reached')
print()
for x in []:
    print('never')
else:
    print('empty loop: else runs')
for k in {'a': 1, 'b': 2}:
    print('key', k)
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
for n in (1, 2):
    for m in (1, 2):
        if m == 2:
            break
        print(n, m)
    else:
        print('inner not broken')
for i in range(3):
    pass
print('loop var after loop:', i)
found = None
for x in [3, 8, 11]:
    if x > 5:
        found = x
        break
else:
    found = -1
print('found', found)
