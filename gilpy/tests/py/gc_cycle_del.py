# a reference cycle whose objects define __del__ is collected by gc.collect()
import gc

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append(self.name)


gc.collect()
gc.disable()
a = Node('a')
b = Node('b')
a.other = b
b.other = a
del a, b
print('before collect:', log)
found = gc.collect()
print('collected something:', found >= 2)
print('after collect:', sorted(log))
gc.enable()
