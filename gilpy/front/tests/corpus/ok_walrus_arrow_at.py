@decorator
@decorator.attr(1)
def f(a, /, b, *, c=1, **kw) -> dict[str, int]:
    if (n := len(a)) > 10:
        return {**kw}
    m @= n
    return [*a]
