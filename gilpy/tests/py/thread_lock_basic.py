# threading.Lock / _thread.allocate_lock in one thread: acquire, release, locked, repr, with, aliases
import _thread
import threading


def mask(s):
    # hide the address in "<... at 0x7f...>"
    i = s.find(' at 0x')
    if i < 0:
        return s
    j = i + 6
    while j < len(s) and s[j] in '0123456789abcdef':
        j += 1
    return s[:i] + ' at ADDR' + s[j:]


print(threading.Lock is _thread.allocate_lock)
print(_thread.LockType.__name__, _thread.LockType.__module__)

for name, factory in [('threading.Lock', threading.Lock),
                      ('_thread.allocate_lock', _thread.allocate_lock),
                      ('_thread.allocate', _thread.allocate)]:
    print('--', name)
    lock = factory()
    print(type(lock) is _thread.LockType, isinstance(lock, _thread.LockType))
    print(mask(repr(lock)))
    print('locked', lock.locked())
    print('acquire', lock.acquire())
    print(mask(repr(lock)))
    print('locked', lock.locked())
    print('release', lock.release())
    print('locked', lock.locked())
    # non-blocking acquire
    print('try', lock.acquire(False))
    print('try again', lock.acquire(False))
    print('try kw', lock.acquire(blocking=False))
    print('try timeout', lock.acquire(timeout=0))
    print('try timeout 0.01', lock.acquire(True, 0.01))
    print('acquire(False, -1)', lock.acquire(False, -1))
    lock.release()
    print('locked', lock.locked())
    print('acquire timeout on free lock', lock.acquire(timeout=5))
    lock.release()
    print('acquire -1', lock.acquire(True, -1))
    lock.release()
    # old names
    print('acquire_lock', lock.acquire_lock())
    print('locked_lock', lock.locked_lock())
    print('release_lock', lock.release_lock())
    print('locked_lock', lock.locked_lock())
    # context manager
    with lock:
        print('in with', lock.locked())
    print('after with', lock.locked())
    try:
        with lock:
            print('raising in with', lock.locked())
            raise TypeError('from the body')
    except TypeError as e:
        print(type(e).__name__, e)
    print('after failed with', lock.locked())
    print('__enter__', lock.__enter__())
    print('__exit__', lock.__exit__(None, None, None))
    print('locked', lock.locked())
    print('__enter__ non-blocking', lock.__enter__(False), lock.__enter__(False))
    lock.__exit__(None, None, None)
    # the same lock object through several names
    other = lock
    other.acquire()
    print('alias sees', lock.locked())
    lock.release()
    # deleting a held lock is safe
    held = factory()
    held.acquire()
    del held
    print('deleted a held lock')
    # many locks
    locks = [factory() for i in range(100)]
    for lk in locks:
        lk.acquire()
    print(sum(1 for lk in locks if lk.locked()))
    for lk in locks[::2]:
        lk.release()
    print(sum(1 for lk in locks if lk.locked()))
    del locks
