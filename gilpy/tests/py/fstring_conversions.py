# !r !s !a conversions with objects that define __repr__ and __str__
class T:
    def __repr__(self):
        return 'T(repr)'

    def __str__(self):
        return 'T(str)'

    def __format__(self, spec):
        return 'T(format %r)' % spec


t = T()
print(f'{t}', f'{t!s}', f'{t!r}', f'{t!a}', f'{t:xyz}', f'{t!r:>10}|')
print(f'{"ünïcode"!a}', f'{"tab	"!r}')
print(format(t, 'spec'), format(t))
