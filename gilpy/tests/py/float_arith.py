# float arithmetic
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1))
print(2.0 ** 10, 2.0 ** -1, 4 ** 0.5, (-8.0) ** 2, 2 ** 0.5)
print(0.1 * 3, 0.1 + 0.7, 1 - 0.9)
print(1e308 + 1e308, -1e308 * 10)
print(1 + 2.0, type(1 + 2.0).__name__, 3 * 1.0)
print(-0.0 + 0.0, -0.0 * 1, 0.0 * -1)
print(5.0 % 0.3, -5.0 % 0.3)
for expr in ('1.0 / 0', '1.0 // 0', '1.0 % 0', 'divmod(1.0, 0)', '0.0 ** -1'):
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
