# type constructors with no arguments and with arguments
print(repr(int()), repr(float()), repr(str()), repr(bool()), list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray())
print(int('7'), float('7'), str(7), bool(7), list('7'), tuple('7'), set('77'), frozenset('7'))
print(dict(a=1), dict([('a', 1)]), dict({'a': 1}), dict(zip('ab', 'cd')))
print(int(7.9), int('-7'), float(7), str(7.0), str([7]), bool([]), bool([[]]))
print(list({'k': 1}.items()), tuple(range(3)), list(b'AB'), bytes([65]), bytearray('é', 'utf-8'))
print(type(int()) is int, type(bool()) is bool, int(True) + int(False))
print(str(b'x'), str(1e16), str(-0.0), int(' 0x1f ', 16), float(' -1.5 '))
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
