# format() builtin and __format__
print(format(42), format(42, 'd'), format(42, '>6'), format(42, 'x'), format(-42, '+08d'))
print(format('abc', ''), format('abc', '^7'), format(1.5, ''), format(True), format(None))
print(format(10 ** 20, ','), format(-1234.5, ',.1f'), format(0, '#x'), format(0.0, 'e'))


class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        if spec == 'usd':
            return '$%.2f' % self.v
        return format(self.v, spec)


m = Money(3.5)
print(format(m, 'usd'), format(m, '.1f'), f'{m:usd}', '{:usd}'.format(m))


class NoFormat:
    def __str__(self):
        return 'nf'


print(format(NoFormat()), f'{NoFormat()}', '{}'.format(NoFormat()))
try:
    format(NoFormat(), 'x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1.5, 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('s', 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1, ',x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1, '=s')
except ValueError as e:
    print(type(e).__name__, e)
