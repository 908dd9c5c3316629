# builtins applied to lists
a = [3, 1, 2]
print(len(a), sum(a), min(a), max(a), sorted(a), a, any(a), all(a))
print(list(enumerate(a)), list(zip(a, 'abc')), list(map(str, a)))
print(list(filter(None, [0, 1, '', 'x', None, []])))
print(all([]), any([]), sum([]), sum([[1], [2]], []))
print(list(iter(a)), [x for x in reversed(a)])
print(a.__len__(), a.__getitem__(0), a.__contains__(2))
