# Thread names: explicit, int, None/empty, "Thread-N" and "Thread-N (target)" numbering, settable name, MainThread, current_thread().name inside threads
import threading


def func():
    pass


class Callable:
    def __call__(self):
        pass


print(threading.main_thread().name, threading.current_thread().name)
print(threading.current_thread() is threading.main_thread())

t = threading.Thread(name='myname1')
print(t.name)
t = threading.Thread(name=123)
print(repr(t.name))
t = threading.Thread(name=4.5)
print(repr(t.name))
t = threading.Thread(name=None)
print(t.name)
t = threading.Thread(name='')
print(t.name)
t = threading.Thread(name=0)
print(t.name)
t = threading.Thread(target=func)
print(t.name)
t = threading.Thread(target=func, name=None)
print(t.name)
t = threading.Thread(target=func, name='explicit')
print(t.name)
t = threading.Thread(target=Callable())
print(t.name)
t = threading.Thread(target=lambda: None)
print(t.name)
t = threading.Thread(target=print)
print(t.name)
t = threading.Thread()
print(t.name)


class Sub(threading.Thread):
    def run(self):
        pass


print(Sub().name)
print(Sub(target=func).name)
print(threading.Timer(1, func).name)

# setting the name
t = threading.Thread(target=func)
t.name = 'renamed'
print(t.name)
t.name = 99
print(repr(t.name))
print(repr(t))

# the name seen inside the thread
names = []


def record():
    names.append(threading.current_thread().name)


for n in ('alpha', None, 'gamma'):
    t = threading.Thread(target=record, name=n)
    t.start()
    t.join()
print(names)


def rename_self():
    threading.current_thread().name = 'changed inside'


t = threading.Thread(target=rename_self, name='before')
t.start()
t.join()
print(t.name)

# the counter keeps going after threads end
print(threading.Thread().name, threading.Thread(target=func).name)
