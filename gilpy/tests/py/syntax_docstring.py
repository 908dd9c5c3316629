"""The module docstring."""


def f():
    """Function docstring."""
    return 1


def g():
    x = 1
    """not a docstring"""
    return x


class C:
    """Class docstring."""

    def m(self):
        """Method docstring."""


print(__doc__)
print(f.__doc__)
print(g.__doc__)
print(C.__doc__)
print(C.m.__doc__)
print(C().m.__doc__)
print((lambda: 0).__doc__)
