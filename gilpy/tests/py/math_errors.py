# domain and range errors
import math

for name, fn in [('sqrt(-1)', lambda: math.sqrt(-1)), ('log(0)', lambda: math.log(0)),
                 ('log(-1)', lambda: math.log(-1)), ('acos(2)', lambda: math.acos(2)),
                 ('exp(1000)', lambda: math.exp(1000)), ('pow(10, 400)', lambda: math.pow(10.0, 400)),
                 ('pow(0, -1)', lambda: math.pow(0, -1)), ('fmod(1, 0)', lambda: math.fmod(1, 0)),
                 ('floor(inf)', lambda: math.floor(math.inf)), ('ceil(nan)', lambda: math.ceil(math.nan)),
                 ('sqrt("x")', lambda: math.sqrt('x')), ('log(1, 1)', lambda: math.log(1, 1)),
                 ('ldexp(1, 10000)', lambda: math.ldexp(1.0, 10000))]:
    try:
        r = fn()
        print(name, '=', r)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, type(e).__name__, e)
print(math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf), math.isnan(math.sqrt(math.nan)))
print(math.log(10 ** 400) > 921, math.log2(2 ** 2000), math.sqrt(10 ** 300) == 1e150)
