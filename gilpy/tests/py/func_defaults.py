# default argument values, evaluated once at definition time
def greet(name, greeting='Hello', punct='!'):
    return '%s, %s%s' % (greeting, name, punct)


print(greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(punct='.', name='Di'))


def append_to(x, target=[]):
    target.append(x)
    return target


print(append_to(1), append_to(2), append_to(3, []))
counter = 10


def snapshot(v=counter):
    return v


counter = 20
print(snapshot())


def safe_append(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target


print(safe_append(1), safe_append(2))
print(greet.__defaults__, snapshot.__defaults__)
