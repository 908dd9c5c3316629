# types of callables
class C:
    def m(self):
        pass

    @staticmethod
    def s():
        pass

    @classmethod
    def c(cls):
        pass


def f():
    pass


print(type(f).__name__, type(lambda: 0).__name__, type(len).__name__)
print(type(C().m).__name__, type(C.m).__name__, type(C.s).__name__, type(C.c).__name__)
print(type([].append).__name__, type('x'.upper).__name__, type(C).__name__)
print(len, abs, print)
print(callable(f), callable(len), callable(C), callable(C()), callable(None), callable('x'.upper))
