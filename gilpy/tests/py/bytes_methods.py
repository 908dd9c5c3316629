# bytes methods
b = b'Hello, World'
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.split(b', '), b'a b  c'.split(), b'a,b'.split(b','), b','.join([b'x', b'y']))
print(b.replace(b'l', b'L'), b.find(b'o'), b.rfind(b'o'), b.count(b'l'), b.index(b'W'))
print(b.startswith(b'Hell'), b.endswith(b'ld'), b'  x  '.strip(), b'xxaxx'.strip(b'x'))
print(b'abc'.hex(), bytes.fromhex('de ad BE EF'), b'\x01\xff'.hex(), b'\x01\x02'.hex(':'))
print(b'caf\xc3\xa9'.decode(), b'abc'.decode('ascii'), b'123'.isdigit(), b'ab'.isalpha())
print(b'a-b'.partition(b'-'), b'abc'.center(7, b'*'), b'5'.zfill(3), b'ab'.ljust(4) + b'|')
print(b'line1\nline2'.splitlines(), b'abc' + b'def', b'ab' * 3, b'x'.join([b'1', b'2', b'3']))
print(b'a' < b'b', b'abc' < b'abd', b'' < b'\x00', max(b'azb'), sum(b'\x01\x02'))
try:
    b'abc'.find('a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex('zz')
except ValueError as e:
    print(type(e).__name__, e)
