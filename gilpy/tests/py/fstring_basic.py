# f-strings: expressions, nesting quotes, braces
name = 'World'
n = 42
items = ['a', 'b']
d = {'key': 'value'}
print(f'Hello, {name}!')
print(f'{n + 1} {n * 2} {n // 5} {-n}')
print(f"{items[0]} {items[-1]} {len(items)} {d['key']}")
print(f'{{literal braces}} {{{n}}}')
print(F'upper-case prefix {name.upper()}', rf'raw \n {n}', fR'\t{n}')
print(f'{"nested quotes"}', f"{'single inside double'}")
print(f'{n if n > 40 else 0} {[x * 2 for x in range(3)]} {(lambda: "lam")()}')
print(f'{name!r} {name!s} {"é"!a} {items!r}')
print(f'''triple {name}
second line {n}''')
print(f'{n}' f'{n}' 'plain' f'{name}')
print(f'{3.0}', f'{None}', f'{True}', f'{(1, 2)}', f'{ {"a": 1} }')
