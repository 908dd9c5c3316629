# deep recursion in a thread raises RecursionError (not a crash), in Python code and in repr of a deeply nested list; a raised limit works in a thread; uncaught, it reaches excepthook
import sys
import threading

print(sys.getrecursionlimit())
results = []


def recurse(n):
    return recurse(n + 1)


def deep():
    try:
        recurse(0)
    except RecursionError as e:
        results.append((type(e).__name__, str(e)))


t = threading.Thread(target=deep)
t.start()
t.join()
print(results)

# how deep it got: close to the limit (the thread's own frames take a few)
depth = [0]


def measure(n):
    depth[0] = n
    measure(n + 1)


def run_measure():
    try:
        measure(1)
    except RecursionError:
        pass


for limit in (1000, 3000):
    sys.setrecursionlimit(limit)
    t = threading.Thread(target=run_measure)
    t.start()
    t.join()
    print('limit', limit, 'reached', limit - 50 < depth[0] < limit)
sys.setrecursionlimit(1000)

# the thread can go on after the error, and recurse again
after = []


def twice():
    for i in range(3):
        try:
            recurse(0)
        except RecursionError:
            after.append(i)
    after.append(sum(range(100)))


t = threading.Thread(target=twice)
t.start()
t.join()
print(after)

# repr of a deeply nested list
nested = []
for i in range(10000):
    nested = [nested]
res = []


def deep_repr():
    try:
        repr(nested)
    except RecursionError as e:
        res.append((type(e).__name__, str(e)))


t = threading.Thread(target=deep_repr)
t.start()
t.join()
print(res)

# several threads recursing at once
out = []
lock = threading.Lock()


def many():
    try:
        recurse(0)
    except RecursionError:
        with lock:
            out.append(1)


threads = [threading.Thread(target=many) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('eight threads', len(out))


# uncaught RecursionError goes to threading.excepthook
def hook(args):
    print('excepthook:', args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = hook
t = threading.Thread(target=recurse, args=(0,), name='deep')
t.start()
t.join()

# the main thread still works
try:
    recurse(0)
except RecursionError as e:
    print('main:', type(e).__name__, e)
