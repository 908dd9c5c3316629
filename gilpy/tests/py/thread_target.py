# Thread targets: a falsy but callable target runs (bpo-41149), run() overrides, run() called directly, target/args dropped after run so no cycle keeps objects alive, a bare raise in a new thread
import threading

calls = []


class FalsyCallable:
    def __bool__(self):
        return False

    def __call__(self, *args):
        calls.append(('falsy called', args))


t = threading.Thread(target=FalsyCallable(), args=(1,))
t.start()
t.join()
print(calls)

# no target: run() does nothing
t = threading.Thread()
t.start()
t.join()
print('no target ok', t.is_alive())


# run() overridden, with __init__ arguments
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name='worker-%d' % n)
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))


w = Worker(10)
w.start()
w.join()
print(w.name, w.result)

# run() called directly runs in the calling thread
where = []
t = threading.Thread(target=lambda: where.append(threading.current_thread().name), name='never started')
t.run()
print('direct run', where, t.is_alive())

# the thread drops its target and arguments after running: no cycle keeps them
deleted = []


class RunSelf:
    def __init__(self, should_raise):
        self.should_raise = should_raise
        self.thread = threading.Thread(target=self._run, args=(self,),
                                       kwargs={'yet_another': self})
        self.thread.start()

    def _run(self, other_ref, yet_another):
        if self.should_raise:
            raise SystemExit

    def __del__(self):
        deleted.append(self.should_raise)


for should_raise in (False, True):
    obj = RunSelf(should_raise)
    obj.thread.join()
    del obj
print('freed without gc', deleted)
t = threading.Thread(target=print, args=(1,), kwargs={'end': ''})
t.start()
t.join()
print()
print('attributes dropped', hasattr(t, '_target'), hasattr(t, '_args'), hasattr(t, '_kwargs'))


# a bare raise in a brand-new thread, and an exception that escapes run()
def hook(args):
    print('excepthook:', args.exc_type.__name__, args.exc_value)


threading.excepthook = hook


def bare_raise():
    raise


t = threading.Thread(target=bare_raise)
t.start()
t.join()


def handled_then_bare():
    try:
        raise KeyError('handled')
    except KeyError:
        pass
    raise


t = threading.Thread(target=handled_then_bare)
t.start()
t.join()

# an exception being handled in the main thread is not seen by a new thread
seen = []
try:
    raise ValueError('main only')
except ValueError:
    import sys
    t = threading.Thread(target=lambda: seen.append(sys.exc_info()))
    t.start()
    t.join()
print('new thread exc_info', seen)
