# recursion through methods, __repr__ and mutual recursion
class Node:
    def __init__(self, children=()):
        self.children = list(children)

    def size(self):
        return 1 + sum(c.size() for c in self.children)

    def __repr__(self):
        return 'N(%s)' % ', '.join(repr(c) for c in self.children)


t = Node([Node([Node(), Node()]), Node()])
print(t.size(), t)


class Loop:
    def __repr__(self):
        return repr(self)


try:
    repr(Loop())
except RecursionError as e:
    print(type(e).__name__, e)


def ping(n):
    return pong(n) if n else 'done'


def pong(n):
    return ping(n - 1)


print(ping(300))
