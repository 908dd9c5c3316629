# other str methods
print('{} and {}'.format('a', 'b'), 'x'.__len__(), 'abc'.__contains__('b'))
print('hello'.count('l'), 'a-b_c d'.title(), 'hello world'.capitalize())
print(str.upper('abc'), str.join('-', ['a', 'b']), str.__name__)
print('%s!' % 'hi', 'abc'.__getitem__(1), 'ab'.__add__('cd'))
print('Tab\tSeparated'.split('\t'), 'A'.lower().upper())
print('  x  '.strip().center(5, '-'))
print('10'.isdigit() and int('10') + 1)
print(str(b'abc', 'ascii'), str(b'caf\xc3\xa9', 'utf-8'))
