# chained comparisons evaluate each operand once
def v(x):
    print('eval', x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 <= 1 < 2 <= 2)
x = 5
print(0 < x < 10, 0 < x < 3)
print('a' < 'b' < 'c', [1] < [1, 0] < [2])
print(2 in [1, 2] in [[1, 2]])
print(1 < 2 == 2.0)
