# append, extend, insert, pop, remove, clear
a = []
a.append(1)
a.append([2])
a.extend([3, 4])
a.extend('ab')
a.extend(range(2))
print(a)
a.insert(0, 'first')
a.insert(100, 'last')
a.insert(-1, 'before last')
a.insert(-100, 'very first')
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove('a')
print(a)
a.clear()
print(a, len(a))
try:
    a.pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print(type(e).__name__, e)
print([1, 2, 3].append(4))
