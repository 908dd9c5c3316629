# bare raise re-raises the exception being handled
def inner():
    raise ValueError('original')


try:
    try:
        inner()
    except ValueError:
        print('handling, then re-raising')
        raise
except ValueError as e:
    print('outer got', type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)


def handler():
    try:
        raise KeyError('x')
    except KeyError as e:
        err = e
    raise err


try:
    handler()
except KeyError as e:
    print('re-raised stored exception', repr(e))
