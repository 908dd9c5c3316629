# truth testing in if/while and short-circuit evaluation
def t(name, val):
    print('eval', name)
    return val


for v in [0, 1, '', 'x', [], [1], None, 0.0, 2.5, (), (0,), {}, {0: 0}]:
    if v:
        print(repr(v), 'is true')
    else:
        print(repr(v), 'is false')

print(t('a', 0) and t('b', 1))
print(t('a', 1) and t('b', 2))
print(t('a', 0) or t('b', 0))
print(t('a', 3) or t('b', 4))
n = 3
while n:
    print('n =', n)
    n -= 1
