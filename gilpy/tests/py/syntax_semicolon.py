# semicolons and simple compound one-liners
a = 1; b = 2; print(a + b)
if a: print('if on one line'); print('second statement')
for i in range(2): print('for', i)
while a < 3: a += 1
print(a)
def f(x): return x * 2
print(f(4))
class C: v = 3
print(C.v)
try: 1 / 0
except ZeroDivisionError: print('one-line except')
x = 5;
print(x)
