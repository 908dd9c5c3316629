# raise ... from ...: __cause__ and __suppress_context__
try:
    try:
        int('x')
    except ValueError as e:
        raise RuntimeError('conversion failed') from e
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('no context shown') from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise KeyError('k') from ValueError('cause-instance')
except KeyError as e:
    print(repr(e.__cause__))
try:
    raise KeyError('k') from IndexError
except KeyError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise KeyError('k') from 5
except TypeError as e:
    print(type(e).__name__, e)
