# nonlocal rebinding in enclosing function scopes
def outer():
    x = 1
    y = 'untouched'

    def middle():
        x = 2

        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return x, r
    res = middle()
    return x, res, y


print(outer())


def accumulate():
    total = 0
    items = []

    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total
    add(5)
    add(7)
    return total, items


print(accumulate())
try:
    exec('def f():\n    nonlocal zz\n')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
