# true division of ints (correctly rounded)
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 6 / -3)
print(10 ** 30 / 10 ** 29, (10 ** 400) / (10 ** 399))
print(2 ** 1100 / 2 ** 1090, 1 / 2 ** 1000, 1 / 2 ** 1074)
print((2 ** 53 + 1) / 1, 123456789123456789 / 1000)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    5 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
