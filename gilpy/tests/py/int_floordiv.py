# floor division and modulo with negative operands, divmod
for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -5):
        print(a, b, a // b, a % b, divmod(a, b))
print(divmod(10 ** 30 + 7, 10 ** 15))
print(divmod(-(10 ** 30) - 7, 10 ** 15))
print((-10 ** 20) // 3, (-10 ** 20) % 3)
print(2 ** 100 // -(2 ** 50), 2 ** 100 % -(3 ** 40))
for a, b in ((1, 0), (0, 0), (10 ** 30, 0)):
    for op in ('//', '%', 'divmod'):
        try:
            if op == '//':
                a // b
            elif op == '%':
                a % b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(op, type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print('/', type(e).__name__, e)
