# gamma/lgamma as CPython computes them (Lanczos), ulp, nextafter, cbrt, exp2, fsum
import math
vals = [0.5, 1.5, 2.5, 3, 4.5, 10, 10.5, 23, 24, 30.3, 100.7, 141.5, 150, 171, 171.7, 172, 199.9, 200.5, 1e-21, -1e-21, -0.5, -1.5, -2.5, -10.3, -100.2, -150.7, -170.5, -180.5, -199.5, -200.5, -1e300, 1e300, 0.1, 7.0001, 2.0000001, 0.9999, 1e-10, 3.14159, 33.3333, 57.5]
for v in vals:
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, v, repr(f(v)))
        except Exception as e:
            print(f.__name__, v, type(e).__name__, e)
for f in (math.gamma, math.lgamma):
    for v in (0.0, -0.0, -1, -2.0, float('inf'), float('-inf'), float('nan'), 1, 2):
        try:
            print(f.__name__, v, repr(f(v)))
        except Exception as e:
            print(f.__name__, v, type(e).__name__, e)
for v in (1.0, 0.0, -0.0, 1e308, 5e-324, float('inf'), float('nan'), 1.7976931348623157e308, 2**52):
    print(math.ulp(v), math.nextafter(v, 0), math.nextafter(v, math.inf))
print(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.exp2(0.5), math.exp2(3))
try: math.exp2(2000)
except Exception as e: print(type(e).__name__, e)
print(math.fsum([-0.0]), math.fsum([]), math.fsum([1e308, 1e308, -1e308]) if 0 else '')
try: math.fsum([1e308, 1e308, -1e308])
except Exception as e: print(type(e).__name__, e)
print(math.fsum([0.1, 0.2, 0.3, -0.6]), math.fsum([1e-16, 1, 1e-16]))
