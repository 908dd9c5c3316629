# repr of huge ints
f = 1
for i in range(2, 301):
    f *= i
s = str(f)
print(len(s))
print(s)
print(repr(-f)[:20], repr(-f)[-20:])
big = 10 ** 1000 - 1
print(len(str(big)), str(big).count('9'))
print(str(7 ** 1500)[:50])
print(int(s) == f, int('-' + s) == -f)
print(hex(f)[:40])
print(bin(2 ** 300 + 1)[:10], len(bin(2 ** 300)))
