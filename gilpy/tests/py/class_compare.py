# rich comparison dunders and NotImplemented fallback
class Ver:
    def __init__(self, *parts):
        self.parts = parts

    def __repr__(self):
        return 'Ver' + repr(self.parts)

    def __eq__(self, o):
        if not isinstance(o, Ver):
            return NotImplemented
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __le__(self, o):
        return self.parts <= o.parts


a, b = Ver(1, 2), Ver(1, 10)
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == Ver(1, 2), a == 'x', a != 'x')
print(sorted([Ver(2), Ver(1, 5), Ver(1)]))
print(max([Ver(1), Ver(3), Ver(2)]))


class Only:
    pass


o1, o2 = Only(), Only()
print(o1 == o1, o1 == o2, o1 != o2)
try:
    o1 < o2
except TypeError as e:
    print(type(e).__name__, e)


class Always:
    def __eq__(self, other):
        print('Always.__eq__ called')
        return True


print(1 == Always(), Always() == 1)
