# threading.Semaphore and BoundedSemaphore: errors, acquire/release counting, contended acquire in phases, release(n), try-acquire, timeouts, with, repr
import threading
import time


def mask(s):
    i = s.find(' at 0x')
    if i < 0:
        return s
    j = i + 6
    while j < len(s) and s[j] in '0123456789abcdef':
        j += 1
    return s[:i] + ' at ADDR' + s[j:]


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def wait_until(pred):
    for i in range(5000):
        if pred():
            return True
        time.sleep(0.001)
    return False


for cls in (threading.Semaphore, threading.BoundedSemaphore):
    print('--', cls.__name__)
    # test_constructor
    check('value -1', lambda: cls(value=-1))
    check('value -10**20', lambda: cls(-10**20))
    check('value 0', lambda: mask(repr(cls(0))))
    print(mask(repr(cls())))
    # test_acquire
    sem = cls(1)
    print(sem.acquire(), sem.release())
    sem = cls(2)
    print(sem.acquire(), sem.acquire(), sem.release(), sem.release())
    # test_acquire_destroy
    sem = cls()
    sem.acquire()
    del sem
    # test_try_acquire
    sem = cls(2)
    print('try', sem.acquire(False), sem.acquire(False), sem.acquire(False))
    sem.release()
    print('after one release', sem.acquire(False), sem.acquire(blocking=False))
    sem.release()
    sem.release()
    # errors
    check('acquire(False, timeout=1.0)', lambda: sem.acquire(False, timeout=1.0))
    check('acquire(blocking=False, timeout=0)', lambda: sem.acquire(blocking=False, timeout=0))
    check('release(0)', lambda: sem.release(0))
    check('release(-1)', lambda: sem.release(-1))
    # test_acquire_timeout
    sem = cls(2)
    print('timeouts while available', sem.acquire(timeout=0.005), sem.acquire(timeout=0.005))
    print('at zero', sem.acquire(timeout=0.005))
    sem.release()
    print('again', sem.acquire(timeout=0.005))
    t0 = time.monotonic()
    print('timeout 0.1', sem.acquire(timeout=0.1))
    dt = time.monotonic() - t0
    print('waited', dt >= 0.09, dt < 5)
    print('timeout 0', sem.acquire(timeout=0), 'negative', sem.acquire(timeout=-1))
    # test_with
    sem = cls(2)

    def f(expect_error):
        with sem:
            print('inside with', sem.acquire(False))
            sem.release()
            with sem:
                print('nested', sem.acquire(False))
                if expect_error:
                    raise TypeError('in with')

    f(False)
    try:
        f(True)
    except TypeError as e:
        print(type(e).__name__, e)
    print('both free again', sem.acquire(False), sem.acquire(False), sem.acquire(False))
    sem.release()
    sem.release()
    print('__enter__', sem.__enter__(), sem.__exit__(None, None, None))

    # test_acquire_contended: value 7, 10 threads acquire twice each
    sem = cls(7)
    sem.acquire()
    results1 = []
    results2 = []
    phase = [0]
    lock = threading.Lock()

    def contender():
        r1 = sem.acquire()
        with lock:
            results1.append((r1, phase[0]))
        r2 = sem.acquire()
        with lock:
            results2.append((r2, phase[0]))

    threads = [threading.Thread(target=contender) for i in range(10)]
    for t in threads:
        t.start()
    wait_until(lambda: len(results1) + len(results2) == 6)
    time.sleep(0.02)
    print('phase 0 passed', len(results1) + len(results2))
    phase[0] = 1
    for i in range(7):
        sem.release()
    wait_until(lambda: len(results1) + len(results2) == 13)
    time.sleep(0.02)
    print('phase 1 passed', len(results1) + len(results2))
    phase[0] = 2
    for i in range(6):
        sem.release()
    wait_until(lambda: len(results1) + len(results2) == 19)
    time.sleep(0.02)
    print('phase 2 passed', len(results1) + len(results2))
    print('phase counts', sorted(p for r, p in results1 + results2).count(0),
          sorted(p for r, p in results1 + results2).count(1),
          sorted(p for r, p in results1 + results2).count(2))
    print('all True', all(r for r, p in results1 + results2))
    print('value now 0', sem.acquire(False))
    # one thread still blocked: release it
    sem.release()
    for t in threads:
        t.join()
    print('joined', len(results1), len(results2))

    # test_multirelease: the same with release(n)
    sem = cls(7)
    sem.acquire()
    results1 = []
    results2 = []
    threads = [threading.Thread(target=contender) for i in range(10)]
    for t in threads:
        t.start()
    wait_until(lambda: len(results1) + len(results2) == 6)
    time.sleep(0.02)
    print('multirelease phase 0', len(results1) + len(results2))
    sem.release(7)
    wait_until(lambda: len(results1) + len(results2) == 13)
    time.sleep(0.02)
    print('multirelease phase 1', len(results1) + len(results2))
    sem.release(7)
    for t in threads:
        t.join()
    print('multirelease done', len(results1) + len(results2), all(r for r, p in results1 + results2))

    # test_try_acquire_contended: value 4, one taken, 5 threads try twice
    sem = cls(4)
    sem.acquire()
    results = []

    def trier():
        results.append(sem.acquire(False))
        results.append(sem.acquire(False))

    threads = [threading.Thread(target=trier) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('try contended', sorted(results).count(True), sorted(results).count(False))

    # test_default_value: the second acquirer blocks until release
    sem = cls()
    sem.acquire()
    events = []

    def second():
        sem.acquire()
        events.append('got it')
        sem.release()

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.02)
    print('blocked', events)
    sem.release()
    t.join()
    print('after release', events)

print('-- release beyond the initial value')
sem = threading.Semaphore(3)
print(mask(repr(sem)))
sem.acquire()
print(mask(repr(sem)))
sem.release()
sem.release()
print(mask(repr(sem)))
sem.release(5)
print(mask(repr(sem)))
print(sum(1 for i in range(12) if sem.acquire(False)))
bsem = threading.BoundedSemaphore(3)
print(mask(repr(bsem)))
bsem.acquire()
print(mask(repr(bsem)))
bsem.release()
print(mask(repr(bsem)))
check('bounded release', bsem.release)
bsem.acquire()
bsem.acquire()
check('bounded release(3)', lambda: bsem.release(3))
print(mask(repr(bsem)))
check('bounded release(2)', lambda: bsem.release(2))
print(mask(repr(bsem)))
print(issubclass(threading.BoundedSemaphore, threading.Semaphore))
