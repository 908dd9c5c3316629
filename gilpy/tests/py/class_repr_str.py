# __repr__ and __str__, and how print/str/repr/format/containers use them
class Both:
    def __repr__(self):
        return 'Both()'

    def __str__(self):
        return 'a Both'


class ReprOnly:
    def __repr__(self):
        return 'ReprOnly<>'


class StrOnly:
    def __str__(self):
        return 'just str'


b = Both()
print(b, str(b), repr(b), [b], (b,), {'k': b}, '%s %r' % (b, b), f'{b} {b!r}')
r = ReprOnly()
print(r, str(r), [r])
s = StrOnly()
print(s, str(s), repr(s).startswith('<__main__.StrOnly object at 0x'))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
