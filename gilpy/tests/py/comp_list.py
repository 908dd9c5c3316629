# list comprehensions
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in 'abc'], [len(w) for w in 'the quick fox'.split()])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x if x > 0 else 0 for x in [-2, 5, -1, 3]])
print([y for x in [[1, 2], [3]] for y in x])
print([] == [x for x in []], [None for _ in range(2)])
