# threading.Barrier: lock-step cycles, wait() indices, action, abort, reset, timeouts, default timeout, single party, repr, BrokenBarrierError
import threading
import time

N = 5


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


def run_threads(n, func):
    threads = [threading.Thread(target=func) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


print(issubclass(threading.BrokenBarrierError, RuntimeError))
e = threading.BrokenBarrierError()
print(repr(e), repr(str(e)), e.args)

# test_constructor (3.11 does not check parties)
for parties in (0, -1):
    b = threading.Barrier(parties)
    print('parties', parties, b.parties, b.n_waiting, b.broken)

# test_barrier / test_barrier_10: lock-step passes
for passes in (1, 10):
    barrier = threading.Barrier(N, timeout=5)
    results = [[] for i in range(passes)]
    lock = threading.Lock()

    def multipass():
        for i in range(passes):
            # nobody may be in pass i+1 before everyone finished pass i
            with lock:
                results[i].append(True)
                ok = all(len(r) == 0 for r in results[i + 1:])
            barrier.wait()
            with lock:
                results[i][-1] = results[i][-1] and ok
        barrier.wait()

    run_threads(N, multipass)
    print('passes', passes, [len(r) for r in results], all(all(r) for r in results))
    print('n_waiting', barrier.n_waiting, 'broken', barrier.broken)

# test_wait_return: the indices of one cycle are a permutation of 0..N-1
barrier = threading.Barrier(N, timeout=5)
indices = []
run_threads(N, lambda: indices.append(barrier.wait()))
print('indices', sorted(indices))

# test_action: runs exactly once, before anyone returns
calls = []
barrier = threading.Barrier(N, action=lambda: calls.append(len(after)), timeout=5)
after = []


def with_action():
    barrier.wait()
    after.append(len(calls))


run_threads(N, with_action)
print('action calls', calls, 'seen after', after)

# an action that raises: the barrier breaks, the thread that ran it gets the error
def bad_action():
    raise ZeroDivisionError('in action')


barrier = threading.Barrier(3, action=bad_action, timeout=5)
outcomes = []
lock = threading.Lock()


def against_bad_action():
    try:
        barrier.wait()
        r = 'passed'
    except threading.BrokenBarrierError:
        r = 'BrokenBarrierError'
    except ZeroDivisionError as e:
        r = 'ZeroDivisionError ' + str(e)
    with lock:
        outcomes.append(r)


run_threads(3, against_bad_action)
print('bad action', sorted(outcomes), barrier.broken)

# test_abort: one thread aborts after the first pass
barrier = threading.Barrier(N, timeout=5)
results1 = []
results2 = []
results3 = []


def abort_one():
    try:
        i = barrier.wait()
        if i == N // 2:
            raise RuntimeError('abort me')
        barrier.wait()
        results1.append(True)
    except threading.BrokenBarrierError:
        results2.append(True)
    except RuntimeError:
        barrier.abort()
        results3.append(True)


run_threads(N, abort_one)
print('abort', len(results1), len(results2), len(results3), barrier.broken)
print(mask(repr(barrier)))
try:
    barrier.wait()
except threading.BrokenBarrierError as e:
    print('wait on a broken barrier:', type(e).__name__, repr(str(e)))

# test_reset: reset() while N-1 wait; they get BrokenBarrierError; then all pass again
barrier = threading.Barrier(N, timeout=5)
results1 = []
results2 = []
results3 = []


def reset_one():
    i = barrier.wait()
    if i == N // 2:
        wait_until(lambda: barrier.n_waiting == N - 1)
        barrier.reset()
    else:
        try:
            barrier.wait()
            results1.append(True)
        except threading.BrokenBarrierError:
            results2.append(True)
    barrier.wait()
    results3.append(True)


run_threads(N, reset_one)
print('reset', len(results1), len(results2), len(results3), barrier.broken)

# test_abort_and_reset: after abort, a synchronised reset makes it usable again
barrier = threading.Barrier(N, timeout=5)
barrier2 = threading.Barrier(N, timeout=5)
results1 = []
results2 = []
results3 = []


def abort_and_reset():
    try:
        i = barrier.wait()
        if i == N // 2:
            raise RuntimeError('abort')
        barrier.wait()
        results1.append(True)
    except threading.BrokenBarrierError:
        results2.append(True)
    except RuntimeError:
        barrier.abort()
    if barrier2.wait() == N // 2:
        barrier.reset()
    barrier2.wait()
    barrier.wait()
    results3.append(True)


run_threads(N, abort_and_reset)
print('abort and reset', len(results1), len(results2), len(results3), barrier.broken)

# test_timeout: a late thread makes wait(timeout=0.1) raise in the others
barrier = threading.Barrier(N)
outcomes = []


def late():
    i = barrier.wait()
    if i == N // 2:
        time.sleep(0.4)
    try:
        barrier.wait(0.1)
        outcomes.append('passed')
    except threading.BrokenBarrierError:
        outcomes.append('broken')


run_threads(N, late)
print('timeout', outcomes.count('broken'), outcomes.count('passed'), barrier.broken)

# test_default_timeout: the constructor's timeout applies when wait() gets none
barrier = threading.Barrier(N, timeout=0.1)
outcomes = []


def late_default():
    i = barrier.wait(5)
    if i == N // 2:
        time.sleep(0.4)
    try:
        barrier.wait()
        outcomes.append('passed')
    except threading.BrokenBarrierError:
        outcomes.append('broken')


run_threads(N, late_default)
print('default timeout', outcomes.count('broken'), outcomes.count('passed'), barrier.broken)

# test_single_thread
b = threading.Barrier(1)
print('single', b.wait(), b.wait(), b.wait(), b.n_waiting)

# test_repr
barrier = threading.Barrier(3)
print(mask(repr(barrier)))
threads = [threading.Thread(target=lambda: barrier.wait(5)) for i in range(2)]
for t in threads:
    t.start()
wait_until(lambda: barrier.n_waiting == 2)
print(mask(repr(barrier)), barrier.n_waiting)
barrier.wait()
for t in threads:
    t.join()
print(mask(repr(barrier)))
barrier.abort()
print(mask(repr(barrier)), barrier.broken)
barrier.reset()
print(mask(repr(barrier)), barrier.broken, barrier.parties)
