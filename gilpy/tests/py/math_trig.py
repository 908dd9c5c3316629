# trigonometric and hyperbolic functions (values that are exact or well-rounded)
import math

print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(math.isclose(math.sin(math.pi), 0, abs_tol=1e-12), math.isclose(math.cos(math.pi), -1))
