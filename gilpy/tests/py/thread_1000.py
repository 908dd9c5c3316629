# 1,000 threads alive at once, then 1,000 short-lived threads in batches: all start, all are joined, the registry empties again
import _thread
import threading

N = 1000
gate = threading.Event()
arrived = []
lock = threading.Lock()


def waiter(i):
    with lock:
        arrived.append(i)
    gate.wait()


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
print('started', sum(1 for t in threads if t.is_alive()))
print('active_count', threading.active_count())
print('enumerate', len(threading.enumerate()))
print('names distinct', len(set(t.name for t in threads)))
print('idents distinct', len(set(t.ident for t in threads)))
gate.set()
for t in threads:
    t.join()
print('arrived', len(arrived), sorted(arrived) == list(range(N)))
print('alive after join', sum(1 for t in threads if t.is_alive()))
print('active_count', threading.active_count(), len(threading.enumerate()))

# short-lived threads, 100 at a time
results = []
for batch in range(10):
    ts = [threading.Thread(target=results.append, args=(batch * 100 + i,)) for i in range(100)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print('short-lived', len(results), sorted(results) == list(range(N)))
print('active_count', threading.active_count())

# 1,000 raw _thread threads
done = []
all_done = threading.Event()


def raw(i):
    with lock:
        done.append(i)
        if len(done) == N:
            all_done.set()


for i in range(N):
    _thread.start_new_thread(raw, (i,))
all_done.wait()
print('raw threads', len(done), sorted(done) == list(range(N)))
print('no Thread objects for raw threads', threading.active_count())
