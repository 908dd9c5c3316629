# _thread.interrupt_main with the default SIGINT handler: KeyboardInterrupt in the main thread while it waits in sleep, lock.acquire, Event.wait, Thread.join, a tight loop; called from main itself; bad signal numbers
import _thread
import threading
import time


def check(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


interrupted = threading.Event()


def interrupter(after=None):
    time.sleep(0.05)
    _thread.interrupt_main()
    interrupted.set()
    if after is not None:
        after()


# from the main thread itself
try:
    _thread.interrupt_main()
    for i in range(10 ** 7):
        pass
    print('not interrupted')
except KeyboardInterrupt as e:
    print('main thread interrupted itself:', type(e).__name__, e.args)

# while main sleeps
t = threading.Thread(target=interrupter)
try:
    t.start()
    time.sleep(0.3)
    interrupted.wait()      # the interrupt has been sent by now
    for i in range(10 ** 7):
        pass
    print('not interrupted')
except KeyboardInterrupt:
    print('interrupted in time.sleep')
t.join()

# while main is blocked in lock.acquire (the thread releases the lock afterwards)
lock = threading.Lock()
lock.acquire()
t = threading.Thread(target=interrupter, args=(lock.release,))
try:
    t.start()
    lock.acquire()
    for i in range(10 ** 7):
        pass
    print('not interrupted')
except KeyboardInterrupt:
    print('interrupted in lock.acquire')
t.join()

# while main waits in Event.wait (the thread sets the event afterwards)
evt = threading.Event()
t = threading.Thread(target=interrupter, args=(evt.set,))
try:
    t.start()
    evt.wait()
    for i in range(10 ** 7):
        pass
    print('not interrupted')
except KeyboardInterrupt:
    print('interrupted in Event.wait')
t.join()
print('event set', evt.is_set())

# while main joins the thread that interrupts it (test_interrupt_main_subthread)
t = threading.Thread(target=interrupter)
try:
    t.start()
    t.join()
    for i in range(10 ** 7):
        pass
    print('not interrupted')
except KeyboardInterrupt:
    print('interrupted in Thread.join')
t.join()
print('thread finished', t.is_alive())

# a tight loop sees the interrupt (test_can_interrupt_tight_loops)
t = threading.Thread(target=interrupter)
try:
    t.start()
    while True:
        pass
except KeyboardInterrupt:
    print('interrupted a tight loop')
t.join()

# the interrupt is delivered once
count = 0
for rnd in range(3):
    try:
        _thread.interrupt_main()
        for i in range(10 ** 7):
            pass
    except KeyboardInterrupt:
        count += 1
print('three interrupts, three KeyboardInterrupts:', count)

# bad signal numbers
check('interrupt_main(-1)', lambda: _thread.interrupt_main(-1))
check('interrupt_main(1000)', lambda: _thread.interrupt_main(1000))
check('interrupt_main("x")', lambda: _thread.interrupt_main('x'))
print('done')
