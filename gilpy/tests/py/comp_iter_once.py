# the outermost iterable is evaluated once, immediately; inner ones each time
def outer_src():
    print('outer evaluated')
    return range(2)


def inner_src(i):
    print('inner evaluated for', i)
    return range(i + 1)


g = (x * 10 + y for x in outer_src() for y in inner_src(x))
print('generator created')
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
