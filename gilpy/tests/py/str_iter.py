# iterating strings and building strings
s = 'abcde'
for i, c in enumerate(s):
    print(i, c, end='; ')
print()
it = iter('xy')
print(next(it), next(it), next(it, 'done'))
print(''.join(reversed('stressed')))
out = ''
for c in 'hello':
    out = c + out
print(out)
print([c * 2 for c in 'abc'], list(map(ord, 'AZ')))
print(''.join(chr(ord('a') + i) for i in range(26)))
