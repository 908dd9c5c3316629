# timed acquire of Lock and RLock: a contended acquire(timeout=...) returns False after about the timeout; a free lock is taken at once
import _thread
import threading
import time

for name, factory in [('Lock', threading.Lock), ('RLock', threading.RLock),
                      ('_thread.allocate_lock', _thread.allocate_lock)]:
    print('--', name)
    lock = factory()
    t0 = time.monotonic()
    print('free lock, timeout=5:', lock.acquire(timeout=5))
    print('quick:', time.monotonic() - t0 < 1.0)
    lock.release()

    # held by another thread: acquire(timeout=0.1) fails after >= 0.1 s
    held = threading.Event()
    go = threading.Event()

    def holder():
        lock.acquire()
        held.set()
        go.wait()
        lock.release()

    t = threading.Thread(target=holder)
    t.start()
    held.wait()
    t0 = time.monotonic()
    r = lock.acquire(timeout=0.1)
    elapsed = time.monotonic() - t0
    print('contended acquire(timeout=0.1):', r)
    print('waited at least the timeout:', elapsed >= 0.09, elapsed < 5)
    t0 = time.monotonic()
    print('contended acquire(True, 0):', lock.acquire(True, 0))
    print('contended acquire(False):', lock.acquire(False))
    print('quick:', time.monotonic() - t0 < 1.0)
    go.set()
    t.join()
    print('free again, acquire(timeout=0.1):', lock.acquire(timeout=0.1))
    lock.release()

    # a timed acquire that succeeds when the holder releases in time
    lock.acquire()
    res = []

    def waiter():
        res.append(lock.acquire(timeout=5))
        lock.release()

    t = threading.Thread(target=waiter)
    t.start()
    time.sleep(0.05)
    lock.release()
    t.join()
    print('acquired before the timeout:', res)

# a plain lock held by the thread itself: a timed acquire times out
lock = threading.Lock()
lock.acquire()
t0 = time.monotonic()
print('self-held Lock, timeout=0.05:', lock.acquire(timeout=0.05))
print('waited:', time.monotonic() - t0 >= 0.045)
lock.release()
