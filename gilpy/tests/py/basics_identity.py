# is / is not / in / not in
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is not False)
print(2 in a, 3 in a, 3 not in a)
print('ell' in 'hello', 'z' not in 'hello', '' in 'abc')
print(1 in {1: 'x'}, 'x' in {1: 'x'})
print(2 in (1, 2), 2 in {2}, 5 in range(10), 10 in range(10))
print(3 in range(0, 10, 3), 4 in range(0, 10, 3))
print(type(a) is list, type(1) is int)
x = ()
y = ()
print(x == y)
