# threading.local / _thread._local: per-thread attributes, __dict__, subclasses with __init__ re-run per thread, argument rules, cleanup
import _thread
import threading

print(threading.local is _thread._local)
print(type(threading.local()).__name__)

loc = threading.local()
loc.x = 'main'
print(loc.x, loc.__dict__)
seen = []


def worker(i):
    seen.append(('before', i, hasattr(loc, 'x'), dict(loc.__dict__)))
    loc.x = i
    loc.y = i * 10
    seen.append(('after', i, loc.x, loc.y, sorted(loc.__dict__)))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
    t.join()
for s in seen:
    print(s)
print('main still', loc.x, hasattr(loc, 'y'))

# attribute errors
try:
    loc.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del loc.missing
except AttributeError as e:
    print(type(e).__name__, e)
del loc.x
print(hasattr(loc, 'x'), loc.__dict__)
try:
    loc.__dict__ = {}
except AttributeError as e:
    print(type(e).__name__, e)
loc.__dict__['z'] = 1
print(loc.z)

# arguments only with a custom __init__
for args, kwargs in [((1,), {}), ((), {'a': 1})]:
    try:
        threading.local(*args, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)


class MyLocal(threading.local):
    count = 0

    def __init__(self, value, *, tag='t'):
        MyLocal.count += 1
        self.value = value
        self.tag = tag
        self.items = []

    def add(self, x):
        self.items.append(x)
        return len(self.items)


ml = MyLocal(42, tag='main')
print(ml.value, ml.tag, ml.items, MyLocal.count)
ml.add('m')
out = []


def use_mine(i):
    # __init__ runs again, with the constructor's arguments, in each new thread
    out.append((i, ml.value, ml.tag, list(ml.items)))
    ml.value = i
    ml.add(i)
    ml.add(i)
    out.append((i, ml.value, list(ml.items)))


for i in range(3):
    t = threading.Thread(target=use_mine, args=(i,))
    t.start()
    t.join()
for o in out:
    print(o)
print('main', ml.value, ml.items, MyLocal.count)
print(type(ml).__name__, isinstance(ml, threading.local))


# a subclass without __init__ rejects arguments too
class Plain(threading.local):
    pass


try:
    Plain(1)
except TypeError as e:
    print(type(e).__name__, e)
p = Plain()
p.a = 1
print(p.__dict__)


# class attributes and properties are shared, instance ones are per thread
class WithProp(threading.local):
    shared = 'class attr'

    @property
    def doubled(self):
        return self.n * 2

    def __init__(self):
        self.n = 1


wp = WithProp()
wp.n = 21
res = []


def use_prop():
    res.append((wp.shared, wp.n, wp.doubled))


t = threading.Thread(target=use_prop)
t.start()
t.join()
print(res, wp.doubled)

# concurrent use from many threads at once
loc = threading.local()
start = threading.Event()
results = []
lock = threading.Lock()


def concurrent(i):
    loc.v = i
    start.wait()
    total = 0
    for k in range(200):
        loc.v = loc.v + 1
        total += 1
    with lock:
        results.append(loc.v - i == total)


threads = [threading.Thread(target=concurrent, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print('concurrent', results.count(True), hasattr(loc, 'v'))

# a thread's values are dropped when it ends (destructor of the value runs)
events = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append('del ' + self.name)


loc = threading.local()


def store():
    loc.obj = Tracked('thread value')
    events.append('stored')


t = threading.Thread(target=store)
t.start()
t.join()
import gc
gc.collect()
print(events)
loc.obj = Tracked('main value')
del loc
gc.collect()
print(events)

# a cycle through the local's own per-thread dict is collected
loc = threading.local()
loc.me = loc
loc.obj = Tracked('in a cycle')
del loc
gc.collect()
print(events[-1])

# test_derived: a subclass __init__ that lets other threads run meanwhile
import time


class Slow(threading.local):
    def __init__(self):
        time.sleep(0.001)
        self.owner = threading.get_ident()


slow = Slow()
checks = []


def use_slow():
    for i in range(3):
        checks.append(slow.owner == threading.get_ident())
        time.sleep(0.0005)


threads = [threading.Thread(target=use_slow) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('derived', len(checks), all(checks), slow.owner == threading.get_ident())
