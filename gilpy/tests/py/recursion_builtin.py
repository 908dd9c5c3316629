# recursion through built-in containers
deep = []
cur = deep
for _ in range(100):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(str(deep)[:20], len(str(deep)))
a = [1]
a.append(a)
print(a, len(a))


def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


try:
    repr(nest(100000))
except RecursionError as e:
    print(type(e).__name__, e)
