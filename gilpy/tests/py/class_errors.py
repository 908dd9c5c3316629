# common errors involving classes
class P:
    def __init__(self, a, b=2):
        self.a = a

    def m(self, x):
        return x


try:
    P()
except TypeError as e:
    print(type(e).__name__, e)
try:
    P(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    P(1).m()
except TypeError as e:
    print(type(e).__name__, e)
try:
    P.m(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    P(1).missing()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).real = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.x = 1
except TypeError as e:
    print(type(e).__name__, e)


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
