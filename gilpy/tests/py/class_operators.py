# arithmetic operator dunders, reflected and in-place forms
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'V(%r, %r)' % (self.x, self.y)

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)

    def __mod__(self, k):
        return V(self.x % k, self.y % k)

    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __invert__(self):
        return V(self.y, self.x)

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

    def __and__(self, o):
        return 'and'

    def __or__(self, o):
        return 'or'

    def __xor__(self, o):
        return 'xor'

    def __lshift__(self, n):
        return 'lshift %d' % n

    def __rshift__(self, n):
        return 'rshift %d' % n

    def __radd__(self, o):
        return 'radd with %r' % (o,)


a = V(1, 2)
b = V(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2)
print(-a, +a, abs(V(3, 4)), ~a)
print(a & b, a | b, a ^ b, a << 2, a >> 3)
print(5 + a)
c = a
c += b
print(c, a, c is a)
try:
    a + 'str'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'str' - a
except TypeError as e:
    print(type(e).__name__, e)
