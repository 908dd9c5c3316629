def f(x: int = 1, /, y): pass
