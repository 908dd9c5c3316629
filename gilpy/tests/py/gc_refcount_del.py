# without cycles, __del__ runs as soon as the last reference goes away
class Res:
    def __init__(self, name):
        self.name = name
        print('open', name)

    def __del__(self):
        print('close', self.name)


r = Res('first')
del r
print('after del')
r = Res('second')
r = Res('third')
print('after rebinding')


def scope():
    local = Res('local')
    print('leaving function')


scope()
print('after function')
lst = [Res('in list')]
lst.clear()
print('after clear')
d = {'k': Res('in dict')}
d['k'] = None
print('end of script')
