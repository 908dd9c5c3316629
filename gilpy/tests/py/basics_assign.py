# simple and chained assignment
a = 1
print(a)
a = b = c = [1, 2]
print(a, b, c, a is b, b is c)
a.append(3)
print(c)
x = y = 5
y += 1
print(x, y)
i = 0
lst = [10, 20, 30]
i = lst[i] = 2          # targets assigned left to right
print(i, lst)
name = 'first'
name = 'second'
print(name)
_ = 'underscore'
print(_)
