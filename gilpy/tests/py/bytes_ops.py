# bytes operations and errors mixing with str
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd')
print(b'%s=%d' % (b'x', 5), b'%x' % 255, b'%c' % 65, b'%5s|' % b'ab')
print(hash(b'abc') == hash(b'ab' + b'c'), {b'k': 1}[b'k'])
print(bytes(b'abc') is not None, b'abc'[1:2] == b'b', len(b'\x00' * 10))
try:
    b'a' + 'b'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' + b'b'
except TypeError as e:
    print(type(e).__name__, e)
try:
    b'a'.decode('no-such-codec')
except LookupError as e:
    print(type(e).__name__, e)
print(str(b'abc'), repr(bytearray(b'x')), b'\x00' == bytes(1))
