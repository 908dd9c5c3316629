# chr, ord, hex, oct, bin, ascii
print(chr(65), chr(0x3b1), chr(0x1F40D), ord('A'), ord('α'), ord('🐍'), ord(b'A'), ord(bytearray(b'z')))
print([chr(i) for i in range(97, 102)], ''.join(map(chr, [72, 105])))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(10), bin(-10), bin(0))
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 40))
print(ascii('abc'), ascii('ü'), ascii('🐍'), ascii(['é']), ascii(1))
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr('a')
except TypeError as e:
    print(type(e).__name__, e)
