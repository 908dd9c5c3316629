# _thread.start_new_thread/start_new: returns the new thread's ident, passes args and kwargs, argument errors, _count() of running threads, allocate_lock handshakes, a _thread-only barrier
import _thread
import threading
import time


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


print(_thread.start_new is not None, _thread._count())
results = []
done = _thread.allocate_lock()
done.acquire()


def target(*args, **kwargs):
    results.append((_thread.get_ident(), args, kwargs))
    done.release()


ident = _thread.start_new_thread(target, (1, 'two'), {'three': 3})
done.acquire()
print(type(ident).__name__, results[0][0] == ident, ident != _thread.get_ident())
print(results[0][1:])
ident = _thread.start_new(target, ())
done.acquire()
print(results[1][0] == ident, results[1][1:])

check('not callable', lambda: _thread.start_new_thread(1, ()))
check('args not a tuple', lambda: _thread.start_new_thread(target, [1]))
check('args None', lambda: _thread.start_new_thread(target, None))
check('kwargs not a dict', lambda: _thread.start_new_thread(target, (), [('a', 1)]))
check('one argument', lambda: _thread.start_new_thread(target))
check('four arguments', lambda: _thread.start_new_thread(target, (), {}, 1))
check('keywords', lambda: _thread.start_new_thread(function=target, args=()))

# _count(): threads started by _thread (and threading) that are running
for i in range(100):
    if _thread._count() == 0:
        break
    time.sleep(0.01)
print('count idle', _thread._count())
mut = _thread.allocate_lock()
release = _thread.allocate_lock()
release.acquire()
started = []


def counted():
    with mut:
        started.append(1)
    release.acquire()
    release.release()


for i in range(5):
    _thread.start_new_thread(counted, ())
while True:
    with mut:
        if len(started) == 5:
            break
    time.sleep(0.001)
print('count with 5 running', _thread._count())
gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
print('count with a threading.Thread too', _thread._count())
gate.set()
t.join()
release.release()
for i in range(500):
    if _thread._count() == 0:
        break
    time.sleep(0.01)
print('count after they ended', _thread._count())

# the _thread-level barrier of test_thread.BarrierTest
NUMTASKS = 10
ITERS = 5


class RawBarrier:
    def __init__(self, n):
        self.n = n
        self.waiting = 0
        self.checkin_mutex = _thread.allocate_lock()
        self.checkout_mutex = _thread.allocate_lock()
        self.checkout_mutex.acquire()

    def enter(self):
        self.checkin_mutex.acquire()
        self.waiting = self.waiting + 1
        if self.waiting == self.n:
            self.waiting = self.n - 1
            self.checkout_mutex.release()
            return
        self.checkin_mutex.release()
        self.checkout_mutex.acquire()
        self.waiting = self.waiting - 1
        if self.waiting == 0:
            self.checkin_mutex.release()
            return
        self.checkout_mutex.release()


bar = RawBarrier(NUMTASKS)
running = [NUMTASKS]
running_mutex = _thread.allocate_lock()
all_done = _thread.allocate_lock()
all_done.acquire()
errors = []
progress = [0] * NUMTASKS


def task(k):
    for i in range(ITERS):
        bar.enter()
        progress[k] = i + 1
        # nobody may be more than one pass ahead or behind
        if max(progress) - min(progress) > 1:
            errors.append(k)
    with running_mutex:
        running[0] -= 1
        if running[0] == 0:
            all_done.release()


for k in range(NUMTASKS):
    _thread.start_new_thread(task, (k,))
all_done.acquire()
print('raw barrier', progress, errors)
