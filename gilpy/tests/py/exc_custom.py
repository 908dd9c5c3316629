# user-defined exception hierarchies
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem

    def __str__(self):
        return 'config key %r: %s' % (self.key, self.problem)


class NetworkError(AppError):
    pass


for exc in [ConfigError('port', 'not a number'), NetworkError('down'), AppError()]:
    try:
        raise exc
    except ConfigError as e:
        print('config:', e, e.args, e.key)
    except AppError as e:
        print('app:', type(e).__name__, repr(e), str(e))
print(issubclass(ConfigError, Exception), ConfigError.__mro__[1].__name__)
print(repr(ConfigError('k', 'p')))


class WithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)


try:
    raise WithDefault
except WithDefault as e:
    print(type(e).__name__, e)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise object
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        pass
    except 5:
        pass
    print('except clause with a non-class is only checked when matching')
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
