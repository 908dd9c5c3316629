# Thread misuse errors: start twice, join before start, join self, daemon of a started thread, __init__ not called, group argument, bad target call
import threading


def check(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def noop():
    pass


# test_start_thread_again
t = threading.Thread(target=noop)
t.start()
check('start while running or done', t.start)
t.join()
check('start after join', t.start)

# test_joining_inactive_thread
t = threading.Thread(target=noop)
check('join before start', t.join)
check('join(1) before start', lambda: t.join(1))

# test_joining_current_thread
check('join main thread from itself', threading.current_thread().join)
check('join main_thread()', threading.main_thread().join)
res = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        res.append((type(e).__name__, str(e)))


t = threading.Thread(target=join_self)
t.start()
t.join()
print('join self in a thread ->', res)

# test_daemonize_active_thread
gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
check('set daemon of active thread', lambda: setattr(t, 'daemon', True))
gate.set()
t.join()
check('set daemon of finished thread', lambda: setattr(t, 'daemon', False))
check('set daemon of main thread', lambda: setattr(threading.main_thread(), 'daemon', False))
t = threading.Thread(target=noop)
t.daemon = True
print('daemon set before start', t.daemon)
t.daemon = 0
print('daemon coerced', repr(t.daemon))
t = threading.Thread(target=noop, daemon=1)
print('daemon param', repr(t.daemon))
t = threading.Thread(target=noop, daemon=None)
print('daemon inherited', t.daemon)

# test_releasing_unacquired_lock
lock = threading.Lock()
check('release unacquired Lock', lock.release)
check('release unacquired RLock', threading.RLock().release)


# Thread.__init__ not called
class NoInit(threading.Thread):
    def __init__(self):
        pass


t = NoInit()
check('start', t.start)
check('join', t.join)
check('repr', lambda: repr(t))
check('name', lambda: t.name)
check('set daemon', lambda: setattr(t, 'daemon', True))
check('daemon', lambda: t.daemon)
check('is_alive', t.is_alive)

# group must be None
check('group', lambda: threading.Thread(group='g'))
check('group=None', lambda: threading.Thread(group=None).name.startswith('Thread-'))

# bad keyword
check('bad keyword', lambda: threading.Thread(bogus=1))
check('too many args', lambda: threading.Thread(None, noop, 'n', (), {}, 1))

# target not callable: the error surfaces in the thread, via excepthook
def hook(args):
    print('excepthook:', args.exc_type.__name__, args.exc_value)


threading.excepthook = hook
t = threading.Thread(target=42)
t.start()
t.join()
t = threading.Thread(target=noop, args=(1, 2))
t.start()
t.join()
t = threading.Thread(target=noop, args=5)
t.start()
t.join()
t = threading.Thread(target=noop, kwargs={'x': 1})
t.start()
t.join()
