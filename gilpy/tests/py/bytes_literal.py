# bytes literals and repr
print(b'abc', b"dq", b'\x00\x7f\x80\xff', b'\n\t\r\\', b"'", b'"', b'\'"')
print(repr(b''), repr(b'a' * 3), len(b'\x00\x01'))
print(bytes([0, 65, 255]), bytes(3), bytes(), bytes(b'copy'), bytes('é', 'utf-8'))
print(bytes(range(60, 70)), bytes((x for x in [104, 105])))
print(type(b'').__name__, b'ab' == b'ab', b'ab' == 'ab')
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes([-1])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes('abc')
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
