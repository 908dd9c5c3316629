# keyword-only parameters after * or *args
def connect(host, *, port=80, secure=False):
    return host, port, secure


print(connect('h'), connect('h', port=443, secure=True))
try:
    connect('h', 443)
except TypeError as e:
    print(type(e).__name__, e)


def required_kw(*, key):
    return key


print(required_kw(key='k'))
try:
    required_kw()
except TypeError as e:
    print(type(e).__name__, e)


def mix(a, *args, flag, **kw):
    return a, args, flag, kw


print(mix(1, 2, 3, flag=True, other=0))
try:
    mix(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
