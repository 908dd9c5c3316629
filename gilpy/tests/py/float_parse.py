# float() from strings and numbers
for s in ['1', '1.5', '-1.5e3', '  3.25  ', '1_000.5', '.5', '5.', '1E5',
          '16', 'inf', '-Infinity', 'nan', '1e-400', '1e400',
          '0.1', '123456789012345678901234567890', '\t-0\n', '٣.٥']:
    print(repr(s), float(s))
print(float(3), float(-2 ** 60), float(True), float())
for bad in ['', 'abc', '1.2.3', '1e', '--1', '1_', 'in f', '0x10', '1,5']:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(None)
except TypeError as e:
    print(type(e).__name__, e)
