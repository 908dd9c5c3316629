# __iter__ / __next__
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)))
for i in Countdown(2):
    print('tick', i)
c = Countdown(2)
print(next(c), next(c), next(c, 'end'))


class Bag:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


b = Bag('x', 'y')
print(list(b), list(b), sorted(Bag(3, 1, 2)), 'y' in b, max(Bag(4, 9, 2)))
a, b2 = Bag(1, 2)
print(a, b2)


class NotIter:
    pass


try:
    iter(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
