# threading.Thread start + join, one thread at a time.
import threading

count = [0]


def body():
    count[0] += 1


for _ in range(3000):
    t = threading.Thread(target=body)
    t.start()
    t.join()
print('started and joined', count[0])
