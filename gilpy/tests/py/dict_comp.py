# dict comprehensions
sq = {x: x * x for x in range(6)}
print(sq)
print({k: v for k, v in sq.items() if v % 2 == 0})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({c: i for i, c in enumerate('hello')})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({str(k): [k] * k for k in range(3)})
