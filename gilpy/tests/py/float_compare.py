# float comparisons, including with ints and mixed sorting
print(0.1 < 0.2, 0.3 == 0.1 * 3, -0.0 == 0.0, 1.0 == 1)
print(2.0 ** 53 == 2 ** 53, 2.0 ** 53 == 2 ** 53 + 1, 2.0 ** 53 < 2 ** 53 + 1)
print(1e308 < 10 ** 309, float('inf') > 10 ** 1000, float('-inf') < -(10 ** 1000))
print(sorted([3.5, 1, -2.25, 2, 0.0, -0.0]))
print(max(1, 1.0), max(1.0, 1), min(0.0, -0.0), min(-0.0, 0.0))
print(1.5 in [1, 1.5], 2 in [2.0], 2.0 in {2})
print(hash(2.0) == hash(2), {2.0: 'a'}[2])
