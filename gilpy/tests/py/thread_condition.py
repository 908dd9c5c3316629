# threading.Condition: default RLock, explicit Lock, un-acquired wait/notify errors, notify(n) wakes exactly n, notify_all, wait_for, repr
import threading
import time


def mask(s):
    while ' at 0x' in s:
        i = s.find(' at 0x')
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef':
            j += 1
        s = s[:i] + ' at ADDR' + s[j:]
    i = s.find('owner=')
    if i >= 0:
        j = i + 6
        while j < len(s) and s[j] in '0123456789':
            j += 1
        s = s[:i + 6] + ('0' if s[i + 6:j] == '0' else 'IDENT') + s[j:]
    return s


def count(lock):
    # the recursion count, read from the repr ("... count=N at 0x...>")
    r = repr(lock)
    return int(r[r.index('count=') + 6:r.index(' at ')])


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


# test_acquire
cond = threading.Condition()
print(mask(repr(cond)))
print(cond.acquire(), cond.acquire())      # the default RLock nests
print(mask(repr(cond)))
cond.release()
cond.release()
lock = threading.Lock()
cond = threading.Condition(lock)
print(cond.acquire())
print('lock held by cond.acquire:', lock.locked(), lock.acquire(False))
cond.release()
print('released:', lock.locked())
with cond:
    print('with cond holds the lock:', lock.acquire(False))
print('after with:', lock.locked())
print(mask(repr(cond)))
print(cond.acquire(False), cond.acquire(False))
cond.release()
rl = threading.RLock()
cond = threading.Condition(rl)
with cond:
    with rl:
        print('shared RLock count', count(rl))

# test_unacquired_wait / test_unacquired_notify
for c in (threading.Condition(), threading.Condition(threading.Lock())):
    check('wait', c.wait)
    check('wait(0)', lambda: c.wait(0))
    check('wait_for', lambda: c.wait_for(lambda: True))
    check('notify', c.notify)
    check('notify(3)', lambda: c.notify(3))
    check('notify_all', c.notify_all)
    with c:
        print('notify without waiters', c.notify(), c.notify(5), c.notify_all())
        print('wait(0)', c.wait(0), 'wait(0.01)', c.wait(0.01))
        print('wait_for true at once', c.wait_for(lambda: 'yes'))
        print('wait_for(timeout=0)', c.wait_for(lambda: 0, timeout=0))
        print('wait_for(timeout=0.01)', c.wait_for(lambda: [], timeout=0.01))

# test_notify: 5 waiters, notify(3) wakes exactly 3, then notify(5), then notify_all
for lockkind in ('RLock', 'Lock'):
    cond = threading.Condition(threading.Lock() if lockkind == 'Lock' else None)
    print('--', lockkind)
    phase = [0]
    results1 = []
    results2 = []
    ready = []

    def waiter():
        with cond:
            ready.append(1)
            r = cond.wait()
            results1.append((r, phase[0]))
            ready.append(2)
            r = cond.wait()
            results2.append((r, phase[0]))

    threads = [threading.Thread(target=waiter) for i in range(5)]
    for t in threads:
        t.start()
    print('waiting', wait_until(lambda: len(ready) == 5 and len(cond._waiters) == 5))
    print('woken before notify', len(results1))
    with cond:
        phase[0] = 1
        print('notify(3)', cond.notify(3))
    print('3 woke', wait_until(lambda: len(results1) == 3))
    time.sleep(0.02)
    print('first wait results', results1, len(results2))
    print('waiting again', wait_until(lambda: len(cond._waiters) == 5))
    with cond:
        phase[0] = 2
        cond.notify(5)
    print('5 woke', wait_until(lambda: len(results1) + len(results2) == 8))
    time.sleep(0.02)
    print('results', sorted(results1), sorted(results2))
    print('waiting for the last time', wait_until(lambda: len(cond._waiters) == 2))
    with cond:
        phase[0] = 3
        cond.notify_all()
    for t in threads:
        t.join()
    print('results', sorted(results1), sorted(results2))
    print(mask(repr(cond)))

# test_waitfor: wait_for returns True once 4 notifications make it true
cond = threading.Condition()
state = [0]
out = []


def wait_for_four():
    with cond:
        r = cond.wait_for(lambda: state[0] == 4)
        out.append((r, state[0]))


t = threading.Thread(target=wait_for_four)
t.start()
for i in range(4):
    wait_until(lambda: len(cond._waiters) == 1)
    with cond:
        state[0] += 1
        cond.notify()
t.join()
print('wait_for', out)

# wait_for returns the predicate's own value
cond = threading.Condition()
box = []


def produce():
    with cond:
        box.append('item')
        cond.notify()


with cond:
    threading.Thread(target=produce).start()
    print('wait_for value', cond.wait_for(lambda: box and box[-1]))

# test_waitfor_timeout
cond = threading.Condition()
with cond:
    t0 = time.monotonic()
    r = cond.wait_for(lambda: False, timeout=0.1)
    dt = time.monotonic() - t0
print('wait_for timeout', r, dt >= 0.09, dt < 5)

# test_timeout: wait(0.1) returns False in 5 threads
cond = threading.Condition()
res = []


def timed():
    with cond:
        t0 = time.monotonic()
        r = cond.wait(0.1)
        dt = time.monotonic() - t0
    res.append((r, dt >= 0.09, dt < 5))


threads = [threading.Thread(target=timed) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('timed waits', res)
print('no waiters left', len(cond._waiters))

# the lock is owned again after wait, even after a timeout
cond = threading.Condition(threading.Lock())
with cond:
    cond.wait(0.01)
    print('lock held after timed-out wait:', cond._lock.locked())
cond = threading.Condition(threading.RLock())
with cond:
    with cond:
        cond.wait(0.01)
        print('RLock count restored after wait:', count(cond._lock))
