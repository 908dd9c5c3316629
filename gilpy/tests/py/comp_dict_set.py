# dict and set comprehensions with conditions and nested loops
words = ['apple', 'bob', 'kayak', 'level', 'python', 'noon']
print({w: w == w[::-1] for w in words})
print(sorted({len(w) for w in words}))
print({w[0]: w for w in words})
inv = {v: k for k, v in enumerate('abc')}
print(inv)
print({x: y for x in range(3) for y in range(x)})
print(sorted({(x, x * x) for x in range(-2, 3)}))
