# assignment expressions (:=)
if (n := 10) > 5:
    print('n is', n)
data = [1, 2, 3, 4]
while (item := data.pop()) != 2:
    print('popped', item)
print('stopped at', item, data)
print([y for x in range(5) if (y := x * x) > 4])
print('y leaked from the comprehension:', y)
print((z := 3) + z)


def f():
    total = 0
    values = [(t := total + i) for i in range(4)]
    return values, t


print(f())
print([last := c for c in 'abc'], last)
