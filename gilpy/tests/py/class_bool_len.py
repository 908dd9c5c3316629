# truth value from __bool__ or __len__
class Empty:
    def __len__(self):
        return 0


class Full:
    def __len__(self):
        return 3


class Flag:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print('__bool__ called')
        return self.v


class Both:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


class Neither:
    pass


print(bool(Empty()), bool(Full()), len(Full()), bool(Neither()), bool(Both()))
if Flag(False):
    print('not printed')
else:
    print('Flag(False) is false')
print(not Flag(True))


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
