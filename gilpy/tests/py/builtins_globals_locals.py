# globals() is the module namespace; locals() at module level is the same dict
x = 1
print(globals() is locals())
print(globals()['x'], 'x' in globals())


def f(a):
    b = 2
    loc = locals()
    return sorted(loc), 'x' in loc, 'x' in globals()


print(f(0))


class C:
    y = 5
    names = sorted(k for k in locals() if not k.startswith('__'))


print(C.names)
