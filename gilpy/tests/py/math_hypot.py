# hypot/dist to the last bit (CPython 3.11 vector_norm), fsum, prod
import math
seed = 5
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
def rf():
    return float.fromhex('0x1.%013xp%d' % (rnd() % 16**13, rnd() % 60 - 30)) * (-1 if rnd() & 1 else 1)
for _ in range(100):
    k = rnd() % 5 + 1
    a = [rf() for _ in range(k)]
    b = [rf() for _ in range(k)]
    print(math.hypot(*a), math.dist(a, b), math.fsum(a + b), math.prod(a), sum(a), math.sumprod(a, b) if hasattr(math, 'sumprod') else 0)
print(math.hypot(1e-310, 1e-310), math.hypot(5e-324, 5e-324, 5e-324), math.hypot(1e308, 1e308, 1e308))
