# closures bind late: the value at call time is used
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([g() for g in funcs])
funcs2 = []
for i in range(3):
    def f(i=i):
        return i
    funcs2.append(f)
print([g() for g in funcs2])


def make():
    fs = []
    for j in range(3):
        fs.append(lambda: j)
    j = 'after loop'
    return fs


print([g() for g in make()])
