# Method calls and attribute access on instances of user classes.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm2(self):
        return self.dot(self)

class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self

def run(n):
    acc = Vec(0, 0)
    step = Vec(1, 2)
    c = Counter()
    total = 0
    for i in range(n):
        acc = acc.add(step)
        total += acc.norm2 % 7
        c.bump(1).bump(2)
    return acc.x, acc.y, total, c.n

print(run(1000000))
