# threading.local / _thread._local, more: 50 threads at once with exact totals, values freed at thread end (threading, _thread.start_new_thread, dummy threads), __init__ arguments per thread, cycles, a local deleted while other threads hold values
import _thread
import gc
import threading

events = []


class Tracked:
    """Records its death; releases `lock` then (a thread's end is seen
    without any timing)."""

    def __init__(self, name, lock=None):
        self.name = name
        self.lock = lock

    def __del__(self):
        events.append('del ' + self.name)
        if self.lock is not None:
            self.lock.release()


def show(what):
    print(what, events)
    events.clear()


# ---- 50 threads at once, each with its own values -------------------------
N = 50
loc = threading.local()
barrier = threading.Barrier(N)
lock = threading.Lock()
totals = {}


def count(i):
    loc.i = i
    loc.total = 0
    loc.items = []
    for k in range(100):
        if k == 50:
            barrier.wait()      # every thread is half-way: all dicts live
        loc.total += k + i
        loc.items.append(k)
    with lock:
        totals[i] = (loc.i, loc.total, len(loc.items), sorted(loc.__dict__))


threads = [threading.Thread(target=count, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('threads', len(totals))
print('each right', all(totals[i] == (i, 4950 + 100 * i, 100,
                                      ['i', 'items', 'total'])
                        for i in range(N)))
print('grand total', sum(v[1] for v in totals.values()))
print('main sees', hasattr(loc, 'i'), loc.__dict__)

# ---- a thread's values die when it ends (join, then look) ------------------
loc = threading.local()
loc.v = Tracked('main value')


def keep(i):
    loc.v = Tracked('thread %d' % i)
    loc.w = [Tracked('in a list %d' % i)]
    events.append('stored %d' % i)


for i in range(3):
    t = threading.Thread(target=keep, args=(i,))
    t.start()
    t.join()
    show('joined %d' % i)

threads = [threading.Thread(target=keep, args=(i,)) for i in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('20 threads', len(events), sum(e.startswith('del thread') for e in events),
      sum(e.startswith('del in a list') for e in events))
events.clear()
print('main kept', loc.v.name)

# ---- threads of _thread.start_new_thread, and dummy threads ----------------
results = []
freed = _thread.allocate_lock()


def raw(name):
    loc.v = Tracked(name, freed)
    loc.n = name
    results.append((name, loc.n, loc.v.name))


freed.acquire()
_thread.start_new_thread(raw, ('raw thread',))
freed.acquire()                 # the value's __del__ releases it
show('raw %r' % results)
results.clear()


def dummy(name):
    me = threading.current_thread()
    loc.v = Tracked(name, freed)
    results.append((type(me).__name__, me.daemon, loc.v.name))


_thread.start_new_thread(dummy, ('dummy thread',))
freed.acquire()
show('dummy %r' % results)
print('main still', loc.v.name, hasattr(loc, 'n'))
del loc
show('main local gone')


# ---- a subclass: __init__ runs again, with the constructor's arguments -----
class Counter(threading.local):
    inits = []

    def __init__(self, start, *, step=1):
        Counter.inits.append((threading.current_thread().name, start, step))
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
c.bump()
out = []


def use_counter(i):
    for _ in range(i):
        c.bump()
    out.append((i, c.value, c.step))
    c.step = 100


threads = [threading.Thread(target=use_counter, args=(i,), name='w%d' % i)
           for i in range(1, 6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out))
print(Counter.inits[0], sorted(Counter.inits[1:]))
print('main counter', c.value, c.step)

# ---- cycles through the per-thread dicts are collected ---------------------
gc.collect()
loc = threading.local()
loc.me = loc
loc.t = Tracked('cycle in main')
del loc
gc.collect()
show('cycle')

c2 = Counter(0)
c2.me = [c2]
c2.t = Tracked('cycle in a subclass')
del c2
gc.collect()
show('subclass cycle')

loc = threading.local()
ready = threading.Event()
go = threading.Event()


def cyclic():
    loc.me = loc
    loc.t = Tracked('cycle in a live thread')
    ready.set()
    go.wait()
    events.append('thread ends')


t = threading.Thread(target=cyclic)
t.start()
ready.wait()
del loc
gc.collect()
show('while it runs')
go.set()
t.join()
show('after join')

# ---- the local dies while other threads still hold values ------------------
loc = threading.local()
ready = threading.Barrier(4)
go = threading.Event()
after = []


def holder(i):
    loc.v = Tracked('held by thread %d' % i)
    ready.wait()
    go.wait()
    after.append(i)


threads = [threading.Thread(target=holder, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
loc.v = Tracked('held by main')
ready.wait()
del loc                         # every thread's value goes now
print('local deleted', sorted(events))
events.clear()
go.set()
for t in threads:
    t.join()
print('threads ended', sorted(after), events)


# ---- __init__ failing in a thread: no dict is kept, the next use retries ---
class Flaky(threading.local):
    calls = 0

    def __init__(self, tag):
        Flaky.calls += 1
        self.t = Tracked('flaky %d' % Flaky.calls)
        self.tag = tag
        if Flaky.calls == 2:
            raise ValueError('init failed in the thread')


fl = Flaky('x')
seen = []


def flaky():
    try:
        fl.tag
    except ValueError as e:
        seen.append(str(e))
    seen.append((fl.tag, fl.t.name))


t = threading.Thread(target=flaky)
t.start()
t.join()
print(seen, Flaky.calls)
show('flaky')
del fl
show('flaky local gone')
