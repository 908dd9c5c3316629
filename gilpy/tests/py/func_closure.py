# closures capture variables, not values
def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def make_multiplier(n):
    def mul(x):
        return x * n
    return mul


double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5))


def outer():
    x = 'first'

    def show():
        return x
    x = 'changed before call'
    return show


print(outer()())
