# round, divmod, pow as builtins with mixed types
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(7), round(1234, -2))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, -5))
print(pow(2, 8), pow(2.0, 8), pow(2, -1), pow(9, 0.5), pow(3, 4, 5), pow(-2, 3))
print(round(0.5 + 1e-15), type(round(5.0)).__name__, round(5.55, 1), round(-1.45, 1))
try:
    round('x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod('a', 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
