# center, ljust, rjust, zfill
s = 'abc'
print('[' + s.center(9) + ']', '[' + s.center(8, '*') + ']', '[' + s.center(2) + ']')
print('[' + s.ljust(6) + ']', '[' + s.rjust(6, '.') + ']', '[' + s.ljust(1) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(6), '12345'.zfill(3))
print('[' + 'ab'.center(5) + ']', '[' + 'ab'.center(6) + ']', '[' + 'abc'.center(6) + ']')
try:
    s.center(5, 'ab')
except TypeError as e:
    print(type(e).__name__, e)
