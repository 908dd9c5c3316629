# syntax errors inside f-strings are reported at compile time
bad = [
    "f'{}'",
    "f'{x'",
    "f'}'",
    "f'{x!z}'",
    "f'{a b}'",
]
for src in bad:
    try:
        compile(src, '<fstring>', 'eval')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
try:
    f'{undefined_in_fstring}'
except NameError as e:
    print(type(e).__name__, e)
