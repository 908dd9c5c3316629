"""Thread objects and synchronisation primitives (CPython 3.11's API).

gilpy's own implementation over the C module _thread (gilpy/modules/
mod_thread.c).  Every blocking wait below ends in a _thread lock acquire,
which tries first without releasing the GIL and then waits with it
released, running signal handlers (Ctrl-C) while it waits.

Shared state: the module's registries (_active, _limbo, _shutdown_locks)
are guarded by _active_lock; everything else by the lock of the object
that owns it.
"""

import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock',
           'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'setprofile', 'settrace', 'local', 'stack_size', 'excepthook',
           'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _allocate_lock
_CRLock = _thread.RLock

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def settrace(func):
    """Set a trace function for threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may take it again."""
    return _CRLock(*args, **kwargs)


class Condition:
    """Waiting for a state change announced by another thread."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Locks with Condition support (RLock) give the lock up and take it
        # back whole, whatever the recursion level; plain locks once.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            try:
                setattr(self, name, getattr(lock, name))
            except AttributeError:
                pass
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: if we can take it, nobody held it.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        got = False
        try:
            if timeout is None:
                waiter.acquire()
                got = True
            elif timeout > 0:
                got = waiter.acquire(True, timeout)
            else:
                got = waiter.acquire(False)
            return got
        finally:
            self._acquire_restore(saved)
            if not got:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:    # nobody waiting: the common, cheap case
            waiter = waiters.pop(0)
            waiter.release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    """A counter that blocks acquire() at zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose value may not rise above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond = Condition(Lock())

    def is_set(self):
        return self._flag

    def isSet(self):
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets a fixed number of threads wait for each other.

    _state: 0 filling, 1 draining, -1 resetting, -2 broken.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


# ---- the registry of threads ----------------------------------------------

_counter = 0


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


_active_lock = _allocate_lock()
_active = {}        # ident -> Thread, for running threads
_limbo = {}         # Thread -> Thread, started but not yet running
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()     # the _done locks of non-daemon threads


class _ExceptHookArgs(tuple):
    """What excepthook receives: exc_type, exc_value, exc_traceback, thread.
    CPython's is a C struct sequence of _thread; this one looks the same."""

    __module__ = '_thread'
    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0
    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            "(%d-sequence given)" % len(args))
        return tuple.__new__(cls, args)

    def __repr__(self):
        return '_thread._ExceptHookArgs(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(self._fields, self))

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]


ExceptHookArgs = _thread._ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Print an exception that escaped a thread's run() to stderr."""
    if type(args) is not _ExceptHookArgs:
        raise TypeError("_thread.excepthook argument type must be "
                        "ExceptHookArgs")
    if args.exc_type == SystemExit:
        return
    stderr = _sys.stderr if _sys.stderr is not None else None
    if stderr is None and args.thread is not None:
        stderr = args.thread._stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _sys.excepthook(args.exc_type, args.exc_value, args.exc_traceback)
    stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread):
    """Hand the exception being handled in `thread` to threading.excepthook
    (looked up now: it may have been replaced since the thread started).
    If the hook itself fails, say so and give its exception to
    sys.excepthook."""
    hook = excepthook if excepthook is not None else __excepthook__
    try:
        hook(_ExceptHookArgs((*_sys.exc_info(), thread)))
    except Exception as failure:
        failure.__suppress_context__ = True
        out = _sys.stderr if _sys.stderr is not None else thread._stderr
        if out is not None:
            print("Exception in threading.excepthook:", file=out, flush=True)
        report = _sys.excepthook
        if report is None:
            report = _sys.__excepthook__
        report(type(failure), failure, failure.__traceback__)


class Thread:
    """A thread of control: give a target, or subclass and override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._is_stopped = False
        self._done = None           # held while the thread runs
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _invoke_excepthook

    def _reset_internal_locks(self, is_alive):
        self._started._at_fork_reinit()
        if is_alive:
            if self._done is not None:
                self._done._at_fork_reinit()
                self._done.acquire()
        else:
            self._is_stopped = True
            self._done = None

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break the cycle thread -> target -> (maybe) thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            done = _allocate_lock()
            done.acquire()
            self._done = done
            if not self._daemonic:
                with _shutdown_locks_lock:
                    _shutdown_locks.add(done)
            with _active_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            if _trace_hook:
                _sys.settrace(_trace_hook)
            if _profile_hook:
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _stop(self):
        # The thread is over: wake joiners and forget its shutdown lock.
        done = self._done
        if done is not None:
            if not self._daemonic:
                with _shutdown_locks_lock:
                    _shutdown_locks.discard(done)
            self._done = None
        self._is_stopped = True
        if done is not None and done.locked():
            done.release()

    def _delete(self):
        try:
            # CPython frees a thread's threading.local values before its
            # joiners wake (at the thread state's clear); here they wake
            # from _stop, before that clear, so free them first.
            _thread._local_thread_end()
            with _active_lock:
                _active.pop(self._ident, None)
        finally:
            self._stop()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_stop(-1)
        else:
            self._wait_for_stop(max(timeout, 0))

    def _wait_for_stop(self, timeout):
        done = self._done
        if done is None or self._is_stopped:
            return
        if done.acquire(True, timeout):
            done.release()

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._started.is_set() and not self._is_stopped

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Call a function after a number of seconds, unless cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._done = _allocate_lock()
        self._done.acquire()
        with _active_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """A thread not started by this module: alive, daemonic, unjoinable."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    return current_thread()


def active_count():
    with _active_lock:
        return len(_active) + len(_limbo)


def activeCount():
    return active_count()


def enumerate():
    with _active_lock:
        return list(_active.values()) + list(_limbo.values())


_main_thread = _MainThread()


def main_thread():
    return _main_thread


# Functions to call at the start of _shutdown, before the joins (newest
# first): what concurrent.futures uses to stop its workers.
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """CPython internal: call func(*arg, **kwargs) at interpreter exit,
    before the non-daemon threads are joined."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """At interpreter exit: wait for every non-daemon thread."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for call in reversed(_threading_atexits):
        call()
    # Stopped first, then woken: a thread joining the main thread must see
    # it dead when its join returns.
    _main_thread._is_stopped = True
    done = _main_thread._done
    if done is not None and done.locked():
        done.release()
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


def _after_fork():
    """In a fork child (os.fork calls this): only the forking thread is
    left.  It becomes the main thread; the others are marked stopped, so
    joining them returns at once."""
    global _main_thread, _active, _limbo, _shutdown_locks
    global _active_lock, _shutdown_locks_lock
    _active_lock = _allocate_lock()
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = set()
    _limbo = {}
    ident = get_ident()
    current = _active.get(ident)
    if current is None:
        current = _MainThread()
    new_active = {}
    for thread in list(_active.values()):
        if thread is current:
            thread._reset_internal_locks(True)
            thread._ident = ident
            thread._native_id = get_native_id()
            new_active[ident] = thread
        else:
            thread._reset_internal_locks(False)
    _active = new_active
    _main_thread = current


# ---- thread-local data -----------------------------------------------------
# As CPython's: the C type _thread._local (gilpy/modules/thread_local.c).

from _thread import _local as local
