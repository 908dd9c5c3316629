# pow with two and three arguments
print(pow(2, 10), pow(3, 0), pow(-3, 3), pow(2, -2))
print(pow(2, 100))
print(pow(7, 128, 13), pow(2, 10 ** 20, 10 ** 9 + 7))
print(pow(-5, 3, 7), pow(5, 3, -7), pow(3, -1, 7), pow(38, -1, 97))
print(3 ** 40, (-3) ** 41)
print(10 ** 50 // 10 ** 48)
print(pow(0, 0), pow(0, 5), pow(1, 10 ** 10))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
