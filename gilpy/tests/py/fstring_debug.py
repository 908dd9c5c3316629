# the = specifier (self-documenting expressions)
x = 10
name = 'gil'
print(f'{x=}')
print(f'{x = }')
print(f'{x*2=}')
print(f'{name=}', f'{name=!s}', f'{x=:5d}|')
print(f'{len(name)=}')
