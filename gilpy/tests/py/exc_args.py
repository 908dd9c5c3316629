# exception args, str and repr
for e in [ValueError(), ValueError('one'), ValueError('a', 2), ValueError(None),
          KeyError('key'), KeyError(), KeyError(1, 2), IndexError(3), OSError(2, 'No such file'),
          Exception('x', [1]), StopIteration(5), SystemExit(3)]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = ValueError('first')
e.args = ('changed', 'more')
print(e, repr(e))
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code, OSError(2, 'msg').errno)
print(OSError(2, 'msg').strerror, type(OSError(2, 'msg')).__name__)
