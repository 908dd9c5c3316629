# forced switching between CPU-bound threads: a spinning thread does not starve the others, spin-wait ping-pong completes, switch interval settings
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.0001)
print(abs(sys.getswitchinterval() - 0.0001) < 1e-9)

# the main thread spins until a worker (which needs the GIL) sets a flag
flag = [False]


def setter():
    total = 0
    for i in range(10000):
        total += i
    flag[0] = total


t = threading.Thread(target=setter)
t.start()
spins = 0
while not flag[0]:
    spins += 1
t.join()
print('flag set by worker', flag[0])

# two threads spin-waiting on each other, turn by turn
N = 100
turn = [0]
log = []


def player(me):
    for i in range(N):
        while turn[0] != me:
            pass
        log.append(me)
        turn[0] = 1 - me


a = threading.Thread(target=player, args=(0,))
b = threading.Thread(target=player, args=(1,))
a.start()
b.start()
a.join()
b.join()
print('ping-pong', len(log), log[:6], all(log[i] != log[i + 1] for i in range(len(log) - 1)))

# several CPU-bound threads all finish with exact results
results = [0] * 4


def crunch(k):
    s = 0
    for i in range(50000):
        s += i % 7
    results[k] = s


threads = [threading.Thread(target=crunch, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('crunch', results)

for value in (1e-6, 0.5, 1, 0.005):
    sys.setswitchinterval(value)
    print(sys.getswitchinterval())
