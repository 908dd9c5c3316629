# aliasing vs copying
a = [1, [2, 3]]
b = a
c = a.copy()
d = a[:]
e = list(a)
a.append(4)
a[1].append('shared')
print(a)
print(b)
print(c)
print(d)
print(e)
print(c is a, c[1] is a[1])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
