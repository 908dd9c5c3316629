# isfinite, isinf, isnan, isclose
import math

for v in [0.0, 1.5, -1e308, math.inf, -math.inf, math.nan, 7]:
    print(v, math.isfinite(v), math.isinf(v), math.isnan(v))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.isfinite(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
