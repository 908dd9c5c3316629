# _thread.start_new_thread: an uncaught exception goes to sys.unraisablehook with err_msg "Exception ignored in thread started by" and the function as object
import _thread
import sys
import threading
import time


class Target:
    # a callable with a fixed repr, so the report holds no address
    def __init__(self, name, exc):
        self.name = name
        self.exc = exc
        self.done = threading.Event()

    def __repr__(self):
        return '<Target %s>' % self.name

    def __call__(self, *args, **kwargs):
        try:
            print('running', self.name, args, kwargs)
            if self.exc is not None:
                raise self.exc
        finally:
            self.done.set()


def run(target, args=(), kwargs=None):
    if kwargs is None:
        _thread.start_new_thread(target, args)
    else:
        _thread.start_new_thread(target, args, kwargs)
    target.done.wait()
    # let the thread finish reporting before the next one starts
    for i in range(1000):
        if _thread._count() == 0:
            break
        time.sleep(0.001)


# a custom sys.unraisablehook receives the details
seen = []


def hook(unraisable):
    seen.append((unraisable.exc_type.__name__, str(unraisable.exc_value),
                 unraisable.err_msg, repr(unraisable.object),
                 unraisable.exc_traceback is not None))


print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
run(Target('hooked', ZeroDivisionError('custom hook')))
run(Target('exit is not reported', SystemExit(1)))
run(Target('interrupt', KeyboardInterrupt()))
sys.unraisablehook = sys.__unraisablehook__
for s in seen:
    print(s)
print('done')
