# Uncontended Lock acquire + release, by method calls and by `with`.
import threading

lock = threading.Lock()
n = 0
for i in range(500000):
    lock.acquire()
    lock.release()
    with lock:
        n += 1
print(n)
