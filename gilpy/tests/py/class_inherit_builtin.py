# subclassing built-in types
class MyList(list):
    def total(self):
        return sum(self)


class MyDict(dict):
    def __missing__(self, key):
        return 'missing:' + str(key)


class MyInt(int):
    def __repr__(self):
        return 'MyInt(%d)' % int(self)


class MyStr(str):
    pass


class MyError(ValueError):
    pass


ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__, isinstance(ml, list))
md = MyDict(a=1)
print(md['a'], md['b'], md)
mi = MyInt(5)
print(mi, mi + 1, type(mi + 1).__name__, repr([mi]))
ms = MyStr('abc')
print(ms, ms.upper(), type(ms.upper()).__name__, isinstance(ms, str))
try:
    raise MyError('custom')
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, MyError))
