# test_various_ops: 10 threads limited to 3 at a time by a BoundedSemaphore; the running counter never passes 3, every thread runs, reprs before/after
import sys
import threading
import time

sys.setswitchinterval(0.0005)
NUMTASKS = 10
sema = threading.BoundedSemaphore(value=3)
mutex = threading.RLock()
running = [0]
peak = [0]
ran = []


class TestThread(threading.Thread):
    def run(self):
        with sema:
            with mutex:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
                ran.append(self.name)
            time.sleep(0.01)
            with mutex:
                running[0] -= 1


threads = []
for i in range(NUMTASKS):
    t = TestThread(name='<thread %d>' % i)
    threads.append(t)
    print(repr(t))
    t.start()

for t in threads:
    t.join()
    print(t.is_alive(), repr(t).split(', stopped')[0])
print('peak <= 3:', peak[0] <= 3, 'peak >= 1:', peak[0] >= 1)
print('ran', sorted(ran) == sorted(t.name for t in threads), 'running', running[0])
print('semaphore free', sema.acquire(False), sema.acquire(False), sema.acquire(False), sema.acquire(False))
