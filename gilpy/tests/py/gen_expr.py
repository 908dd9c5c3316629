# generator expressions are lazy and single-pass
def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i


ge = (x * 10 for x in noisy(3))
print(type(ge).__name__)
print('first:', next(ge))
print('rest:', list(ge))
print('again:', list(ge))
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']))
print(list(x for x in range(10) if x % 3 == 0))
print(sorted((y for y in 'hello'), reverse=True))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
print(any(x > 5 for x in noisy(10)))
