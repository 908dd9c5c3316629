# random ints of every size: operators, pow, shifts, true division, hash, format
# deterministic pseudo-random differential test
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
def rint():
    k = rnd() % 6
    bits = [3, 20, 62, 64, 100, 300][k]
    v = rnd() % 2**bits if bits <= 64 else int(''.join(str(rnd() % 10) for _ in range(bits // 3)) or '0')
    return -v if rnd() & 1 else v
out=[]
for _ in range(50):
    a, b = rint(), rint()
    r = [a + b, a - b, a * b, a & b, a | b, a ^ b, ~a, -a, abs(a), a == b, a < b, hash(a)]
    if b:
        r += [a // b, a % b, divmod(a, b)]
        try: r.append(a / b)
        except OverflowError as e: r.append(str(e))
    r.append(a >> (b % 100 if b > 0 else 3))
    r.append(a << (abs(b) % 70))
    if b: r.append(pow(a, abs(b) % 50 + 1, b))
    try: r.append(pow(a, -1, b) if b else 0)
    except ValueError as e: r.append(str(e))
    r.append(a ** (abs(b) % 7))
    try: f = float(a)
    except OverflowError as e: f = 1.5
    r += [a == f, a < f + 0.5, hash(f), f]
    try: r.append(a / 3.5)
    except OverflowError as e: r.append(str(e))
    r += [round(a, -(abs(b) % 20)), a.bit_length(), a.bit_count(), format(a, 'x'), format(a, ',')]
    if a: r.append(b / a if abs(b) < 2**1000 else 0)
    print(repr(r))
