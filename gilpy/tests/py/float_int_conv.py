# conversion between float and int
print(int(3.7), int(-3.7), int(1e20), int(-1e20), int(2.0 ** 70))
print(int(1.7976931348623157e308) == 2 ** 1024 - 2 ** 971)
print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 54 + 3))
print(float(10 ** 22), float(10 ** 23), float(-(10 ** 23)))
print(float(2 ** 1024 - 2 ** 970 - 1))
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
print(7 // 2.0, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5 == 2.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
