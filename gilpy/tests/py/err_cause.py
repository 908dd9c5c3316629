# uncaught exception with an explicit cause
class ConfigError(Exception):
    pass


def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError('bad port: %r' % text) from e


read_port('eighty')
