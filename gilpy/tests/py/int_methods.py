# int methods
print((0).bit_length(), (1).bit_length(), (255).bit_length(), (-256).bit_length())
print((2 ** 100).bit_length(), (7).bit_count(), (-7).bit_count())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'))
print((-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True))
print((10).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag)
print((5).numerator, (5).denominator)
print((12).__add__(3), (12).__sub__(3), (3).__rsub__(12))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(type(e).__name__, e)
print(int.__name__, type(int('5')).__name__)
