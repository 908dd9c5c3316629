# __call__ makes instances callable
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder))
print(list(map(add5, [0, 10])))
try:
    Adder(1)()
except TypeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


print(callable(Plain()))
try:
    Plain()()
except TypeError as e:
    print(type(e).__name__, e)
