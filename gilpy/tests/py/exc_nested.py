# nested try statements and exceptions in handlers
def level(n):
    try:
        if n == 0:
            raise ValueError('bottom')
        level(n - 1)
    except TypeError:
        print('never: wrong type')
    finally:
        print('unwinding level', n)


try:
    level(3)
except ValueError as e:
    print('caught', e)
try:
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise IndexError('b')
        except IndexError as inner:
            print('inner handled', repr(inner))
        print('back in outer handler')
except Exception:
    print('not reached')
print('done')
