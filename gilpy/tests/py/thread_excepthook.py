# threading.excepthook: what a custom hook receives, SystemExit ignored by the default hook, the default hook's stderr format, thread=None, a hook that raises, sys.stderr None fallback
import sys
import threading

print(threading.excepthook is threading.__excepthook__)
print(threading.ExceptHookArgs.__name__)


def trim(tb):
    # drop the frames of the threading module's own code in front of ours
    while tb is not None and tb.tb_frame.f_code.co_filename != __file__:
        tb = tb.tb_next
    return tb


def to_default(args):
    # the default hook, shown only the frames of this file
    exc = args.exc_value
    tb = trim(args.exc_traceback)
    if exc is not None:
        exc.__traceback__ = tb
    threading.__excepthook__(threading.ExceptHookArgs([args.exc_type, exc, tb, args.thread]))


# 1. a custom hook receives ExceptHookArgs
got = []


def custom(args):
    got.append(args)


threading.excepthook = custom


def fail():
    raise ValueError('bad value')


t = threading.Thread(target=fail, name='custom-target')
t.start()
t.join()
args = got[0]
print(type(args).__name__, isinstance(args, tuple), len(args))
print(args.exc_type.__name__, type(args.exc_value).__name__, args.exc_value)
print(args.exc_traceback is not None, args.thread is t)
print(args[0] is args.exc_type, args[1] is args.exc_value, args[3] is t)
print(trim(args.exc_traceback).tb_frame.f_code.co_name)
del got[:], args

# the hook also sees SystemExit and KeyboardInterrupt


def sysexit():
    sys.exit(3)


def kbint():
    raise KeyboardInterrupt


for target in (sysexit, kbint):
    t = threading.Thread(target=target)
    t.start()
    t.join()
print([(a.exc_type.__name__, a.exc_value.args) for a in got])
del got[:]

# 2. the default hook ignores SystemExit, prints the rest to stderr
threading.excepthook = to_default
for target in (sysexit, lambda: sys.exit(), lambda: sys.exit('message')):
    t = threading.Thread(target=target)
    t.start()
    t.join()
print('SystemExit was silent', file=sys.stderr)

t = threading.Thread(target=fail, name='worker')
t.start()
t.join()


def chained():
    try:
        raise KeyError('key')
    except KeyError as e:
        raise RuntimeError('while handling') from e


t = threading.Thread(target=chained, name='chain')
t.start()
t.join()


class MyThread(threading.Thread):
    def run(self):
        raise KeyboardInterrupt


t = MyThread(name='subclass')
t.start()
t.join()
t = threading.Thread(target=kbint, name='kbint')
t.start()
t.join()
print('main continues after thread errors')

# 3. calling the default hook directly: thread given, and thread=None (ident printed)
try:
    raise TypeError('raised in main')
except TypeError as e:
    exc = e
threading.__excepthook__(threading.ExceptHookArgs([TypeError, exc, exc.__traceback__, t]))
threading.__excepthook__(threading.ExceptHookArgs([SystemExit, SystemExit(1), None, t]))


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


cap = Capture()
saved = sys.stderr
sys.stderr = cap
try:
    threading.__excepthook__(threading.ExceptHookArgs([TypeError, exc, None, None]))
finally:
    sys.stderr = saved
text = ''.join(cap.parts)
first, rest = text.split('\n', 1)
ident = first[len('Exception in thread '):-1]
print('thread=None names the ident:', ident == str(threading.get_ident()))
print(first.replace(ident, 'IDENT'))
print(rest, end='')
try:
    threading.__excepthook__(1)
except TypeError as e:
    print(type(e).__name__, e)

# 4. a hook that raises: "Exception in threading.excepthook:" then sys.excepthook
def bad_hook(args):
    raise NameError('hook failed')


def sys_hook(typ, value, tb):
    print('sys.excepthook got', typ.__name__, value)
    value.__traceback__ = trim(tb)
    sys.__excepthook__(typ, value, trim(tb))


threading.excepthook = bad_hook
sys.excepthook = sys_hook
t = threading.Thread(target=fail, name='hook-fails')
t.start()
t.join()
sys.excepthook = sys.__excepthook__

# 5. sys.stderr is None: the default hook writes to the stderr saved when the thread was created
threading.excepthook = to_default
t = threading.Thread(target=fail, name='stderr-none')
sys.stderr = None
t.start()
t.join()
sys.stderr = saved

# sys.stderr already None when the thread was created: nothing is written
sys.stderr = None
t = threading.Thread(target=fail, name='silent')
t.start()
t.join()
sys.stderr = saved
print('done')
import threading, _thread
A = threading.ExceptHookArgs
print(A is _thread._ExceptHookArgs, A.__module__, A.n_fields)
print(repr(A((1, 2, 3, 4))))
try:
    A((1, 2))
except TypeError as e:
    print(e)
