# queue.Queue put/get between a producer and a consumer thread.
import queue
import threading

N = 50000
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
