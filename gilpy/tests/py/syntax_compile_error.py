# SyntaxError raised by compile() on bad source, caught and inspected
sources = [
    'x = (1, 2',
    'def f(:\n    pass',
    'if True\n    pass',
    'x = 1 +',
    'return 5',
    'break',
    'for x in range(3):\npass',
    'a = 1\n  b = 2',
    'f(x for x in y, 1)',
    'x = [1, 2}',
    "'unterminated",
    'del f()',
    '1 = x',
    'def f(a, a): pass',
    'nonlocal q',
    'x = yield = 3',
]
for src in sources:
    try:
        compile(src, '<test>', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, '|', e.msg, '|', e.filename, e.lineno, e.offset)
    else:
        print('compiled?!', repr(src))
