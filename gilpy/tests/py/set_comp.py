# set comprehensions
print(sorted({x % 3 for x in range(10)}))
print(sorted({c.lower() for c in 'Hello World' if c.isalpha()}))
print(sorted({(x, y) for x in range(2) for y in range(2)}))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
print(sorted({w[0] for w in words}))
print(type({x for x in ()}).__name__)
