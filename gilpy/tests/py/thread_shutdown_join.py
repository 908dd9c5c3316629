# at exit the interpreter joins non-daemon threads: the main module ends first, the workers finish after it, including a thread started by a worker
import threading
import time

go = threading.Event()
worker_done = threading.Event()


def worker():
    go.wait()
    time.sleep(0.05)
    print('worker finished after main')
    worker_done.set()


def grandchild():
    time.sleep(0.1)
    print('grandchild finished after main, started by a thread')


def starter():
    worker_done.wait()
    t = threading.Thread(target=grandchild)
    print('starter: new thread is daemon:', t.daemon)
    t.start()
    print('starter ends')


threading.Thread(target=worker).start()
threading.Thread(target=starter).start()
print('non-daemon by default:', threading.Thread().daemon)
print('main module done')
go.set()
