# threading.RLock / _thread.RLock: nesting, owner-only release, _is_owned, recursion count (from the repr), _release_save/_acquire_restore, repr, with, contention
import _thread
import threading
import time


def mask(s):
    # "<locked _thread.RLock object owner=140... count=1 at 0x7f...>"
    i = s.find(' at 0x')
    if i >= 0:
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef':
            j += 1
        s = s[:i] + ' at ADDR' + s[j:]
    i = s.find('owner=')
    if i >= 0:
        j = i + 6
        while j < len(s) and s[j] in '0123456789':
            j += 1
        owner = s[i + 6:j]
        s = s[:i + 6] + ('0' if owner == '0' else 'IDENT') + s[j:]
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


print(threading._CRLock is _thread.RLock)
print(type(threading.RLock()) is _thread.RLock)

for name, factory in [('threading.RLock', threading.RLock), ('_thread.RLock', _thread.RLock)]:
    print('--', name)
    lock = factory()
    print(mask(repr(lock)))
    print('owned', lock._is_owned(), 'count', count(lock))
    # test_reacquire
    print(lock.acquire(), lock.acquire(), lock.acquire(blocking=False), lock.acquire(timeout=0.5))
    print(mask(repr(lock)))
    print('owned', lock._is_owned(), 'count', count(lock))
    print(lock.release(), count(lock))
    print(lock.release(), count(lock))
    print(lock.release(), count(lock))
    print(mask(repr(lock)))
    print(lock.release(), count(lock))
    print(mask(repr(lock)))
    print('owned', lock._is_owned())
    # test_release_unacquired
    check('release', lock.release)
    lock.acquire()
    lock.acquire()
    lock.release()
    lock.acquire()
    lock.release()
    lock.release()
    check('release after balanced use', lock.release)
    # test_release_save_unacquired
    check('_release_save', lock._release_save)
    lock.acquire()
    lock.acquire()
    lock.release()
    lock.release()
    check('_release_save after balanced use', lock._release_save)
    # _release_save / _acquire_restore
    lock.acquire()
    lock.acquire()
    lock.acquire()
    state = lock._release_save()
    print('saved count', state[0], 'owner is me', state[1] == threading.get_ident())
    print('after _release_save:', lock._is_owned(), count(lock), mask(repr(lock)))
    lock._acquire_restore(state)
    print('after _acquire_restore:', lock._is_owned(), count(lock))
    for i in range(3):
        lock.release()
    # the recursion count through nesting (test_recursion_count)
    counts = [count(lock)]
    lock.acquire()
    counts.append(count(lock))
    lock.acquire()
    lock.acquire()
    counts.append(count(lock))
    lock.release()
    counts.append(count(lock))
    # another thread, while main holds it
    other = []
    t = threading.Thread(target=lambda: other.append(lock._is_owned()))
    t.start()
    t.join()
    lock.release()
    lock.release()
    counts.append(count(lock))
    print('recursion counts', counts, 'in another thread', other)
    # with, nested
    with lock:
        with lock:
            print('nested with', count(lock))
        print('outer with', count(lock))
    print('after with', count(lock))
    try:
        with lock:
            raise KeyError('body')
    except KeyError as e:
        print(type(e).__name__, e, lock._is_owned())
    # test_different_thread: releasing an RLock owned by another thread
    lock = factory()
    errs = []
    held = threading.Event()
    go = threading.Event()

    def owner():
        lock.acquire()
        held.set()
        go.wait()
        lock.release()

    t = threading.Thread(target=owner)
    t.start()
    held.wait()
    print('held by other:', mask(repr(lock)))
    check('release from non-owner', lock.release)
    print('owned by main:', lock._is_owned())
    print('try from main:', lock.acquire(False))
    go.set()
    t.join()
    print('after owner released:', mask(repr(lock)))
    # test__is_owned through nesting, seen from another thread
    lock = factory()
    seen = []

    def look():
        seen.append(lock._is_owned())

    def look_from_thread():
        t = threading.Thread(target=look)
        t.start()
        t.join()

    look()
    lock.acquire()
    look()
    look_from_thread()
    lock.acquire()
    look()
    look_from_thread()
    lock.release()
    look()
    lock.release()
    look()
    look_from_thread()
    print('_is_owned:', seen)
    # contention: 5 threads nest 3 deep
    lock = factory()
    order = []

    def nest(i):
        with lock:
            with lock:
                with lock:
                    order.append(count(lock))
                    time.sleep(0.001)

    threads = [threading.Thread(target=nest, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('contended nesting', order, lock._is_owned(), lock.acquire(False))
    lock.release()

print('-- constructor arguments')
print(mask(repr(threading.RLock(1, x=2))))
print(mask(repr(_thread.RLock(1, x=2))))
