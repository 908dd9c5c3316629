# equality and ordering of bytes and bytearray
print(b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', b'' == bytearray())
print(sorted([b'b', b'a', b'ab', b'']), b'abc' != b'abd', b'abc' > b'ab')
print(b'A' == 65, b'A'[0] == 65)
try:
    b'a' < 'a'
except TypeError as e:
    print(type(e).__name__, e)
