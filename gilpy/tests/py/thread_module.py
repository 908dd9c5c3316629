# the surface of the threading and _thread modules: __all__, public names of _thread, kinds of the lock factories, LockType not subclassable, RLock subclassable, settrace/setprofile stored for new threads
import _thread
import threading

print(sorted(threading.__all__))
public = ['LockType', 'RLock', 'TIMEOUT_MAX', 'allocate', 'allocate_lock', 'error', 'exit',
          'exit_thread', 'get_ident', 'get_native_id', 'interrupt_main', 'stack_size',
          'start_new', 'start_new_thread']
print([name for name in public if not hasattr(_thread, name)])
print([name for name in threading.__all__ if not hasattr(threading, name)])
print(_thread.error is RuntimeError, threading.ThreadError is RuntimeError)
print(threading.get_ident is _thread.get_ident, threading.local is _thread._local)
print(type(threading.Lock).__name__, type(threading.RLock).__name__)
print(type(threading.Lock()).__name__, type(threading.RLock()).__name__)
print(isinstance(threading.Condition(), threading.Condition))
print(issubclass(threading.Timer, threading.Thread))
print(threading.main_thread().__class__.__mro__[1] is threading.Thread)

try:
    class SubLock(_thread.LockType):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class SubRLock(_thread.RLock):
    pass


r = SubRLock()
print(type(r).__name__, r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())


class SubCondition(threading.Condition):
    def notify_twice(self):
        self.notify()
        self.notify()


c = SubCondition()
with c:
    c.notify_twice()
print('Condition subclass ok')

# settrace/setprofile only store the hook for threads started later
print(threading.gettrace(), threading.getprofile())


def hook(*args):
    return None


threading.settrace(hook)
threading.setprofile(hook)
print(threading.gettrace() is hook, threading.getprofile() is hook)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())
