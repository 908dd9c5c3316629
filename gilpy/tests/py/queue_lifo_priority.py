# queue.LifoQueue and queue.PriorityQueue: retrieval order, maxsize, Empty/Full, task_done, uncomparable items, use from several threads
import queue
import threading


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, repr(str(e)))
    else:
        print(label, '->', r)


print(issubclass(queue.LifoQueue, queue.Queue), issubclass(queue.PriorityQueue, queue.Queue))

q = queue.LifoQueue()
for x in 'abcde':
    q.put(x)
print(q.qsize(), [q.get() for i in range(5)], q.empty())
q.put(1)
q.put(2)
print(q.get(), end=' ')
q.put(3)
print(q.get(), q.get())
check('lifo get_nowait', q.get_nowait)
q = queue.LifoQueue(2)
q.put('x')
q.put('y')
print(q.full())
check('lifo put_nowait', lambda: q.put_nowait('z'))
check('lifo put timeout', lambda: q.put('z', timeout=0.01))
print(q.get(), q.get())
q.task_done()
q.task_done()
check('lifo task_done', q.task_done)

q = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3, 9, 0, 7, 8, 6]:
    q.put(x)
print(q.qsize(), [q.get() for i in range(10)])
for item in [(2, 'two'), (1, 'one'), (3, 'three'), (1, 'uno'), (0, 'zero')]:
    q.put(item)
print([q.get() for i in range(5)])
for w in ['pear', 'apple', 'fig', 'banana']:
    q.put_nowait(w)
print([q.get_nowait() for i in range(4)])
check('priority get_nowait', q.get_nowait)
check('priority get timeout', lambda: q.get(timeout=0.01))
q = queue.PriorityQueue(maxsize=2)
q.put(2)
q.put(1)
check('priority put_nowait', lambda: q.put_nowait(0))
print(q.get(), q.get())
q = queue.PriorityQueue()
q.put({'a': 1})
check('uncomparable', lambda: q.put({'b': 2}))
print('qsize after failed put', q.qsize(), q.unfinished_tasks)

# interleaved puts and gets keep the heap order
q = queue.PriorityQueue()
out = []
for i in range(50):
    q.put((i * 37) % 101)
    if i % 3 == 0:
        out.append(q.get())
while not q.empty():
    out.append(q.get())
print(len(out), out[-10:] == sorted(out[-10:]))
print(sorted(out) == sorted((i * 37) % 101 for i in range(50)))

# several producer threads, then drain in priority order
q = queue.PriorityQueue()


def produce(k):
    for i in range(100):
        q.put((i, k))


threads = [threading.Thread(target=produce, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
drained = [q.get() for i in range(400)]
print('priority from threads', drained == sorted(drained), drained[:5], drained[-1])

q = queue.LifoQueue()
threads = [threading.Thread(target=lambda k=k: [q.put(k) for i in range(100)]) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
drained = [q.get() for i in range(400)]
print('lifo from threads', sorted(drained.count(k) for k in range(4)), q.empty())
