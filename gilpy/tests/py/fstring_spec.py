# f-string format specs
n = 1234567
x = 3.14159265
s = 'text'
print(f'[{n:10}] [{n:<10}] [{n:^10}] [{n:>10}] [{n:*^12}]')
print(f'[{n:,}] [{n:_}] [{n:+}] [{-n: }] [{n: }] [{n:010}] [{-n:010}]')
print(f'[{255:x}] [{255:X}] [{255:#x}] [{255:o}] [{255:#o}] [{5:b}] [{5:#010b}] [{65:c}]')
print(f'[{x:.2f}] [{x:10.3f}] [{x:<10.1f}] [{x:e}] [{x:.3E}] [{x:g}] [{x:%}] [{0.5:.0%}]')
print(f'[{s:10}] [{s:>10}] [{s:^10}] [{s:.2}] [{s:-^9.3}]')
print(f'[{n:_x}] [{1e10:,.0f}] [{-x:+.2f}] [{x:=+10.2f}]')
width, prec = 12, 4
print(f'[{x:{width}.{prec}f}] [{s:>{width}}] [{n:{"^"}{width}}]')
print(f'[{True:d}] [{True}] [{False:>6}]')
try:
    f'{s:d}'
except ValueError as e:
    print(type(e).__name__, e)
try:
    f'{n:.2s}'
except ValueError as e:
    print(type(e).__name__, e)
