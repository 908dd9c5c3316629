# the "except ... as name" target is deleted at the end of the handler
e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    print('inside:', repr(e))
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)


def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as err:
        return type(err).__name__ + ': ' + str(err)


print(f())
