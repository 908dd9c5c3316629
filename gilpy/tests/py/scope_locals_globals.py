# locals() and globals() contents
g_value = 1


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))
print([k for k in sorted(globals()) if not k.startswith('__')])
print(globals()['g_value'], '__name__' in globals(), globals()['__name__'])
globals()['injected'] = 'via globals()'
print(injected)


def g():
    x = 1
    d = locals()
    return 'x' in d, 'y' in d
    y = 2


print(g())
