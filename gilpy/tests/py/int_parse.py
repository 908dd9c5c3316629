# int() from strings with bases
print(int('42'), int('-42'), int('+7'), int('  12  '), int('1_000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0))
print(int('777', 8), int('0o777', 0), int('101', 2), int('0b101', 0))
print(int('z', 36), int('Zz', 36), int('10', 3))
print(int('0', 0), int('-0x10', 0), int('123456789' * 4))
print(int(3.99), int(-3.99), int(True), int(), int(' \t42\n'))
print(int('٣'), int('１２'))
bad = [('', 10), ('abc', 10), ('12.5', 10), ('0x', 16), ('8', 8),
       ('1__0', 10), ('_1', 10), ('010', 0), ('2', 2), ('- 1', 10)]
for s, base in bad:
    try:
        int(s, base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('1', 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int('1', 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
