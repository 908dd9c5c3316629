# generator pipelines
def numbers():
    n = 1
    while True:
        yield n
        n += 1


def squares(src):
    for x in src:
        yield x * x


def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x


def evens(src):
    return (x for x in src if x % 2 == 0)


print(list(take(5, squares(numbers()))))
print(list(take(4, evens(squares(numbers())))))
print(sum(take(100, numbers())))
