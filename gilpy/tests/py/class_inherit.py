# single inheritance, overriding, super()
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return '...'

    def intro(self):
        return '%s says %s' % (self.name, self.speak())


class Cat(Animal):
    def speak(self):
        return 'meow'


class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride

    def speak(self):
        return super().speak().upper() + '!'


for a in (Animal('generic'), Cat('Tom'), Lion('Leo', 'east')):
    print(a.intro())
print(Lion('x', 'y').pride)
print(issubclass(Lion, Animal), issubclass(Animal, Lion), isinstance(Lion('a', 'b'), Cat))
print([c.__name__ for c in Lion.__mro__])
print(Lion.__bases__, Animal.__bases__)
