# sys.exit() in the main thread still waits for non-daemon threads, and the exit status is kept
import sys
import threading

go = threading.Event()


def worker():
    go.wait()
    for i in range(3):
        print('worker step', i)


threading.Thread(target=worker).start()
print('main calls sys.exit(4)')
go.set()
sys.exit(4)
