# a Condition used as a lock (its default RLock): nesting, with, release errors, contended try-acquire, blocking until the owner releases, repr waiter count
import threading
import time


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


cond = threading.Condition()
check('release unacquired', cond.release)
print(cond.acquire(), cond.acquire(False), cond.acquire(timeout=0.1), cond.acquire(True))
print('owned', cond._is_owned())
for i in range(4):
    cond.release()
print('owned', cond._is_owned())
check('release after balanced use', cond.release)
with cond:
    with cond:
        print('nested with', cond._is_owned())
print('after with', cond._is_owned())
try:
    with cond:
        raise TypeError('body')
except TypeError as e:
    print(type(e).__name__, e, cond._is_owned())

# another thread cannot take it or release it
cond.acquire()
res = []


def other():
    res.append(cond.acquire(False))
    try:
        cond.release()
    except RuntimeError as e:
        res.append(str(e))
    res.append(cond._is_owned())


t = threading.Thread(target=other)
t.start()
t.join()
print('from another thread', res)

# a blocked acquirer proceeds once the owner releases
order = []


def blocked():
    with cond:
        order.append('thread got it')


t = threading.Thread(target=blocked)
t.start()
time.sleep(0.02)
order.append('main releases')
cond.release()
t.join()
print(order)

# a Condition over a plain Lock is not reentrant
cond = threading.Condition(threading.Lock())
print(cond.acquire(), cond.acquire(False), cond._is_owned())
cond.release()
print('owned after release', cond._is_owned())
check('release unacquired Lock-based', cond.release)

# the waiter count in repr
cond = threading.Condition(threading.Lock())


def waiter():
    with cond:
        cond.wait()


threads = [threading.Thread(target=waiter) for i in range(3)]
for t in threads:
    t.start()
wait_until(lambda: len(cond._waiters) == 3)
r = repr(cond)
print(r[:r.index('(') + 1] + '...' + r[r.rindex(','):])
with cond:
    cond.notify_all()
for t in threads:
    t.join()
r = repr(cond)
print(r[:r.index('(') + 1] + '...' + r[r.rindex(','):])
