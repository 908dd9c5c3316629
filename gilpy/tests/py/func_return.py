# return: none, value, tuple, early return
def nothing():
    pass


def bare():
    return


def value():
    return 42


def pair():
    return 1, 2


def early(x):
    if x < 0:
        return 'negative'
    for i in range(10):
        if i == x:
            return 'found %d' % i
    return 'not found'


print(nothing(), bare(), value(), pair(), type(pair()).__name__)
print(early(-1), early(3), early(50))
