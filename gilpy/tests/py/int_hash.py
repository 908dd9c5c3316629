# hashes of ints are defined by the language: equal numbers hash equal
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
print(hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2 ** 70) == hash(float(2 ** 70)))
print(hash(0.5), hash(-0.5), hash(1.5), hash(0.0), hash(-0.0))
print(hash(float('inf')), hash(float('-inf')))
d = {1: 'int one'}
d[1.0] = 'float one'
d[True] = 'bool one'
print(d)
