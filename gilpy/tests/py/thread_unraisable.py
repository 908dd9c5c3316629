# _thread.start_new_thread: an uncaught exception is reported as "Exception ignored in thread started by: <repr>" with its traceback; SystemExit and _thread.exit() end the thread silently
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


run(Target('ok', None), (1, 2), {'k': 'v'})
run(Target('value', ValueError('raised in a raw thread')))
run(Target('system-exit', SystemExit(5)))
run(Target('keyboard', KeyboardInterrupt()))
print('main goes on')


# _thread.exit() / exit_thread() raise SystemExit: silent
class Exiter(Target):
    def __call__(self):
        try:
            print('exiting', self.name)
            _thread.exit()
            print('not reached')
        finally:
            self.done.set()


run(Exiter('exit', None))
try:
    _thread.exit()
except SystemExit as e:
    print('in main, _thread.exit raises', type(e).__name__, e.args)
try:
    _thread.exit_thread()
except SystemExit as e:
    print('exit_thread raises', type(e).__name__, e.args)

print('done')
