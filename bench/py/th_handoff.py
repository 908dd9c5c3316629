# Lock hand-off and Event / Condition ping-pong between two threads.
import threading

ROUNDS = 20000
a, b = threading.Lock(), threading.Lock()
a.acquire()
b.acquire()


def other():
    for _ in range(ROUNDS):
        a.acquire()
        b.release()


t = threading.Thread(target=other)
t.start()
for _ in range(ROUNDS):
    a.release()
    b.acquire()
t.join()

ping, pong = threading.Event(), threading.Event()


def ponger():
    for _ in range(ROUNDS // 2):
        ping.wait()
        ping.clear()
        pong.set()


t = threading.Thread(target=ponger)
t.start()
for _ in range(ROUNDS // 2):
    ping.set()
    pong.wait()
    pong.clear()
t.join()

cond = threading.Condition()
turn = [0]


def waiter():
    for i in range(ROUNDS // 2):
        with cond:
            while turn[0] != 1:
                cond.wait()
            turn[0] = 0
            cond.notify()


t = threading.Thread(target=waiter)
t.start()
for i in range(ROUNDS // 2):
    with cond:
        turn[0] = 1
        cond.notify()
        while turn[0] != 0:
            cond.wait()
t.join()
print('done')
