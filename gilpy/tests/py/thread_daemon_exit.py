# daemon threads do not keep the process alive: blocked, sleeping and CPU-bound daemon threads are abandoned at exit; daemon status is inherited
import threading
import time

forever = threading.Lock()
forever.acquire()
started = []
lock = threading.Lock()


def mark(name):
    with lock:
        started.append(name)


def blocked():
    mark('blocked')
    forever.acquire()
    print('never printed')


def sleeper():
    mark('sleeper')
    while True:
        time.sleep(0.01)


def busy():
    mark('busy')
    data = []
    n = 0
    while True:
        data.append(n)
        if len(data) > 100:
            data = []
        n += 1


def spawner():
    child = threading.Thread(target=busy)
    mark('spawner child daemon=%s' % child.daemon)
    child.start()
    forever.acquire()


threads = [threading.Thread(target=blocked, daemon=True),
           threading.Thread(target=sleeper, daemon=True),
           threading.Thread(target=busy, daemon=True)]
t = threading.Thread(target=spawner)
t.daemon = True
threads.append(t)
for t in threads:
    t.start()
for i in range(5000):
    with lock:
        if len(started) == 5:
            break
    time.sleep(0.001)
print(sorted(started))
print([t.daemon for t in threads])
print(all(t.is_alive() for t in threads))
print('active', threading.active_count())
print('main done')
