# %-formatting
print('%s and %r' % ('str', 'str'))
print('%d %i %5d|%-5d|%05d %+d %+d' % (42, 42, 42, 42, 42, 42, -42))
print('%x %X %#x %o %#o %c %c' % (255, 255, 255, 8, 8, 65, 'z'))
print('%f %.2f %10.3f|%-10.1f|%e %.2E %g %G' % ((3.14159,) * 4 + (12345.678,) * 4))
print('%s %s %s' % (None, [1, 2], (3,)))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30})
print('%%d literal percent, %s' % 'ok')
print('%.3s|%10s|%-10s|' % ('abcdef', 'right', 'left'))
print('%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159))
print('%s' % 'single', '%s' % ('tuple-1',), '%s' % [1, 2])
print('%d' % 3.99, '%s' % 3.99, '%r' % 3.99, '%x' % 2 ** 70, '%d' % True)
print('%a' % 'é', '%5.1f%%' % 99.44)
errors = [
    lambda: '%d' % 'x',
    lambda: '%s %s' % ('one',),
    lambda: '%s' % ('a', 'b'),
    lambda: '%z' % 1,
    lambda: '%(k)s' % {'j': 1},
    lambda: '%(k)s' % 5,
    lambda: '%c' % 'ab',
    lambda: '%x' % 1.5,
]
for fn in errors:
    try:
        fn()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
