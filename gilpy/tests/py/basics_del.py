# del of names, items, slices and attributes
x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(8))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print(type(e).__name__, e)


class O:
    pass


o = O()
o.attr = 5
del o.attr
print(hasattr(o, 'attr'))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())


def f():
    y = 1
    del y
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)


f()
