# repr of nested and self-referencing lists
a = [1, 2]
a.append(a)
print(a)
b = [a, [a]]
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
print([[], [[]], [[], [[]]]])
print(['quote\'s', "d\"q", 1.5, None, True])
