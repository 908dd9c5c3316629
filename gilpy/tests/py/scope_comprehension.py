# comprehension variables do not leak; they see enclosing function locals
x = 'outer x'
squares = [x for x in range(3)]
print(squares, x)
gen = (i for i in range(2))
print(list(gen))
try:
    i
except NameError as e:
    print(type(e).__name__, e)


def f():
    base = 10
    return [base + k for k in range(3)], {k: base for k in 'ab'}, {base * k for k in (1,)}


print(f())
print([[y * z for z in range(3)] for y in range(3)])
