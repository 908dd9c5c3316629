# implicit chaining: __context__ is set when raising inside a handler
try:
    try:
        [][0]
    except IndexError:
        {}['missing']
except KeyError as e:
    print(type(e).__name__, e)
    print(type(e.__context__).__name__, e.__context__)
    print(e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError('first')
    finally:
        raise TypeError('from finally')
except TypeError as e:
    print(repr(e), repr(e.__context__))
e1 = None
try:
    raise ValueError('no chaining here')
except ValueError as e:
    e1 = e
print(e1.__context__, e1.__cause__)
