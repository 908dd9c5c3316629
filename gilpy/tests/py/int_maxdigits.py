# CPython 3.11 refuses decimal conversions of more than 4300 digits
ok = 10 ** 4299
print(len(str(ok)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int('1' * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(10 ** 6000)) > 4300)
print(int('f' * 5000, 16) > 0)
