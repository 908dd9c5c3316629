# counters shared by 8 threads under Lock, RLock (nested), Semaphore, Condition and BoundedSemaphore, with a tiny switch interval: exact totals
import sys
import threading

sys.setswitchinterval(1e-6)
NT = 8
N = 2000


def run(func):
    threads = [threading.Thread(target=func) for i in range(NT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


counter = [0]
lock = threading.Lock()


def with_lock():
    for i in range(N):
        with lock:
            v = counter[0]
            counter[0] = v + 1


run(with_lock)
print('Lock', counter[0])

counter = [0]
rlock = threading.RLock()


def with_rlock():
    for i in range(N):
        with rlock:
            with rlock:
                v = counter[0]
            counter[0] = v + 1


run(with_rlock)
print('RLock', counter[0], rlock._is_owned())

counter = [0]
sem = threading.Semaphore()


def with_sem():
    for i in range(N):
        sem.acquire()
        v = counter[0]
        counter[0] = v + 1
        sem.release()


run(with_sem)
print('Semaphore', counter[0])

counter = [0]
bsem = threading.BoundedSemaphore()


def with_bsem():
    for i in range(N // 2):
        with bsem:
            v = counter[0]
            counter[0] = v + 1


run(with_bsem)
print('BoundedSemaphore', counter[0])

counter = [0]
cond = threading.Condition()


def with_cond():
    for i in range(N // 2):
        with cond:
            v = counter[0]
            counter[0] = v + 1
            cond.notify()


run(with_cond)
print('Condition', counter[0])

# acquire/release by hand with try-acquire spins
counter = [0]
spin = threading.Lock()


def with_spin():
    for i in range(N // 4):
        while not spin.acquire(False):
            pass
        v = counter[0]
        counter[0] = v + 1
        spin.release()


run(with_spin)
print('try-acquire spin', counter[0])

# an ordered hand-off through Conditions: each thread waits for its turn
turn = [0]
cond = threading.Condition()
order = []


def turns(k):
    for r in range(20):
        with cond:
            cond.wait_for(lambda: turn[0] % NT == k)
            order.append(k)
            turn[0] += 1
            cond.notify_all()


threads = [threading.Thread(target=turns, args=(k,)) for k in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('turns', len(order), order == [i % NT for i in range(20 * NT)])
sys.setswitchinterval(0.005)
