# while loops with else, break and continue
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('i', i)
else:
    print('else runs when the condition becomes false')

j = 0
while True:
    j += 1
    if j > 3:
        break
    print('j', j)
else:
    print('not printed: loop broken')

k = 10
while k < 3:
    print('never')
else:
    print('else runs even with zero iterations')

n = 0
while n < 3:
    m = 0
    while m < 3:
        if m == 1:
            break
        m += 1
    n += 1
print(n, m)
