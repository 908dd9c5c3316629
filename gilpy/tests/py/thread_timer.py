# threading.Timer: runs the function once after the interval with args/kwargs; cancel before it fires; cancel after it ran; fresh default args (bpo-17435)
import threading
import time

calls = []


def record(*args, **kwargs):
    calls.append((args, kwargs))


t0 = time.monotonic()
t = threading.Timer(0.05, record, args=(1, 2), kwargs={'k': 3})
print(isinstance(t, threading.Thread), t.daemon, t.is_alive())
t.start()
print(t.is_alive())
t.join()
dt = time.monotonic() - t0
print('fired', calls, dt >= 0.045, t.is_alive(), t.finished.is_set())

# positional args
calls.clear()
t = threading.Timer(0.01, record, [4], {'x': 5})
t.start()
t.join()
print('positional', calls)

# no args: defaults are fresh [] and {}
calls.clear()
t1 = threading.Timer(0.01, record)
t2 = threading.Timer(0.01, record)
print('defaults', t1.args, t1.kwargs, t1.args is not t2.args, t1.kwargs is not t2.kwargs)
t1.args.append('only t1')
t1.kwargs['only'] = 't1'
t1.start()
t2.start()
t1.join()
t2.join()
print('fresh defaults', sorted(calls, key=repr))

# cancel before it fires
calls.clear()
t = threading.Timer(10, record, ('never',))
t.start()
t0 = time.monotonic()
t.cancel()
t.join()
print('cancelled', calls, time.monotonic() - t0 < 5, t.finished.is_set(), t.is_alive())

# cancel before start
t = threading.Timer(0.01, record, ('never',))
t.cancel()
t.start()
t.join()
print('cancelled before start', calls)

# cancel after it ran has no effect
t = threading.Timer(0, record, ('zero',))
t.start()
t.join()
t.cancel()
print('after run', calls)

# interval 0 and negative
calls.clear()
t = threading.Timer(-1, record, ('negative',))
t.start()
t.join()
print('negative interval', calls)

# name and a function that raises is reported by excepthook
print(threading.Timer(1, record).name.startswith('Thread-'))


def hook(args):
    print('excepthook:', args.exc_type.__name__, args.exc_value, args.thread is bad)


threading.excepthook = hook


def boom():
    raise ValueError('timer boom')


bad = threading.Timer(0.01, boom)
bad.start()
bad.join()
print('finished set after error:', bad.finished.is_set())

# many timers, fired in any order
out = []
lock = threading.Lock()


def add(i):
    with lock:
        out.append(i)


timers = [threading.Timer(0.001 * (i % 5), add, (i,)) for i in range(20)]
for t in timers:
    t.start()
for t in timers:
    t.join()
print('20 timers', sorted(out) == list(range(20)))
