# attribute, subscript and slice assignment targets
class Box:
    pass


b = Box()
b.value = 10
b.value += 5
print(b.value)
b.other = b.value * 2
print(b.other)
lst = [0, 1, 2, 3, 4, 5]
lst[0] = 'zero'
lst[-1] = 'five'
print(lst)
lst[1:3] = ['a', 'b', 'c']
print(lst)
lst[::2] = [None] * 4
print(lst)
d = {}
d['k'] = 1
d['k'] += 1
d[1, 2] = 'tuple key'
print(d)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 9
print(grid)
b.items = [1, 2]
b.items[0] = 'x'
print(b.items)
x = [1, 2]
x[0], x[1] = x[1], x[0]
print(x)
