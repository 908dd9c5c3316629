# add, discard, remove, pop, update, clear, copy
s = set()
s.add(5)
s.add(3)
s.add(5)
print(sorted(s))
s.discard(3)
s.discard(99)
print(sorted(s))
s.update([1, 2], (8,), 'a')
print(sorted(s, key=str))
t = s.copy()
t.add('copy only')
print(len(s), len(t))
s.remove(1)
print(sorted(s, key=str))
p = {42}.pop()
print(p)
s.clear()
print(s)
try:
    s.remove(1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.add([])
except TypeError as e:
    print(type(e).__name__, e)
