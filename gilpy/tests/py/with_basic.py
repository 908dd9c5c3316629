# with statement: __enter__ / __exit__ order and the as-target
class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('enter', self.name)
        return 'value of ' + self.name

    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type, exc, tb)
        return False


with CM('a') as v:
    print('body with', v)
with CM('no-target'):
    print('body without target')
print('after')
