# the built-in exception hierarchy
names = ['BaseException', 'SystemExit', 'KeyboardInterrupt', 'GeneratorExit', 'Exception',
         'StopIteration', 'ArithmeticError', 'OverflowError', 'ZeroDivisionError',
         'AssertionError', 'AttributeError', 'EOFError', 'ImportError', 'ModuleNotFoundError',
         'LookupError', 'IndexError', 'KeyError', 'MemoryError', 'NameError',
         'UnboundLocalError', 'OSError', 'FileNotFoundError', 'RuntimeError',
         'RecursionError', 'NotImplementedError', 'SyntaxError', 'IndentationError',
         'TypeError', 'ValueError', 'UnicodeError', 'UnicodeDecodeError', 'StopAsyncIteration']
for n in names:
    cls = eval(n)
    print(n, '<-', cls.__bases__[0].__name__)
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, Exception))
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError))
try:
    raise SystemExit(0)
except Exception:
    print('not reached')
except BaseException as e:
    print('SystemExit is not an Exception:', type(e).__name__)
