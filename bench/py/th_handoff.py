# Lock hand-off between two threads: each round trip crosses the GIL twice.
import threading

ROUNDS = 20000
a, b = threading.Lock(), threading.Lock()
a.acquire()
b.acquire()


def other():
    for _ in range(ROUNDS):
        a.acquire()
        b.release()


t = threading.Thread(target=other)
t.start()
for _ in range(ROUNDS):
    a.release()
    b.acquire()
t.join()
print('done', ROUNDS)
