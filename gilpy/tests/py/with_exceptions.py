# __exit__ receives the exception and can suppress it
class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print('exit: no exception')
            return False
        print('exit:', exc_type.__name__, exc, type(tb).__name__)
        return issubclass(exc_type, self.types)


with Suppress(ValueError):
    raise ValueError('suppressed')
print('continued after suppression')
try:
    with Suppress(ValueError):
        raise KeyError('not suppressed')
except KeyError as e:
    print('propagated', repr(e))
with Suppress():
    pass


class Raising:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError('from __exit__')


try:
    with Raising():
        raise ValueError('original')
except RuntimeError as e:
    print(type(e).__name__, e, '| context:', repr(e.__context__))


def in_function():
    with Suppress(ZeroDivisionError):
        return 1 / 0
    return 'fell through after suppression'


print(in_function())
