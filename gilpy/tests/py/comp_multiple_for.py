# several for clauses and conditions, evaluation order
def src(name, items):
    print('iterating', name)
    return items


print([(a, b) for a in src('A', [1, 2]) for b in src('B', 'xy')])
print([a + b for a in 'ab' if a != 'b' for b in 'cd' if b != 'c'])
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
pythag = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
          if a * a + b * b == c * c]
print(pythag)
