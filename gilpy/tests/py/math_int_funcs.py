# integer functions: factorial, gcd, lcm, comb, perm, isqrt
import math

print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(6, 10, 15))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5))
print(math.comb(5, 2), math.comb(50, 25), math.comb(3, 5), math.perm(5, 2), math.perm(5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40 + 1))
print(math.gcd(2 ** 100, 6 ** 50), math.factorial(30) // math.factorial(28))
for bad in [lambda: math.factorial(-1), lambda: math.isqrt(-1), lambda: math.comb(-1, 2)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [lambda: math.factorial(2.5), lambda: math.gcd(1.5, 2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
