# staticmethod and classmethod
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @staticmethod
    def area_of_square(side):
        return side * side

    @classmethod
    def square(cls, side):
        obj = cls('square %d' % side)
        obj.side = side
        return obj

    @classmethod
    def how_many(cls):
        return '%s: %d' % (cls.__name__, cls.count)


class Special(Shape):
    pass


print(Shape.area_of_square(3), Shape('x').area_of_square(4))
sq = Special.square(5)
print(type(sq).__name__, sq.name, sq.side)
print(Shape.how_many(), Special.how_many(), sq.how_many())
print(type(Shape.__dict__['area_of_square']).__name__, type(Shape.__dict__['square']).__name__)


def plain(x):
    return x + 1


sm = staticmethod(plain)
print(sm.__func__(1), sm(1), callable(sm))
