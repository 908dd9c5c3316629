# str.format
print('{} {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'))
print('{name} is {age}'.format(name='Bo', age=7), '{0[1]} {1[k]}'.format([9, 8], {'k': 'v'}))


class P:
    x = 3
    y = 4


print('{p.x},{p.y}'.format(p=P()), '{0.__name__}'.format(int))
print('{:>8}|{:<8}|{:^8}|{:*^9}'.format('r', 'l', 'c', 'st'))
print('{:08.3f} {:+d} {:,} {:x} {:#b}'.format(3.14159, 5, 10 ** 7, 255, 5))
print('{0:{1}}|{0:>{1}}|'.format('ab', 6), '{:{w}.{p}f}'.format(2.71828, w=10, p=2))
print('{!r} {!s} {!a}'.format('q', 'q', 'é'))
print('{{}} {{{}}}'.format('in braces'))
print('{:%}'.format(0.125), '{:.1e}'.format(12345), '{:g}'.format(0.0000123))
print('{0}{0}{0}'.format('ab'), '{}'.format(None), '{}'.format([1, 'a']))
errors = [
    lambda: '{}'.format(),
    lambda: '{0} {}'.format(1, 2),
    lambda: '{} {1}'.format(1, 2),
    lambda: '{x}'.format(y=1),
    lambda: '{'.format(),
    lambda: '}'.format(),
    lambda: '{:d}'.format('s'),
    lambda: '{0[5]}'.format([1]),
    lambda: '{!z}'.format(1),
    lambda: '{0.nope}'.format(1),
]
for fn in errors:
    try:
        fn()
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
