# many threads hammering one list: append/extend/pop/insert/+= under frequent switches; every item is accounted for exactly once
import sys
import threading

sys.setswitchinterval(1e-6)
NTHREADS = 8
N = 5000

shared = []
start = threading.Event()


def appender(k):
    start.wait()
    append = shared.append
    for i in range(N):
        append(k * N + i)


threads = [threading.Thread(target=appender, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print('append', len(shared), sorted(shared) == list(range(NTHREADS * N)))
# each thread's own items stay in its order
for k in range(NTHREADS):
    mine = [x for x in shared if x // N == k]
    if mine != list(range(k * N, (k + 1) * N)):
        print('thread', k, 'out of order')

# pop from a shared list: each item is taken exactly once
source = list(range(NTHREADS * N))
taken = [[] for k in range(NTHREADS)]


def popper(k):
    out = taken[k]
    while True:
        try:
            out.append(source.pop())
        except IndexError:
            break


threads = [threading.Thread(target=popper, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
allitems = []
for out in taken:
    allitems.extend(out)
    if out != sorted(out, reverse=True):
        print('pops not in decreasing order')
print('pop', len(source), len(allitems), sorted(allitems) == list(range(NTHREADS * N)))

# extend, insert at the front, and slice assignment at the front
shared = []
start = threading.Event()


def mixed(k):
    start.wait()
    for i in range(500):
        shared.extend([k, k, k])
        shared.insert(0, -1)
        shared[0:0] = [k]


threads = [threading.Thread(target=mixed, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join()
print('mixed', len(shared), shared.count(-1), [shared.count(k) for k in range(NTHREADS)])

# a counter in a one-element list, with and without a lock around +=
counter = [0]
lock = threading.Lock()


def locked_add():
    for i in range(N):
        with lock:
            counter[0] += 1


threads = [threading.Thread(target=locked_add) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('locked counter', counter[0])

# list.sort / reverse / copy in several threads on private lists sharing one source
source = list(range(2000, 0, -1))
results = []


def sorter():
    mine = source.copy()
    mine.sort()
    mine.reverse()
    results.append(mine == source)


threads = [threading.Thread(target=sorter) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('private sorts', results.count(True))
sys.setswitchinterval(0.005)
