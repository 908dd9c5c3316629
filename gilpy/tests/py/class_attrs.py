# class attributes versus instance attributes
class Counter:
    count = 0
    shared = []

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
        self.shared.append(self.id)


a = Counter()
b = Counter()
print(Counter.count, a.count, b.id, a.shared, b.shared is Counter.shared)
a.count = 'instance'
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
Counter.new_attr = 'added later'
print(a.new_attr)
print('count' in vars(Counter), 'id' in vars(a), sorted(vars(a)))
try:
    a.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Counter.nothing
except AttributeError as e:
    print(type(e).__name__, e)
