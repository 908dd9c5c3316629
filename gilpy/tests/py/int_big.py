# arbitrary-precision arithmetic
a = 2 ** 200
b = 3 ** 120
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b, a % b)
print(b // 12345, b % 12345)
print(-a // 7, -a % 7)
print(a // -b, a % -b)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // (2 ** 40), f % (10 ** 20))
print(a == 2 ** 200, a > b, a < -b, -a < b)
print(abs(-a) == a, -(-a) == a)
print(a / 2 ** 199, b / 3 ** 119)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387904 * 2, 4611686018427387904 * 4)
print(-9223372036854775808 // -1, (-9223372036854775808) * -1)
print(2 ** 63 - 2 ** 63, (2 ** 64) // (2 ** 32))
