# queue.Queue between threads: producers/consumers move every item exactly once, blocked get/put are woken, join waits for task_done, per-producer FIFO order
import queue
import sys
import threading
import time

sys.setswitchinterval(0.0001)
NPROD = 4
NCONS = 4
N = 2000

# producers and consumers on a bounded queue
q = queue.Queue(maxsize=10)
got = [[] for i in range(NCONS)]


def producer(p):
    for i in range(N):
        q.put((p, i))


def consumer(c):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        got[c].append(item)
        q.task_done()


consumers = [threading.Thread(target=consumer, args=(c,)) for c in range(NCONS)]
producers = [threading.Thread(target=producer, args=(p,)) for p in range(NPROD)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()
print('all done before sentinels', q.unfinished_tasks, q.qsize())
for c in range(NCONS):
    q.put(None)
for t in consumers:
    t.join()
items = []
for g in got:
    items.extend(g)
print('moved', len(items), len(set(items)) == NPROD * N)
# each consumer sees each producer's items in the order they were put
ordered = True
for g in got:
    last = {}
    for p, i in g:
        if last.get(p, -1) >= i:
            ordered = False
        last[p] = i
print('per-producer order kept', ordered)
print('empty', q.empty(), q.unfinished_tasks)

# a blocked get is woken by a put
q = queue.Queue()
res = []
t = threading.Thread(target=lambda: res.append(q.get()))
t.start()
time.sleep(0.02)
print('still waiting', res, t.is_alive())
q.put('hello')
t.join()
print('got', res)

# a blocked put is woken by a get
q = queue.Queue(1)
q.put('first')
done = []
t = threading.Thread(target=lambda: (q.put('second'), done.append(True)))
t.start()
time.sleep(0.02)
print('put blocked', done, q.qsize())
print(q.get())
t.join()
print('put went through', done, q.get())

# get with a timeout succeeds when an item arrives in time
q = queue.Queue()
timer = threading.Timer(0.02, q.put, ('late item',))
timer.start()
print('timed get', q.get(timeout=5))
timer.join()

# put with a timeout succeeds when room appears in time
q = queue.Queue(1)
q.put(1)
timer = threading.Timer(0.02, q.get)
timer.start()
print('timed put', q.put(2, timeout=5), q.get())
timer.join()

# join() blocks until every task is done
q = queue.Queue()
for i in range(5):
    q.put(i)
processed = []


def slow_worker():
    while True:
        try:
            item = q.get_nowait()
        except queue.Empty:
            break
        time.sleep(0.005)
        processed.append(item)
        q.task_done()


w = threading.Thread(target=slow_worker)
w.start()
q.join()
print('join returned after', len(processed), 'tasks', q.unfinished_tasks)
w.join()

# several threads joining the same queue
q = queue.Queue()
q.put('task')
joined = []
joiners = [threading.Thread(target=lambda: (q.join(), joined.append(1))) for i in range(3)]
for j in joiners:
    j.start()
time.sleep(0.02)
print('joiners waiting', len(joined))
q.get()
q.task_done()
for j in joiners:
    j.join()
print('joiners released', len(joined))
sys.setswitchinterval(0.005)
