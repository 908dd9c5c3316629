# function decorators: simple, with arguments, stacked
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    wrapper.__name__ = fn.__name__
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco


def trace(fn):
    def wrapper(*args):
        print('enter', fn.__name__, args)
        r = fn(*args)
        print('exit', fn.__name__, r)
        return r
    return wrapper


@shout
def hello(name):
    return 'hello ' + name


@repeat(3)
def ping():
    return 'ping'


@trace
@shout
def both(x):
    return 'x=%s' % x


print(hello('world'), hello.__name__)
print(ping())
print(both(5))
calls = []


def mark(label):
    calls.append('factory ' + label)

    def d(f):
        calls.append('apply ' + label)
        return f
    return d


@mark('outer')
@mark('inner')
def target():
    pass


print(calls)
