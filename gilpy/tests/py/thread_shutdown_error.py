# an uncaught exception in the main thread: the traceback is printed, then non-daemon threads are still joined, exit status 1
import threading

go = threading.Event()
done = []


def worker():
    go.wait()
    print('worker ran to the end')


threading.Thread(target=worker).start()
print('main raises')
go.set()
raise ValueError('main failed')
