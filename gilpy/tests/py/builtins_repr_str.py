# repr and str of built-in objects
objs = [None, True, 0, -12, 1.5, 1e100, 'str', "q'uote", b'by', bytearray(b'ba'), [1, 'a'],
        (1,), (), {'k': [1]}, set(), frozenset(), range(3), range(1, 9, 2), slice(1, 2),
        slice(None), Ellipsis, NotImplemented, int, str, type, object, len, print,
        ValueError('v'), KeyError('k'), StopIteration(), ZeroDivisionError('division by zero')]
for o in objs:
    print(repr(o), '|', str(o))
print(repr(repr), str(type(None)), repr(type(...)))
