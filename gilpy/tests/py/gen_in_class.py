# __iter__ written as a generator; generators as methods
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t))
for d, v in t.depth_first():
    print('  ' * d + str(v))
print(sum(t), 3 in t, 9 in t)
