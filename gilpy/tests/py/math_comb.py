# isqrt, gcd, lcm, comb, perm, factorial on ints of every size
import math
def t(src):
    try:
        r = eval(src, globals())
        print(src, '->', repr(r) if len(repr(r)) < 200 else repr(r)[:50] + '...%d' % len(repr(r)))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
for e in r'''
[math.isqrt(i) for i in range(50)]
[math.isqrt(2**63 - 1), math.isqrt(2**62), math.isqrt(2**62 - 1), math.isqrt(2**64), math.isqrt(2**64 - 1)]
[math.isqrt(x*x - 1) for x in (2**31, 2**31 + 1, 3037000499, 3037000500, 2**32 - 1)]
[math.isqrt(x*x) for x in (2**31, 3037000499, 3037000500, 2**32 - 1, 2**32)]
math.isqrt(True)
math.isqrt(2.0)
math.isqrt('x')
math.gcd(-2**63, 2**63)
math.gcd(-2**63, 0)
math.gcd(0, -5)
math.gcd(True, 4)
math.gcd(1.0, 2)
math.gcd(2**100, -2**90 * 7, 2**95 * 14)
math.lcm(2**64, 3**40, -7)
math.lcm(1.5)
math.comb(10, 3)
math.comb(10, 0)
math.comb(10, 10)
math.comb(0, 0)
math.comb(10**20, 3)
math.comb(10**30, 10**30 - 2)
math.comb(2**70, 2**69)
math.comb(10, -1)
math.comb(-10, 1)
math.comb(10.0, 1)
math.comb(10, 1.0)
math.comb(10)
math.perm(10)
math.perm(10, 0)
math.perm(0)
math.perm(10, None)
math.perm(10**20, 3)
math.perm(10, 11)
math.perm(2**70, 2**65)
math.perm(10, -1)
math.perm(-1)
math.factorial(0)
math.factorial(20)
math.factorial(21)
math.factorial(True)
math.factorial(100)
math.factorial(2**70)
math.factorial(-2**70)
'''.strip().split('\n'):
    t(e)
