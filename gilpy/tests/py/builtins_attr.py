# hasattr, getattr, setattr, delattr
class Obj:
    cls_attr = 'class'

    def __init__(self):
        self.a = 1


o = Obj()
print(hasattr(o, 'a'), hasattr(o, 'cls_attr'), hasattr(o, 'zz'), hasattr(5, 'real'))
print(getattr(o, 'a'), getattr(o, 'zz', 'default'), getattr(Obj, 'cls_attr'), getattr('s', 'upper')())
setattr(o, 'b', 2)
setattr(o, 'with space', 3)
print(o.b, getattr(o, 'with space'), sorted(vars(o)))
delattr(o, 'b')
print(hasattr(o, 'b'))
try:
    getattr(o, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr([], 'x', 1)
except AttributeError as e:
    print(type(e).__name__, e)


class Prop:
    @property
    def boom(self):
        raise ValueError('from property')


try:
    hasattr(Prop(), 'boom')
except ValueError as e:
    print('hasattr propagates non-AttributeError:', type(e).__name__, e)
