# __eq__ and __hash__: value objects in sets and dicts
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return 'P(%d,%d)' % (self.x, self.y)


s = {Point(1, 2), Point(1, 2), Point(3, 4)}
print(len(s), Point(1, 2) in s)
d = {Point(0, 0): 'origin'}
print(d[Point(0, 0)])


class EqOnly:
    def __eq__(self, o):
        return True


print(EqOnly.__hash__ is None)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)


class Default:
    pass


x = Default()
print(hash(x) == hash(x), x == x, x != Default())


class Weird:
    def __hash__(self):
        return 1

    def __eq__(self, o):
        return False


w = Weird()
print(w in {w}, w in [w])
