# conditional expressions
for n in range(-1, 2):
    print(n, 'pos' if n > 0 else 'zero' if n == 0 else 'neg')
x = [] if False else [1]
print(x)


def side(name, val):
    print('side', name)
    return val


print(side('a', 1) if side('cond', True) else side('b', 2))
print(side('a', 1) if side('cond', False) else side('b', 2))
print((lambda q: 'even' if q % 2 == 0 else 'odd')(7))
print([i if i % 2 else -i for i in range(5)])
