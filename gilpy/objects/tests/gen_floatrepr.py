"""Regenerate floatrepr.txt with CPython 3.11: one line per double,
'<16 hex digits of its bits> <repr>'.  The mix: random bit patterns,
decimal fractions, integers, powers of two and their neighbours,
subnormals and the extremes."""
import random
import struct
import sys

rng = random.Random(20261122)
vals = [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 5e-324,
        2.2250738585072014e-308, 1.7976931348623157e+308, 1e16, 1e15,
        9999999999999998.0, 0.0001, 0.00001, 1e-4, 1.5e-5, 123.0, 0.1,
        0.2, 0.3, 1/3, 2/3, 1e22, 1e23, 9007199254740993.0]
for _ in range(1500):
    bits = rng.getrandbits(64)
    vals.append(struct.unpack('<d', struct.pack('<Q', bits))[0])
for _ in range(800):
    vals.append(rng.randint(-10**6, 10**6) / 10 ** rng.randint(0, 8))
for _ in range(400):
    vals.append(float(rng.randint(-2**60, 2**60)))
for e in range(-1074, 1024, 7):
    x = 2.0 ** e
    vals += [x, x * (1 + 2**-52), x * (1 - 2**-53)]
for _ in range(300):
    vals.append(rng.uniform(-1e-300, 1e-300) * 1e-10)
for _ in range(300):
    vals.append(rng.uniform(0, 1) * 10 ** rng.randint(-30, 30))
out = sys.stdout
for v in vals:
    bits = struct.unpack('<Q', struct.pack('<d', v))[0]
    out.write('%016x %r\n' % (bits, v))
