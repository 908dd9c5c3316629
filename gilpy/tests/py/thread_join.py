# Thread.join: waits for the thread, join with timeout on a running thread, negative/zero timeouts, repeated joins, joins from several threads, is_alive/ident/repr states
import threading
import time


def mask_ident(s):
    # "<Thread(x, started 140...)>" -> IDENT
    for word in ('started daemon ', 'stopped daemon ', 'started ', 'stopped '):
        i = s.find(word)
        if i >= 0:
            j = i + len(word)
            k = j
            while k < len(s) and s[k] in '0123456789':
                k += 1
            if k > j:
                return s[:j] + 'IDENT' + s[k:]
    return s


out = []
gate1 = threading.Event()


def work(n):
    gate1.wait()
    out.append(n)


t = threading.Thread(target=work, args=(1,), name='w1')
print(mask_ident(repr(t)), t.is_alive(), t.ident, t.native_id)
t.start()
print(mask_ident(repr(t)), t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
gate1.set()
print(t.join(), out, t.is_alive())
print(mask_ident(repr(t)))
ident = t.ident
print('ident kept after exit', t.ident == ident, t.ident != threading.get_ident())
print('join again', t.join(), t.join(0), t.join(timeout=1), t.join(-1))

# join with a timeout on a thread that is still running
release = threading.Event()
t = threading.Thread(target=release.wait, name='blocked')
t.start()
t0 = time.monotonic()
print('join(0.1)', t.join(0.1))
dt = time.monotonic() - t0
print('timed out', t.is_alive(), dt >= 0.09, dt < 5)
t0 = time.monotonic()
print('join(0)', t.join(0), 'join(-5)', t.join(-5), t.is_alive(), time.monotonic() - t0 < 1)
print(mask_ident(repr(t)))
release.set()
t.join()
print('after release', t.is_alive(), mask_ident(repr(t)))

# daemon in repr
t = threading.Thread(target=release.wait, daemon=True, name='d')
print(repr(t))
t.start()
t.join()
print(mask_ident(repr(t)))

# join from several threads at once
gate = threading.Event()
target = threading.Thread(target=gate.wait)
target.start()
joined = []
lock = threading.Lock()


def joiner(i):
    target.join()
    with lock:
        joined.append((i, target.is_alive()))


joiners = [threading.Thread(target=joiner, args=(i,)) for i in range(5)]
for j in joiners:
    j.start()
time.sleep(0.02)
print('joined before the target ends', joined)
gate.set()
for j in joiners:
    j.join()
print('joined', sorted(joined))

# join with timeout from several threads: all time out while the target runs
gate = threading.Event()
target = threading.Thread(target=gate.wait)
target.start()
results = []


def timed_joiner():
    target.join(0.05)
    with lock:
        results.append(target.is_alive())


joiners = [threading.Thread(target=timed_joiner) for i in range(3)]
for j in joiners:
    j.start()
for j in joiners:
    j.join()
print('timed joiners saw alive', results)
gate.set()
target.join()
print('target done', target.is_alive())

# a thread joining another thread that joins a third
order = []


def third():
    time.sleep(0.01)
    order.append('third')


def second(t3):
    t3.join()
    order.append('second')


t3 = threading.Thread(target=third)
t2 = threading.Thread(target=second, args=(t3,))
t3.start()
t2.start()
t2.join()
order.append('main')
print(order)

# run() return value is ignored, join returns None
t = threading.Thread(target=lambda: 42)
t.start()
print('join returns', t.join())

# args as a list, kwargs
res = []
t = threading.Thread(target=lambda a, b, c=0: res.append((a, b, c)), args=[1, 2], kwargs={'c': 3})
t.start()
t.join()
t = threading.Thread(target=lambda *a: res.append(a), args=(x for x in 'xy'))
t.start()
t.join()
print(res)
