# Uncontended Lock and RLock acquire + release (with and without `with`).
import threading

lock = threading.Lock()
rlock = threading.RLock()
n = 0
for i in range(400000):
    lock.acquire()
    lock.release()
    with rlock:
        n += 1
    with lock:
        pass
print(n)
