# sum, abs, any, all
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([]), sum(range(1000)))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]), sum([1, 2.5]))
print(sum([10 ** 20, 10 ** 20]), sum(x * x for x in range(4)), sum([], start=5))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, 'a'])
except TypeError as e:
    print(type(e).__name__, e)
print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(-(10 ** 30)), abs(True))
print(any([]), any([0, '', None]), any([0, 1]), any('a'), all([]), all([1, 'x']), all([1, 0]))
try:
    abs('x')
except TypeError as e:
    print(type(e).__name__, e)
