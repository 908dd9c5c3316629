# random floats: arithmetic, repr, round, format, math, compared with CPython
seed = 987654321
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
import math
def rfloat():
    k = rnd() % 5
    if k == 0: return (rnd() % 2000 - 1000) / 8
    if k == 1: return float.fromhex('0x1.%013xp%d' % (rnd() % 16**13, rnd() % 200 - 100)) * (-1 if rnd() & 1 else 1)
    if k == 2: return (rnd() % 10**6) / 10**(rnd() % 8) * (-1 if rnd() & 1 else 1)
    if k == 3: return float.fromhex('0x1.%013xp%d' % (rnd() % 16**13, rnd() % 2000 - 1000))
    return float(rnd() % 100 - 50)
def safe(f, *a):
    try: return f(*a)
    except Exception as e: return type(e).__name__ + ':' + str(e)
for _ in range(50):
    x, y = rfloat(), rfloat()
    n = rnd() % 30 - 10
    r = [x, repr(x), str(x), x + y, x - y, x * y, safe(lambda: x / y), safe(lambda: x // y), safe(lambda: x % y), safe(divmod, x, y),
         safe(pow, abs(x), y), safe(pow, x, int(y) % 5), hash(x), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x,
         safe(round, x), round(x, n), safe(int, x), x == int(x), x < int(x), format(x, 'e'), format(x, '.3g'), format(x, '.%df' % (abs(n) % 12)),
         format(x, ','), format(x, '%'), format(x, '+.10'), format(x, 'g'), format(x, '.0e'), format(x, '#.0f'), format(x, '020.7f'),
         '%s %r %.3f %10.4e %g' % (x, x, x, x, x), f'{x!r:>30}', float(repr(x)) == x, float(str(x)) == x,
         safe(math.sqrt, x), safe(math.log, x), safe(math.exp, x / 100), math.floor(x), math.ceil(x), math.trunc(x),
         safe(math.fmod, x, y), math.modf(x), math.frexp(x), math.copysign(1, x), safe(math.atan2, x, y), safe(math.hypot, x, y),
         math.isclose(x, y), safe(math.sin, x), safe(math.tan, x), safe(math.pow, x, 2), safe(math.ldexp, x, n),
         safe(math.remainder, x, y), safe(math.log1p, x), safe(math.log2, abs(x)), safe(math.log10, abs(x)), safe(math.gamma, x / 7), safe(math.lgamma, x / 7)]
    print(r)
print(math.fsum([rfloat() for _ in range(1000)]))
