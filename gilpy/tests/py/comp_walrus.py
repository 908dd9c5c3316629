# assignment expressions inside comprehensions
data = [3, 8, 1, 12, 7]
print([y for x in data if (y := x * 2) > 10])
print(y)
running = 0
print([running := running + x for x in data])
print(running)


def f():
    vals = [last := n for n in range(5)]
    return vals, last


print(f())
print({(r := k): r * 2 for k in range(3)}, r)
try:
    exec('[i := 0 for i in range(3)]')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
