# super() forms: zero-argument, two-argument, in classmethods, attribute lookup
class Base:
    greeting = 'base-attr'

    def hello(self):
        return 'Base.hello'

    @classmethod
    def make(cls):
        return 'Base.make(%s)' % cls.__name__


class Child(Base):
    greeting = 'child-attr'

    def hello(self):
        return 'Child.hello -> ' + super().hello()

    def explicit(self):
        return super(Child, self).hello()

    def attr(self):
        return super().greeting

    @classmethod
    def make(cls):
        return 'Child.make -> ' + super().make()


c = Child()
print(c.hello())
print(c.explicit())
print(c.attr(), c.greeting)
print(Child.make())
print(super(Child, c).hello())


class Chain:
    def __init__(self):
        self.log = ['Chain']


class Mid(Chain):
    def __init__(self):
        super().__init__()
        self.log.append('Mid')


class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append('Leaf')


print(Leaf().log)
try:
    super(Child, 5)
except TypeError as e:
    print(type(e).__name__, e)
