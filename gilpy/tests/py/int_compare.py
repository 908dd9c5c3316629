# comparisons between ints, big ints and floats
print(1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 5 == 5, 5 != 5)
print(2 ** 64 > 2 ** 63, -(2 ** 64) < -(2 ** 63), 2 ** 64 == 2 ** 64)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float('inf'), -(10 ** 400) > float('-inf'))
print(1 == 1.0, 0 == -0.0, 3 < 3.1, 1 == True)
print(float('nan') == 1, 1 < float('nan'), 1 != float('nan'))
print(max(3, 2 ** 70, -5), min(3, -(2 ** 70), 5))
print(sorted([10 ** 20, -3, 0, 2 ** 65, 1.5]))
try:
    1 < '1'
except TypeError as e:
    print(type(e).__name__, e)
print(1 == '1', 1 != '1')
