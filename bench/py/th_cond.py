# Condition ping-pong between two threads (wait / notify on one Condition).
import threading

ROUNDS = 10000
cond = threading.Condition()
turn = [0]


def waiter():
    for i in range(ROUNDS):
        with cond:
            while turn[0] != 1:
                cond.wait()
            turn[0] = 0
            cond.notify()


t = threading.Thread(target=waiter)
t.start()
for i in range(ROUNDS):
    with cond:
        turn[0] = 1
        cond.notify()
        while turn[0] != 0:
            cond.wait()
t.join()
print('done', ROUNDS)
