# split, rsplit, splitlines, join
print('a b  c'.split(), 'a b  c'.split(' '), '  lead trail  '.split())
print('a,b,,c'.split(','), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1))
print('a--b--c'.split('--'), ''.split(), ''.split(','), 'abc'.split('abc'))
print('1 2 3 4'.split(None, 2), '1 2 3 4'.rsplit(None, 2), 'x'.split('x'))
print('one\ntwo\r\nthree\rfour'.splitlines(), 'a\n\nb\n'.splitlines())
print('a\nb\n'.splitlines(True), ''.splitlines(), 'a\x0cb\x1cc\u2028d'.splitlines())
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ' '.join(('1',)))
print(', '.join(str(i) for i in range(4)), '\n'.join(['l1', 'l2']))
try:
    ','.join(['a', 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a b'.split('')
except ValueError as e:
    print(type(e).__name__, e)
