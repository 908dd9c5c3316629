# atexit: register/unregister, order (newest first), arguments, exceptions
# reported as unraisable, and the order against threading's shutdown:
# threading._register_atexit callbacks, then the joins, then atexit's.
import atexit
import sys
import threading
import time


class Named:
    def __init__(self, name, exc=None):
        self.name = name
        self.exc = exc

    def __call__(self, *args, **kwargs):
        print('called', self.name, args, kwargs)
        if self.exc:
            raise self.exc

    def __repr__(self):
        return '<callback %s>' % self.name


def worker():
    time.sleep(0.05)
    print('worker done (joined before atexit runs)')


t = threading.Thread(target=worker)
t.start()

a = Named('a')
print(atexit.register(a, 1, k=2) is a)
atexit.register(Named('second'), 'x')
atexit.register(Named('raises', ValueError('boom')))
atexit.register(Named('exits', SystemExit(3)))
atexit.register(print, 'plain print', file=sys.stdout)


def unregisters():
    print('unregistering a')
    atexit.unregister(a)
    atexit.register(Named('too late to run'))


atexit.register(unregisters)
print(atexit._ncallbacks())
for bad in [5, None]:
    try:
        atexit.register(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    atexit.register()
except TypeError as e:
    print('TypeError', e)
try:
    atexit.unregister()
except TypeError as e:
    print('TypeError', e)
atexit.register(a)
atexit.unregister(print)
print(atexit._ncallbacks())

threading._register_atexit(print, 'threading atexit 1')
threading._register_atexit(lambda: print('threading atexit 2', t.is_alive()))


def late():
    try:
        threading._register_atexit(print, 'never')
    except RuntimeError as e:
        print('RuntimeError', e)


atexit.register(late)
print('end of main')
