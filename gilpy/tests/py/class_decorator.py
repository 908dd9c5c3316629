# class decorators and decorating methods
registry = []


def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls


def logged(fn):
    def wrapper(*args, **kwargs):
        print('calling', fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


@register
class Alpha:
    @logged
    def run(self, x):
        return x * 2


@register
class Beta:
    pass


print(registry, Alpha.registered, Beta.registered)
print(Alpha().run(21))
