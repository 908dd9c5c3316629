# __traceback__: a traceback object with line numbers
def fail():
    raise ValueError('deep')


def middle():
    fail()


try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is not None)
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
print(ValueError('never raised').__traceback__)
try:
    raise KeyError('x')
except KeyError as e:
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
