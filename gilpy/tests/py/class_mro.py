# multiple inheritance and the C3 method resolution order
class A:
    def who(self):
        return 'A'


class B(A):
    def who(self):
        return 'B>' + super().who()


class C(A):
    def who(self):
        return 'C>' + super().who()


class D(B, C):
    def who(self):
        return 'D>' + super().who()


print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])


class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass


print([k.__name__ for k in Aa.__mro__])
try:
    class X(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Y(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
