# bitwise operators and shifts, including negative numbers and big ints
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(-6 & 0xff, -6 | 1, -6 ^ 3, ~-1, ~0)
print(1 << 70, (1 << 70) >> 69, -1 >> 10, -1024 >> 3, -5 >> 1)
print((2 ** 100 - 1) & 0xffff, (2 ** 100) | 1, (2 ** 100) ^ (2 ** 100))
print(-(2 ** 80) & 0xffffffff, -(2 ** 80) >> 70, ~(2 ** 80))
print(12345678901234567890 & -12345678901234567890)
print(5 << 0, 5 >> 100, 0 << 1000)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 & 1.0
except TypeError as e:
    print(type(e).__name__, e)
