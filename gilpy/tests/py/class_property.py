# property with getter, setter and deleter
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        """Temperature in degrees Celsius."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('below absolute zero')
        self._c = v

    @celsius.deleter
    def celsius(self):
        print('deleting')
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    def _get_k(self):
        return self._c + 273.15

    kelvin = property(_get_k)


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, t.kelvin)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(type(Temp.celsius).__name__, Temp.celsius.__doc__)
print(isinstance(Temp.__dict__['kelvin'], property))
