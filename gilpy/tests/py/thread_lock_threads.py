# Lock between threads: contended try-acquire, blocked acquirers, same-thread re-acquire blocks, release by another thread, state after a timed-out acquire, no Thread leak from _thread threads
import _thread
import sys
import threading
import time

sys.setswitchinterval(0.0005)


def wait_until(pred):
    for i in range(5000):
        if pred():
            return True
        time.sleep(0.001)
    return False


for name, factory in [('threading.Lock', threading.Lock),
                      ('_thread.allocate_lock', _thread.allocate_lock)]:
    print('--', name)

    # test_try_acquire_contended
    lock = factory()
    lock.acquire()
    result = []
    t = threading.Thread(target=lambda: result.append(lock.acquire(False)))
    t.start()
    t.join()
    print('try-acquire from another thread:', result)
    lock.release()

    # test_acquire_contended: 5 threads block until the owner releases
    lock = factory()
    lock.acquire()
    count = factory()
    started = []
    finished = []

    def worker(i):
        with count:
            started.append(i)
        lock.acquire()
        with count:
            finished.append(i)
        lock.release()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    print('all started:', wait_until(lambda: len(started) == 5))
    time.sleep(0.05)
    print('finished while held:', len(finished))
    lock.release()
    for t in threads:
        t.join()
    print('finished after release:', len(finished), sorted(finished))
    print('lock free:', not lock.locked())

    # test_reacquire: the same thread blocks on a second acquire
    lock = factory()
    phase = []

    def reacquire():
        lock.acquire()
        phase.append(1)
        lock.acquire()      # blocks until the main thread releases
        phase.append(2)

    t = threading.Thread(target=reacquire)
    t.start()
    print('first acquire done:', wait_until(lambda: len(phase) == 1))
    time.sleep(0.05)
    print('phase while blocked:', phase)
    lock.release()          # a thread that does not hold it may release it
    t.join()
    print('phase after release:', phase, lock.locked())
    lock.release()
    print('locked', lock.locked())

    # test_different_thread: acquired by one thread, released by another
    lock = factory()
    t = threading.Thread(target=lock.acquire)
    t.start()
    t.join()
    print('acquired by the thread:', lock.locked())
    lock.release()
    print('released by main:', lock.locked())
    lock.acquire()
    t = threading.Thread(target=lock.release)
    t.start()
    t.join()
    print('released by the thread:', lock.locked())

    # test_state_after_timeout (issue #11618)
    lock = factory()
    lock.acquire()
    res = []
    t = threading.Thread(target=lambda: res.append(lock.acquire(timeout=0.01)))
    t.start()
    t.join()
    print('timed out acquire:', res)
    lock.release()
    print('locked', lock.locked())
    print('acquire(blocking=False)', lock.acquire(blocking=False))
    lock.release()

    # test_thread_leak: 15 _thread threads use the lock, no Thread objects appear
    lock = factory()
    before = len(threading.enumerate())
    done = []
    done_lock = factory()

    def raw():
        lock.acquire()
        lock.release()
        with done_lock:
            done.append(1)

    for i in range(15):
        _thread.start_new_thread(raw, ())
    print('15 raw threads done:', wait_until(lambda: len(done) == 15))
    print('enumerate unchanged:', len(threading.enumerate()) == before)
