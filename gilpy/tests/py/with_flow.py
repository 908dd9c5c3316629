# return, break and continue inside with blocks still call __exit__
class Log:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        print('enter', self.tag)

    def __exit__(self, *a):
        print('exit', self.tag)


def f():
    with Log('return'):
        return 'returned'


print(f())
for i in range(3):
    with Log('loop %d' % i):
        if i == 0:
            continue
        if i == 1:
            break
print('done')


def gen():
    with Log('generator'):
        yield 1
        yield 2


for v in gen():
    print('got', v)
