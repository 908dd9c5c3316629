# conversions: hex, oct, bin, str, bool, float
for n in (0, 1, -1, 255, -255, 2 ** 64, -(2 ** 64) + 1):
    print(n, hex(n), oct(n), bin(n), str(n), bool(n), float(n))
print(float(2 ** 1023), float(-(2 ** 60) - 1))
print(round(7), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(15, -1), round(25, -1), round(5, -1), round(123, 1))
print(type(round(7)).__name__, type(round(7, 2)).__name__)
