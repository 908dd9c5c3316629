# basic int arithmetic
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2)
print(-7 + 3, -7 * -3, 6 / 3, type(6 / 3).__name__)
print(0 - 0, -0, +5, -(-5), abs(-12))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-1) ** 100)
print(10 ** -2, 2 ** -1)
print(1 + True, 3 * False)
print(1 == 1.0, 2 < 2.5, 3 > 2.9999)
x = 5
x = x * x - 1
print(x)
print(int.__name__, (5).__class__.__name__)
