# container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__
class Table:
    def __init__(self):
        self.data = {}

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        print('getitem', repr(key))
        if isinstance(key, slice):
            return 'slice from %r to %r' % (key.start, key.stop)
        return self.data[key]

    def __setitem__(self, key, value):
        print('setitem', repr(key), value)
        self.data[key] = value

    def __delitem__(self, key):
        print('delitem', repr(key))
        del self.data[key]

    def __contains__(self, key):
        return key in self.data


t = Table()
t['a'] = 1
t[1, 2] = 'tuple'
print(len(t), t['a'], t[1, 2], 'a' in t, 'zz' in t, 'zz' not in t)
print(t[1:3])
del t['a']
print(len(t), bool(t))
try:
    t['nope']
except KeyError as e:
    print(type(e).__name__, e)


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


print(list(Seq()), 20 in Seq(), 25 in Seq())
for x in Seq():
    print('item', x)
try:
    len(Seq())
except TypeError as e:
    print(type(e).__name__, e)
