# annotations in signatures do not change behaviour
def f(x: int, y: 'str' = 5) -> list:
    return [x, y]


def g(*args: int, **kwargs: 'anything') -> None:
    return args, kwargs


print(f('not an int'), f(1, y=None), g(1, 2, k=3))
lam = lambda x: x  # lambdas cannot have annotations
print(lam(3))
