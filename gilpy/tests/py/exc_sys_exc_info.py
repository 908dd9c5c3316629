# sys.exc_info() inside and outside handlers
import sys

print(sys.exc_info())
try:
    raise ValueError('current')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__)
    print(sys.exception() is v if hasattr(sys, 'exception') else True)
print(sys.exc_info())
try:
    raise KeyError('outer')
except KeyError:
    try:
        raise IndexError('inner')
    except IndexError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
