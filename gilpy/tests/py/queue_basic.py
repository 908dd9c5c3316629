# queue.Queue in one thread: FIFO order, qsize/empty/full, maxsize, put/get non-blocking and with timeouts, Empty/Full, task_done/join, errors
import queue
import time


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, repr(str(e)))
    else:
        print(label, '->', r)


print(queue.Empty.__mro__[1].__name__, queue.Full.__mro__[1].__name__)
print(sorted(queue.__all__))

q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
for i in range(5):
    q.put(i)
q.put_nowait('x')
q.put(None, block=False)
q.put([1, 2], timeout=1)
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
print([q.get() for i in range(8)])
print(q.qsize(), q.empty())
check('get_nowait on empty', q.get_nowait)
check('get(False) on empty', lambda: q.get(False))
check('get(block=False, timeout=1)', lambda: q.get(block=False, timeout=1))
t0 = time.monotonic()
check('get(timeout=0.05) on empty', lambda: q.get(timeout=0.05))
print('waited', time.monotonic() - t0 >= 0.045)
check('get(timeout=0)', lambda: q.get(timeout=0))
check('get(timeout=-1)', lambda: q.get(timeout=-1))
check('put(timeout=-1) unbounded', lambda: q.put('fine', timeout=-1))
print(q.get_nowait())

# bounded
q = queue.Queue(maxsize=3)
print(q.maxsize, q.full())
for i in range(3):
    q.put(i)
print(q.full(), q.qsize())
check('put_nowait on full', lambda: q.put_nowait(3))
check('put(False) on full', lambda: q.put(3, False))
t0 = time.monotonic()
check('put(timeout=0.05) on full', lambda: q.put(3, timeout=0.05))
print('waited', time.monotonic() - t0 >= 0.045)
check('put(timeout=-1) on full', lambda: q.put(3, timeout=-1))
check('put(timeout=0) on full', lambda: q.put(3, timeout=0))
print(q.get(), q.full())
q.put('again')
print([q.get_nowait() for i in range(3)], q.empty())

# maxsize <= 0 is unbounded
for m in (0, -1):
    q = queue.Queue(m)
    for i in range(100):
        q.put_nowait(i)
    print('maxsize', m, q.qsize(), q.full())

# task_done / join
q = queue.Queue()
check('task_done with nothing put', q.task_done)
q.put('a')
q.put('b')
print(q.unfinished_tasks)
q.get()
q.task_done()
print(q.unfinished_tasks)
q.get()
q.task_done()
print(q.unfinished_tasks)
print('join returns at once', q.join())
check('task_done too many', q.task_done)
print(q.unfinished_tasks)

# items of any type, identity kept
q = queue.Queue()
obj = object()
q.put(obj)
print(q.get() is obj)

# the exceptions
try:
    queue.Queue().get(False)
except queue.Empty as e:
    print(type(e).__name__, repr(e), e.args)
try:
    q = queue.Queue(1)
    q.put(1)
    q.put(2, False)
except queue.Full as e:
    print(type(e).__name__, repr(e), e.args)
import queue
for maxsize in (0, 5):
    q = queue.Queue(maxsize)
    for args in [dict(timeout=-1), dict(block=False, timeout=-1), dict(timeout=0)]:
        try:
            q.put(1, **args); print('put ok', maxsize, args)
        except (ValueError, queue.Full) as e:
            print('put', type(e).__name__, e, maxsize, args)
    for args in [dict(timeout=-1), dict(block=False, timeout=-1), dict(timeout=0), dict(block=False)]:
        try:
            print('get', q.get(**args), maxsize, args)
        except (ValueError, queue.Empty) as e:
            print('get', type(e).__name__, e, maxsize, args)
