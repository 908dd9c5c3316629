# several context managers in one with: entered in order, exited in reverse
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter

    def __enter__(self):
        print('enter', self.name)
        if self.fail_enter:
            raise RuntimeError('cannot enter ' + self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)


with CM('a') as a, CM('b') as b, CM('c'):
    print('body', a, b)
try:
    with CM('x'), CM('y', fail_enter=True), CM('z'):
        print('not reached')
except RuntimeError as e:
    print(type(e).__name__, e)
with (CM('p') as p,
      CM('q') as q):
    print('parenthesised', p, q)
