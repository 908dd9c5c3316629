f(a, x=1 b)
