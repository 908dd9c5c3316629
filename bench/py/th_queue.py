# Queue put/get between a producer and a consumer; thread start + join.
import queue
import threading

N = 30000
q = queue.Queue()


def consumer():
    total = 0
    while True:
        x = q.get()
        if x is None:
            break
        total += x
    print(total)


t = threading.Thread(target=consumer)
t.start()
for i in range(N):
    q.put(i)
q.put(None)
t.join()

for _ in range(1000):
    t = threading.Thread(target=int)
    t.start()
    t.join()
print('started and joined 1000')
