# queue.SimpleQueue: FIFO, put never blocks, get/get_nowait/timeouts, Empty, no task tracking, many threads
import queue
import threading
import time


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, repr(str(e)))
    else:
        print(label, '->', r)


q = queue.SimpleQueue()
print(type(q).__name__, q.empty(), q.qsize())
for i in range(5):
    q.put(i)
q.put_nowait('x')
q.put('y', block=False)
q.put('z', timeout=-1)
q.put(None, False, 5)
print(q.qsize(), q.empty())
print([q.get() for i in range(9)], q.empty())
check('get_nowait', q.get_nowait)
check('get(False)', lambda: q.get(False))
check('get(block=False, timeout=-1)', lambda: q.get(block=False, timeout=-1))
t0 = time.monotonic()
check('get(timeout=0.05)', lambda: q.get(timeout=0.05))
print('waited', time.monotonic() - t0 >= 0.045)
check('get(timeout=0)', lambda: q.get(timeout=0))
check('get(timeout=-1)', lambda: q.get(timeout=-1))
print(hasattr(q, 'task_done'), hasattr(q, 'join'), hasattr(q, 'maxsize'))

# a blocked get is woken by a put from another thread
res = []
t = threading.Thread(target=lambda: res.append(q.get()))
t.start()
time.sleep(0.02)
print('blocked', res)
q.put('wake')
t.join()
print('woken', res)

# many producers and consumers
NT = 4
N = 2000
got = [[] for i in range(NT)]


def producer(p):
    for i in range(N):
        q.put((p, i))


def consumer(c):
    while True:
        item = q.get()
        if item is None:
            break
        got[c].append(item)


consumers = [threading.Thread(target=consumer, args=(c,)) for c in range(NT)]
producers = [threading.Thread(target=producer, args=(p,)) for p in range(NT)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for c in range(NT):
    q.put(None)
for t in consumers:
    t.join()
items = []
for g in got:
    items.extend(g)
print('moved', len(items), len(set(items)), q.empty())
