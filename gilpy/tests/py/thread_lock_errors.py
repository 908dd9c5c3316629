# Lock and RLock argument errors and their messages; release of an unlocked lock; TIMEOUT_MAX
import _thread
import threading


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, type(threading.TIMEOUT_MAX).__name__)
print(threading.TIMEOUT_MAX > 1e9)
print(threading.ThreadError is RuntimeError, _thread.error is RuntimeError)

for name, factory in [('Lock', threading.Lock), ('RLock', threading.RLock),
                      ('_thread.RLock', _thread.RLock)]:
    print('--', name)
    lk = factory()
    check('release unlocked', lambda: lk.release())
    check('acquire(False, 1)', lambda: lk.acquire(False, 1))
    check('acquire(blocking=False, timeout=0)',
          lambda: lk.acquire(blocking=False, timeout=0))
    check('acquire(timeout=-100)', lambda: lk.acquire(timeout=-100))
    check('acquire(timeout=-0.5)', lambda: lk.acquire(timeout=-0.5))
    check('acquire(timeout=1e100)', lambda: lk.acquire(timeout=1e100))
    check('acquire(timeout=TIMEOUT_MAX + 1)',
          lambda: lk.acquire(timeout=threading.TIMEOUT_MAX + 1))
    check('acquire(timeout="1")', lambda: lk.acquire(timeout='1'))
    check('acquire("x")', lambda: lk.acquire('x'))
    check('acquire(1, 2, 3)', lambda: lk.acquire(1, 2, 3))
    check('acquire(bad=1)', lambda: lk.acquire(bad=1))
    print('still unlocked after errors:', lk.acquire(False))
    lk.release()
    check('acquire(timeout=TIMEOUT_MAX)', lambda: lk.acquire(timeout=threading.TIMEOUT_MAX))
    lk.release()
    check('acquire(1, -1)', lambda: lk.acquire(1, -1))
    lk.release()
    check('acquire(0, -1)', lambda: lk.acquire(0, -1))
    lk.release()
    check('acquire(blocking=[])', lambda: lk.acquire(blocking=[]))
    check('acquire(blocking=1.5)', lambda: lk.acquire(blocking=1.5))
    check('acquire(blocking=None)', lambda: lk.acquire(blocking=None))
    print('still unlocked:', lk.acquire(False))
    lk.release()
    check('release again', lambda: lk.release())

print('-- construction')
check('Lock(1)', lambda: threading.Lock(1))
check('Lock(x=1)', lambda: threading.Lock(x=1))
check('allocate_lock(1)', lambda: _thread.allocate_lock(1))
check('LockType()', lambda: _thread.LockType())
check('Lock.release(1)', lambda: threading.Lock().release(1))
check('Lock.locked(1)', lambda: threading.Lock().locked(1))
