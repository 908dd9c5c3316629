# math functions with exactly representable results
import math

print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.pow(2, 10), math.pow(2, 0.5))
print(math.exp(0), math.exp(1), math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10))
print(math.log2(1024), math.log10(1000), math.log1p(0), math.expm1(0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), math.trunc(2.9))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20), math.ceil(5))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.hypot(3, 4), math.hypot(5, 12), math.dist((0, 0), (3, 4)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.degrees(math.pi), math.radians(180) == math.pi)
