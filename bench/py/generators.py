# Generators: a pipeline of generator functions and generator expressions.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def chain(*its):
    for it in its:
        yield from it

total = sum(squares(evens(numbers(2000000))))
total2 = sum(x + 1 for x in chain(range(500000), numbers(500000)))
print(total, total2)
