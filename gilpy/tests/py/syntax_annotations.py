# annotations are parsed and have no effect on execution
x: int = 5
y: 'anything goes here'
z: list[int] = [1, 2]


def f(a: int, b: str = 'b', *args: float, c: bool = True, **kw: dict) -> None:
    local: int = a + 1
    return (a, b, args, c, kw, local)


print(x, z)
print(f(1))
print(f(1, 'x', 2.0, c=False, extra=3))


class C:
    attr: int = 10
    other: str

    def m(self) -> 'C':
        return self


print(C.attr, hasattr(C, 'other'))
print(type(C().m()).__name__)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
