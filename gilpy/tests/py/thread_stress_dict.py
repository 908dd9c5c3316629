# many threads hammering one dict: disjoint inserts, setdefault races, pops, updates and counters under a lock give exact totals
import sys
import threading

sys.setswitchinterval(1e-6)
NTHREADS = 8
N = 3000

shared = {}
start = threading.Event()


def inserter(k):
    start.wait()
    for i in range(N):
        shared[(k, i)] = i


threads = [threading.Thread(target=inserter, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print('insert', len(shared), all(shared[(k, i)] == i for k in range(NTHREADS) for i in range(N)))

# pop: each key is removed by exactly one thread
popped = [0] * NTHREADS


def popper(k):
    n = 0
    for key in [(kk, i) for kk in range(NTHREADS) for i in range(N)]:
        if shared.pop(key, None) is not None:
            n += 1
    popped[k] = n


threads = [threading.Thread(target=popper, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('pop', len(shared), sum(popped))

# setdefault: one winner per key, every thread sees the winner's value
winners = {}
seen = [[] for k in range(NTHREADS)]
start = threading.Event()


def claimer(k):
    start.wait()
    for i in range(N):
        seen[k].append(winners.setdefault(i, k))


threads = [threading.Thread(target=claimer, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print('setdefault', len(winners),
      all(seen[k][i] == winners[i] for k in range(NTHREADS) for i in range(N)))

# counters under a lock
counts = {}
lock = threading.Lock()
words = ['alpha', 'beta', 'gamma', 'delta']


def counter(k):
    for i in range(N):
        w = words[(i + k) % 4]
        with lock:
            counts[w] = counts.get(w, 0) + 1


threads = [threading.Thread(target=counter, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('counts', sorted(counts.items()), sum(counts.values()))

# update and del on per-thread key ranges, with other threads reading the dict
shared = {}
stop = threading.Event()
reads = [0]


def reader():
    while True:
        len(shared)
        shared.get((0, 0))
        list(shared.keys())[:1]
        reads[0] += 1
        if stop.is_set():
            break


def updater(k):
    for rnd in range(5):
        shared.update({(k, i): rnd for i in range(200)})
        for i in range(0, 200, 2):
            del shared[(k, i)]


r = threading.Thread(target=reader)
r.start()
threads = [threading.Thread(target=updater, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
r.join()
print('update/del', len(shared), sorted(set(shared.values())), reads[0] > 0)

# sets: add / discard from many threads
s = set()
start = threading.Event()


def adder(k):
    start.wait()
    for i in range(N):
        s.add(i % 1000 + 1000 * (k % 2))


threads = [threading.Thread(target=adder, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print('set add', len(s), min(s), max(s))


def discarder(k):
    for i in range(2000):
        s.discard(i)


threads = [threading.Thread(target=discarder, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('set discard', len(s))
sys.setswitchinterval(0.005)
