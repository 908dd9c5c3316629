# class definition, instances, __init__, attributes, methods
class Dog:
    kind = 'canine'

    def __init__(self, name):
        self.name = name
        self.tricks = []

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

    def describe(self):
        return '%s knows %s' % (self.name, ', '.join(self.tricks) or 'nothing')


d = Dog('Fido')
e = Dog('Buddy')
d.add_trick('roll').add_trick('sit')
print(d.describe())
print(e.describe())
print(d.kind, e.kind, Dog.kind)
print(type(d).__name__, type(d) is Dog, isinstance(d, Dog), Dog.__name__)
print(Dog, type(Dog))
print(Dog.describe(d))
print(sorted(vars(d)))
