# Ellipsis and NotImplemented singletons
print(...)
print(Ellipsis is ..., repr(...), type(...).__name__)
print(NotImplemented, type(NotImplemented).__name__)


def stub():
    ...


print(stub())
print(bool(...))
