# threading.Event: is_set/set/clear, waiters all woken by set, wait timeouts, set-then-clear still wakes waiters, repr
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


def wait_until(pred):
    for i in range(5000):
        if pred():
            return True
        time.sleep(0.001)
    return False


# test_is_set
evt = threading.Event()
print(mask(repr(evt)))
print(evt.is_set())
print(evt.set(), evt.is_set())
print(mask(repr(evt)))
evt.set()
print(evt.is_set())
print(evt.clear(), evt.is_set())
evt.clear()
print(evt.is_set())
print(mask(repr(evt)))

# test_notify: 5 waiters, two successive waits each, after set(); repeated after clear()
for rnd in range(2):
    evt.clear()
    results1 = []
    results2 = []

    def waiter():
        results1.append(evt.wait())
        results2.append(evt.wait())

    threads = [threading.Thread(target=waiter) for i in range(5)]
    for t in threads:
        t.start()
    print('round', rnd, 'blocked', wait_until(lambda: len(evt._cond._waiters) == 5),
          len(results1))
    evt.set()
    for t in threads:
        t.join()
    print('round', rnd, results1, results2)

# test_timeout
evt = threading.Event()
results1 = []
results2 = []


def timed_waiter():
    results1.append(evt.wait(0.0))
    t0 = time.monotonic()
    r = evt.wait(0.1)
    dt = time.monotonic() - t0
    results2.append((r, dt >= 0.09, dt < 5))


threads = [threading.Thread(target=timed_waiter) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('timeouts', results1, results2)
evt.set()
t0 = time.monotonic()
print('set: wait(0)', evt.wait(0.0), 'wait(0.5)', evt.wait(0.5), 'wait()', evt.wait(),
      'quick', time.monotonic() - t0 < 1)
print('negative timeout when set', evt.wait(-1))
evt.clear()
print('negative timeout when clear', evt.wait(-1))

# test_set_and_clear (gh-57711): waiters woken by set() return True even if clear() follows at once
evt = threading.Event()
results = []


def waiter2():
    results.append(evt.wait(5))


threads = [threading.Thread(target=waiter2) for i in range(5)]
for t in threads:
    t.start()
wait_until(lambda: len(evt._cond._waiters) == 5)
evt.set()
evt.clear()
for t in threads:
    t.join()
print('set then clear', results, evt.is_set())

# an event used as a start gun: all threads see it
evt = threading.Event()
ready = []


def runner(i):
    evt.wait()
    ready.append(i)


threads = [threading.Thread(target=runner, args=(i,)) for i in range(20)]
for t in threads:
    t.start()
time.sleep(0.01)
print('before the gun', len(ready))
evt.set()
for t in threads:
    t.join()
print('after the gun', sorted(ready) == list(range(20)))
