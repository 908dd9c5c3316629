# int, bool and float corner cases: operators, conversions, messages
def t(src):
    try:
        r = eval(src, globals())
        print(src, '->', repr(r))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
import sys
for e in r"""
1+2
2**100
-2**100
2**64 - 1
(2**63) // 3
-7 // 2
7 // -2
-7 % 2
7 % -2
-(2**70) // 7
-(2**70) % 7
(2**70) % -7
divmod(-7, 2)
divmod(2**70, -3)
divmod(7.5, 2)
divmod(-7.5, 2)
divmod(1, 0)
divmod(1.0, 0)
1 // 0
1 % 0
1 / 0
1.0 // 0
1.0 % 0
5 % 0.0
2 ** -1
2 ** -2**70
0 ** -1
0.0 ** -1
pow(3, 4, 5)
pow(3, -1, 7)
pow(2, -1, 4)
pow(2, 3, 0)
pow(2, 3.0, 5)
pow(2**100, 2**100, 10**9+7)
pow(-3, 3, -5)
1 << 100
1 << -1
-1 >> 100
-(2**100) >> 3
(2**100) >> 200
1 << 2**70
~5
~(2**80)
-(2**80) & 0xffff
(2**80) | -1
(2**80) ^ -(2**81)
-5 & -3
-5 | 3
-5 ^ 3
10 / 4
2**1000 / 2**998
(2**1100) / 3
10**400 / 10**399
2**2000 / 1
1 / 2**2000
(2**53 + 1) / 1
int(1e300) / 3
7 / -0.0
1 == 1.0
2**53 + 1 == float(2**53)
2**53 + 1 > float(2**53)
10**400 > float('inf')
10**400 < float('nan')
-10**400 < -1e308
float('nan') == float('nan')
float('nan') != float('nan')
hash(-1)
hash(2**61)
hash(2**61 - 1)
hash(-(2**61))
hash(2**100)
hash(-2**100)
hash(1.5)
hash(-1.5)
hash(1e300)
hash(float('inf'))
hash(-float('inf'))
hash(0.1)
hash(True)
int('  -12_3  ')
int('0x1f', 16)
int('0x1f', 0)
int('0b101', 0)
int('0o17', 0)
int('017', 0)
int('00', 0)
int('1__2')
int('_12')
int('12_')
int('z', 36)
int('Z', 36)
int('12', 37)
int('12', 1)
int('')
int(' ')
int('x')
int('١٢٣')
int(b'12')
int(bytearray(b'42'))
int(3.9)
int(-3.9)
int(1e30)
int(float('inf'))
int(float('nan'))
int('3.5')
int(None)
int([1])
int('10', base=2)
int(10, 2)
int(x='10')
float('  1.5  ')
float('inf')
float('-Infinity')
float('nAn')
float('1_000.5')
float('1__0')
float('x')
float('')
float('1e500')
float('0x1p3')
float(2**1024)
float(10**400)
float(b'1.5')
float(None)
float('١.٥')
1e308 * 10
2.0 ** 10000
10.0 ** -400
(-2.0) ** 2
0.0 ** 0
float('inf') ** 0
round(2.5)
round(3.5)
round(-2.5)
round(2.675, 2)
round(1234, -2)
round(1250, -2)
round(1350, -2)
round(-1250, -2)
round(5, 0)
round(12345.678, -2)
round(1e300, 2)
round(float('inf'))
round(float('nan'))
round(float('inf'), 2)
round(2**100, -10)
round(0.5)
round(1.5)
round(15, -1)
round(25, -1)
round(7, 3)
(1.5).as_integer_ratio()
(0.1).as_integer_ratio()
(-0.0).as_integer_ratio()
float('inf').as_integer_ratio()
float('nan').as_integer_ratio()
(10).as_integer_ratio()
(255).bit_length()
(-(2**100)).bit_length()
(0).bit_length()
(-7).bit_count()
(1024).to_bytes(2, 'big')
(1024).to_bytes(2, 'little')
(1024).to_bytes(1, 'big')
(-1).to_bytes(2, 'big', signed=True)
(-1).to_bytes(2, 'big')
(128).to_bytes(1, 'big', signed=True)
(5).to_bytes()
(0).to_bytes(0, 'big')
(1).to_bytes(-1, 'big')
(1).to_bytes(1, 'middle')
int.from_bytes(b'\xff\xff', 'big', signed=True)
int.from_bytes(b'\x00\x01', 'little')
int.from_bytes([1, 2], 'big')
int.from_bytes(b'')
int.from_bytes(b'\x01\x00')
(5).conjugate()
(5).real
(5).imag
(5).numerator
(5).denominator
True.real
(3.5).real
(3.5).imag
(3.5).conjugate()
(3.0).is_integer()
(3.5).is_integer()
(1.5).hex()
(-0.0).hex()
(0.0).hex()
float('inf').hex()
(1e-320).hex()
(2**60 * 1.0).hex()
float.fromhex('0x1.8p1')
float.fromhex('-0x1p-1074')
float.fromhex('0x1p-1075')
float.fromhex('0x1.0000000000001p0')
float.fromhex('0x1.00000000000008p0')
float.fromhex('0x1.00000000000018p0')
float.fromhex('inf')
float.fromhex('0x1p1024')
float.fromhex('zz')
float.fromhex(' 0x10 ')
float.fromhex('1.8')
True + True
True & False
True | False
True ^ True
True & 1
~True
-True
repr(True)
str(False)
bool(0.0)
bool(-0.0)
bool(2**100)
True == 1
isinstance(True, int)
bool.__mro__
type(True + 1)
True / 2
format(True, 'd')
format(True, '')
format(True, '>6')
format(2**100, ',')
format(2**100, '_x')
format(-255, '#x')
format(255, '08b')
format(1234567, ',d')
format(65, 'c')
format(3, '.2f')
format(3, 'e')
format(3, '%')
format(10**20, 'g')
format(1.5, '.3e')
format(1e100, '')
format(1.0, '')
format(0.1, '.20f')
format(1234.5, ',.2f')
format(float('nan'), '+f')
format(-0.0, '')
format(1e16, 'g')
format(123.0, 'n')
format(1.5, 'd')
format(3, 's')
format(3.14159, '10.3')
format(2.5, '%')
format(1e-5, '')
format(12345678901234567890.0, '')
format(0.5, '=+10.2f')
repr(1e16)
repr(1e-5)
repr(0.1+0.2)
repr(-0.0)
repr(1e22)
repr(123456789012345678.0)
str(1.0)
str(float('-inf'))
3 < 3.5
3 == 3.0000000000000001
2**1000 == 2.0**1000
2**1000 + 1 == 2.0**1000
2**1000 < 2.0**1000
(-5).__index__()
(5).__trunc__()
(5).__floor__()
(5).__ceil__()
(5).__round__()
(5).__round__(-1)
(5.7).__trunc__()
(5.7).__floor__()
(-5.7).__ceil__()
(5.5).__round__()
(5.55).__round__(1)
int.__new__(int, 5)
5 .__add__(1.0)
5 .__radd__(2)
5.0 .__add__(1)
(5.0).__floordiv__(0)
5 .__truediv__(2)
5 .__rtruediv__(2)
5 .__pow__(2, 3)
5.0 .__pow__(2, 3)
pow(2.0, 3, 5)
-0.0 == 0
abs(-2**100)
abs(-5)
abs(-5.5)
+True
-(-2**63)
(-2**63) * -1
(-2**63) // -1
(-2**63) % -1
abs(-2**63)
2**63 - 1 + 1
(2**31) * (2**32)
(-1) ** 2**100
2 ** 0.5
10 ** 20
10 ** 19
3 ** 40
(-3) ** 41
int.__mro__
(1).__class__
'%d' % 2**100
'%x' % 255
'%5.2f' % 2
'%d' % 3.7
'%i' % True
'%s' % 1.5
'%r' % 1e100
'%e' % 12345
'%g' % 0.00001
'%d' % 'x'
'%x' % 3.0
1 .__sizeof__() > 0
sum([0.1]*10)
min(1, 1.0)
max(2**100, 1e40)
int(x='10')
int('10', 2, 3)
int('10', base=2, x=1)
int(base=2)
int('10', base='2')
int(5, base=2)
int(2.5, 10)
float(x='1')
float(1, 2)
bool(x=1)
bool(1, 2)
(5).to_bytes(2, byteorder='big', signed=True)
(5).to_bytes(2, 'big', True)
int.from_bytes(b'\x05', 'big', True)
int.from_bytes(bytes=b'\x05', byteorder='big')
(5).__round__(1, 2)
(5.5).__round__(None)
round(5.5, None)
round(5, None)
round(5, 1.5)
round(5.5, 1.5)
(5).bit_length(1)
float.__new__(int)
int('9' * 5000)
str(10 ** 5000)
repr(-10 ** 5000)
int('1' * 4300)
len(str(10 ** 4299))
hex(10**5000)[:10]
format(10**5000, 'x')[:5]
format(10**5000, 'd')[:5]
'%d' % 10**5000
int('1'*4301, 16) > 0
f'{10**5000}'
int(' 1 ', 0)
int('0_0', 0)
int('0x_1f', 0)
int('0x', 0)
int('1_', 0)
int('09', 0)
int('0', 0)
int('-0x10', 16)
int('+0b1', 0)
int('0b2', 0)
int('12 3')
int('\t\n12\x0c')
int('12\x00')
int('１２')
int('1e3')
float('1e3')
float('.5')
float('5.')
float('.')
float('1_0.0_1')
float('1._0')
float('-nan')
float('+inf ')
float('infinity')
float('infinit')
float('0x10')
float('1e')
float('1e+')
float('١٢٣.٥e١')
float(' \u2003 1.5 \u2003')
float(True)
float(10**308)
float(10**309)
int(10**309 * 1.0)
2**1024 * 1.0
1.0 + 10**400
1.0 * 2**1024
(2**1024) / 1.5
1.5 / 2**1024
1.0 < 2**1024
float('inf') > 2**1024
3 + 4.5
3 - 4.5
3 * 4.5
3 / 4.5
7 // 2.5
7 % 2.5
-7 % 2.5
7 % -2.5
-0.0 % 5
0.0 % -5
7.0 // -0.0
-7.5 // 2
1e308 // 1e-308
float('inf') // 1
float('inf') % 1
1 % float('inf')
-1 % float('inf')
divmod(float('inf'), 1)
divmod(5, float('inf'))
divmod(-5, float('inf'))
divmod(1e308, 1e-308)
1e300 * 1e300
1e300 ** 2
(-1e300) ** 3
2.0 ** 1024
(-2.0) ** 1023.0
0.0 ** -1.5
(-0.0) ** -1
(-0.0) ** -2
1.0 ** float('nan')
float('nan') ** 0
(-1.0) ** float('inf')
0.5 ** float('-inf')
2 ** 0.5
pow(2, 0.5, 3)
pow(2.0, 2, None)
2 ** -1.0
10 ** -2
(-2) ** -3
0 ** 0
(-2**63) ** 1
int.__pow__(2, 3, None)
int('\u00a012\u2003')
int('٣')
int('߀߁', 10)
int('1' * 4301)
int('1' * 4300) > 0
int('-' + '1' * 4301)
int('  ' + '1' * 4301 + '  ')
int('1_' * 2200 + '1')
int('1' * 5000, 16) > 0
int('1' * 5000, 2) > 0
int('1' * 5000, 32) > 0
int('1' * 5000, 8) > 0
int(b'  12  ')
int(b'1_2')
int(b'\xff')
int(bytearray(b'x'))
int('12', 0)
int('0b', 0)
int('0b1_0', 0)
int('0B11', 2)
int('0o17', 8)
int('0x1F', 16)
int('0x1F', 10)
int('-0x1F', 0)
int('- 1')
int('+-1')
int('1.0')
int('inf')
int('0' * 5000)
int('0_0', 10)
int('00000000000000000000001')
int('9' * 19)
int('-9223372036854775809')
int('1' + 'z' * 20, 36)
int('\U0001D7CE')
int(' 0x', 16)
int('x' * 300)
int('é')
int('1', 2.0)
int('1', 2**100)
int('1', -1)
int(1, 0)
int(b'1', 0)
float('1' * 400)
float('1e' + '9' * 30)
float('-1e-' + '9' * 30)
float('0.' + '0' * 400 + '1')
float('1' * 5000)
float('  ')
float(' 1 2')
float('1e1_0')
float('1_e10')
float('_1')
float('1.5j')
float('0x1p3')
float('ınf')
float(b'\xff')
float('x' * 300)
str(-1234567890123456789012)
repr(12345678901234567890 * 10**10)
'{:d}'.format(10**4300)[:3]
str(10**4299)[:3]
str(10**4300)[:3]
float.__getformat__('double')
float.__getformat__('float')
float.__getformat__('x')
float.__getformat__(1)
float.__new__(float)
float.__new__(int)
int.__new__(float)
float.__round__(1.5, 'x')
(1.5).__round__(1.5)
round(2.5, True)
(2).__round__('x')
(2).__pow__(2, 0)
(2).__pow__(-1, 5)
pow(2, -1, 1)
pow(0, -1, 5)
pow(5, 0, 1)
pow(5, 0, -1)
pow(-1, 0, 7)
pow(2, 10, -7)
pow(2.0, 10, 7)
pow('a', 2)
pow(2, 'a')
pow(2, 2, 'a')
2 ** 'a'
divmod('a', 2)
1 @ 2
1.5 @ 2
int.from_bytes(b'\x01', 'big', signed=2)
int.from_bytes(b'\x01', byteorder='little', signed=False)
(1).to_bytes(length=2, byteorder='big')
(256).to_bytes(1)
(-129).to_bytes(1, signed=True)
(-128).to_bytes(1, signed=True)
(2**64).to_bytes(9, 'little')
(1).to_bytes(2**62)
(0).to_bytes(0)
(-1).to_bytes(0, signed=True)
(1).to_bytes(1, 'big', signed=True, extra=1)
int.from_bytes(5)
int.from_bytes([256])
int.from_bytes((1, 2), 'little')
int.from_bytes(iter([1]))
(3).as_integer_ratio()
(True).as_integer_ratio()
(2**100).bit_count()
(-1).bit_length()
int.real.__get__(5)
int.conjugate(True)
type(True.conjugate())
type(True.real)
type(True.numerator)
type(-True)
type(~True)
type(True.__index__())
type(int(True))
type(+True)
type(abs(True))
type(True // True)
type(True << 1)
type(True >> 1)
type(round(True))
type(True.__trunc__())
type(True.__floor__())
""".strip().split("\n"):
    t(e)
