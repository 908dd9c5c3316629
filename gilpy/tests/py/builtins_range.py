# range objects
print(range(5), range(1, 5), range(1, 10, 2), range(5, 0, -1))
print(list(range(5)), list(range(1, 5)), list(range(1, 10, 3)), list(range(5, 0, -2)))
print(list(range(0)), list(range(5, 1)), list(range(-3, 3)), list(range(-1, -10, -4)))
r = range(2, 20, 3)
print(r.start, r.stop, r.step, len(r), r[0], r[-1], r[2:4], r[::-1])
print(8 in r, 9 in r, r.index(11), r.count(5), r.count(6))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 1), range(3) == range(3))
big = range(10 ** 20)
print(range(0, 10 ** 20, 7)[-1], big[10 ** 19], 10 ** 19 in big, big[-1])
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__, e)
print(list(reversed(range(4))), sum(range(101)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(3).index(7)
except ValueError as e:
    print(type(e).__name__, e)
