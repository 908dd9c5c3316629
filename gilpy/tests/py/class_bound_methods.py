# bound methods: __self__, __func__, equality, stored and called later
class K:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def __repr__(self):
        return 'K(%r)' % self.v


k = K(7)
m = k.get
print(m(), m.__self__ is k, m.__func__ is K.get, m.__name__)
print(m)
print(k.get == k.get, k.get is k.get, K(1).get == K(1).get)
f = K.get
print(f(K('unbound')), type(f).__name__, type(m).__name__)
methods = [K(i).get for i in range(3)]
print([g() for g in methods])
k.get = lambda: 'instance attribute wins'
print(k.get())
print(K.__dict__['get'](k))
