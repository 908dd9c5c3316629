# Uncontended RLock acquire + release, by method calls, by `with`, nested.
import threading

rlock = threading.RLock()
n = 0
for i in range(300000):
    rlock.acquire()
    rlock.release()
    with rlock:
        with rlock:
            n += 1
print(n)
