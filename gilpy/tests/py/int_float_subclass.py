# int/float subclasses, __index__/__float__/__int__ protocols, round, format
def t(src):
    try:
        r = eval(src, globals())
        print(src, '->', repr(r))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
class I(int):
    def __repr__(self): return 'I(%d)' % self
class J(int):
    pass
class F(float):
    pass
class Idx:
    def __index__(self): return 7
class Flt:
    def __float__(self): return 2.5
class Int:
    def __int__(self): return 42
class Tr:
    def __trunc__(self): return 9
class BadInt:
    def __int__(self): return 'x'
class BadFloat:
    def __float__(self): return 1
class IntSub:
    def __int__(self): return True
class S(str): pass
for e in r'''
I(5)
I(5) + 1
type(I(5) + 1)
type(-I(5))
type(+I(5))
type(abs(I(-5)))
I('12', 8)
J(3) == 3
hash(J(3)) == hash(3)
type(int(J(3)))
type(J(3).real)
type(J(3).numerator)
type(J(3).__index__())
type(J(3).__trunc__())
type(round(J(3)))
type(J(3).conjugate())
J.from_bytes(b'\x01', 'big')
type(J.from_bytes(b'\x01', 'big'))
F(2.5)
type(F(2.5) + 1)
F('1.5')
type(float(F(1.5)))
type(F(1.5).real)
F.fromhex('0x1p1')
type(F.fromhex('0x1p1'))
int(Idx())
int(Int())
int(BadInt())
float(Flt())
float(BadFloat())
float(Idx())
int(S('12'))
float(S('1.5'))
[1,2,3,4,5,6,7,8][Idx()]
range(Idx())
2 ** Idx()
Idx() + 1
hex(Idx())
bin(-5)
oct(2**70)
hex(-2**70)
bool.__new__(bool, 5)
bool()
bool([])
True + 1.5
True * 'ab'
divmod(True, 2)
isinstance(1, bool)
issubclass(bool, int)
int.__add__(True, True)
type(True.__and__(1))
True.__and__(True)
False.__or__(False)
True.__xor__(2)
True & 2
True | 2
1 .__eq__(1.0)
1 .__eq__('a')
1.0 .__eq__(1)
(2**100).__eq__(2.0**100)
1 < 'a'
1.0 < 'a'
1 + 'a'
1.0 + 'a'
'a' * 2.0
[1] * 2**100
-(2**63) == -2**63
sorted([3, 1.5, 2**65, -1, True, 0.0])
max(1, 2.0, key=None)
7.5.__floordiv__(2)
7.0.__rfloordiv__(2)
2.0.__rmod__(7)
2.0.__rpow__(3)
float.__add__(1.0, 2)
float.__add__(1.0, 'x')
int.__add__(1, 2.0)
(3).__truediv__(0)
(3).__rtruediv__(0)
(3.0).__rtruediv__(0)
0 ** 0.0
round(0.1 + 0.2, 15)
round(2.5, 0)
round(-0.5)
round(1e20)
round(1.23456789e-5, 8)
round(123.456, -1)
round(123.456, -5)
round(5e-324, 400)
round(1.5, -400)
round(2**70 + 0.5)
round(1.1, 2**70)
round(1.1, -2**70)
round(12, 2**70)
round(Idx())
round(Idx(), 1)
round('x')
'{:.3}'.format(2**0.5)
'{:+.2e}'.format(-0.0)
'{:g}'.format(1e-4)
'{:g}'.format(1e-5)
'{:#g}'.format(1.0)
'{:.0f}'.format(0.5)
'{:.0f}'.format(1.5)
'{:,}'.format(1234567.891)
'{:_}'.format(1234567.891)
'{:010.2f}'.format(-3.14159)
'{:^10}'.format(3.5)
'{:z.1f}'.format(-0.01)
'{:.2%}'.format(0.12345)
'{:x}'.format(3.0)
'{:,x}'.format(10**10)
'{:_x}'.format(10**10)
'{:#_b}'.format(1000)
'{:c}'.format(0x1F600)
'{:c}'.format(-1)
'{:=10d}'.format(-42)
'{:+d}'.format(0)
'{: d}'.format(5)
'{:.2d}'.format(5)
'{:,c}'.format(65)
'{:#o}'.format(8)
'{:X}'.format(255)
'{:#X}'.format(255)
'{:n}'.format(10**6)
'{:e}'.format(10**30)
'{:.1f}'.format(10**25)
'{:f}'.format(2**1024)
'{:d}'.format(1.0)
'{:f}'.format(float('inf'))
'{:F}'.format(float('nan'))
'{:E}'.format(1e-300)
'{:G}'.format(1e20)
'{:.3g}'.format(1234.5)
'{:#.3g}'.format(1)
'{:r}'.format(1.0)
str(2**63)
str(-2**63)
repr(-2**63 - 1)
int('-9223372036854775808')
int('9223372036854775808') - 1
int('-0')
-0
0 * -1
abs(-0.0)
-(0.0)
1/3
2/3
1e-7
1.0e15
1.0e16
123456789.123456789
5e-324
1.7976931348623157e308
0.1 * 3
float.__repr__(F(2.0))
F(2.0).__repr__()
str(F(3.0))
(-1.5).__trunc__()
(2.5).__round__()
(2.5).__round__(0)
(3.7).__floor__()
(-0.5).__ceil__()
float('inf').__floor__()
float('nan').__ceil__()
float('nan').__trunc__()
(1e300).__trunc__()
(0.0).is_integer()
float('inf').is_integer()
(-0.0).__hash__()
(2.5).__int__()
(2.5).__float__()
(5).__float__()
(2**1025).__float__()
(2).__index__()
'''.strip().split('\n'):
    t(e)
# round() with negative ndigits: correctly rounded through the decimal digits
for x, n in [(1.7e308, -308), (-4.0, -1), (14.6, -1), (-0.7, -1), (5e-324, -1), (-1e308, -308), (9.5e307, -307),
             (15.0, -1), (25.0, -1), (25.0000001, -1), (995.0, -1), (9950.0, -2), (5.0, -1), (50.0, -2),
             (4.2893732010221906e+24, -8), (7.016200421436022e+87, -5), (-1.563697227260347e+29, -12),
             (2.7579432993262335e+194, -3), (123456789.5, -9), (123456789.5, -10)]:
    try:
        print(x, n, repr(round(x, n)))
    except OverflowError as e:
        print(x, n, 'OverflowError', e)
# true division of word-sized ints beyond 2**53
for a, b in [(-6185561437663910520, 1), (-4889865061102550458, 3), (2**63 - 1, 7), (2**62 + 1, 2**61 + 3)]:
    print(a / b, b / a)
