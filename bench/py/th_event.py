# Event ping-pong between two threads.
import threading

ROUNDS = 10000
ping, pong = threading.Event(), threading.Event()


def ponger():
    for _ in range(ROUNDS):
        ping.wait()
        ping.clear()
        pong.set()


t = threading.Thread(target=ponger)
t.start()
for _ in range(ROUNDS):
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print('done', ROUNDS)
