# if / elif / else
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'


for n in (-5, 0, 3, 42):
    print(n, classify(n))

if 1:
    print('one-line body')
if 0: print('never')
else: print('else branch')
x = 5
if x > 3:
    if x > 4:
        print('nested true')
    else:
        print('nested false')
if not x:
    pass
elif x:
    print('elif taken')
