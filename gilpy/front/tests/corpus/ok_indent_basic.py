def f(x):
    if x:
        return 1
    else:
        for i in x:
            while i:
                i -= 1
        return 2
class C:
    def m(self):
        pass
x = f(1)
