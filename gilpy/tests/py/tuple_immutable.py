# tuples are immutable, but may hold mutable objects
t = (1, [2])
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(3)
except AttributeError as e:
    print(type(e).__name__, e)
t[1].append(3)
print(t)
try:
    t[1] += [4]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
