# nested function definitions and scopes three levels deep
def a():
    x = 'a'

    def b():
        y = 'b'

        def c():
            return x + y + 'c'
        return c()
    return b()


print(a())


def outer(n):
    def helper(k):
        return k * n
    return [helper(i) for i in range(3)]


print(outer(5))


def make():
    def inner():
        return 'inner'
    inner.tag = 'tagged'
    return inner


f = make()
print(f(), f.tag, f.__qualname__)
