# function objects: attributes and first-class use
def documented(a, b=1):
    """Adds things."""
    return a + b


print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__module__)
print(documented.__defaults__, documented.__kwdefaults__)
documented.custom = 'attached'
print(documented.custom, sorted(vars(documented)))
print(type(documented).__name__, callable(documented))
ops = {'add': documented, 'len': len}
print(ops['add'](2, 3), ops['len']('abcd'))


def apply(f, *args):
    return f(*args)


print(apply(max, 3, 9, 2), apply(documented, 1))
print(documented == documented, documented is documented)
print(len, type(len).__name__, len.__name__, print.__name__)
