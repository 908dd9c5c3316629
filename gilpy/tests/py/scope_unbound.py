# UnboundLocalError: assignment anywhere makes a name local to the function
x = 'global x'


def reads_then_assigns():
    print(x)
    x = 'local'


try:
    reads_then_assigns()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(isinstance(e, NameError))


def conditional(flag):
    if flag:
        y = 'set'
    return y


print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)


def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1


free_unbound()
