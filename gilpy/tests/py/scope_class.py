# class bodies are not enclosing scopes for methods
value = 'module value'


class C:
    value = 'class value'
    doubled = value * 2
    items = [value for _ in range(1)]

    def method(self):
        return value

    def via_self(self):
        return self.value


print(C.doubled)
print(C.items)
print(C().method(), C().via_self())


def f():
    local = 'function local'

    class Inner:
        attr = local

        def m(self):
            return local
    return Inner


I = f()
print(I.attr, I().m())
