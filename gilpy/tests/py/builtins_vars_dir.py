# vars and dir (dunder names filtered out: their exact set is implementation detail)
class A:
    class_attr = 1

    def method(self):
        pass


class B(A):
    other = 2


b = B()
b.inst = 3
print(vars(b), sorted(k for k in vars(B) if not k.startswith('__')))
print([n for n in dir(b) if not n.startswith('__')])
print([n for n in dir(B) if not n.startswith('__')])
print([n for n in dir([]) if not n.startswith('__')])
print([n for n in dir('') if not n.startswith('__')])
print([n for n in dir({}) if not n.startswith('__')])


def f():
    local_a = 1
    local_b = 2
    return dir()


print(f())
print([n for n in dir() if not n.startswith('__')])
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
