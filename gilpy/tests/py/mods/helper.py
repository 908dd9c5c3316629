"""helper: a plain module imported by the import_* tests."""
VALUE = 42
_private = 'hidden'


def greet(name):
    return 'hello, ' + name


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def where():
    return __name__
