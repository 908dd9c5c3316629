# os.fork in a threaded program: the child keeps one thread (the forking
# one, now main), locks still work, new threads start; register_at_fork
# callbacks run in order; the parent sees the child's exit status
import os
import sys
import threading

lock = threading.Lock()
ev = threading.Event()
t = threading.Thread(target=ev.wait, daemon=True)
t.start()
calls = []
os.register_at_fork(before=lambda: calls.append('before'),
                    after_in_child=lambda: calls.append('child'),
                    after_in_parent=lambda: calls.append('parent'))
for bad in ({}, {'before': 1}):
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print(type(e).__name__, e)
lock.acquire()
sys.stdout.flush()      # the child must not inherit unwritten output
pid = os.fork()
if pid == 0:
    print('child threads', threading.active_count(),
          threading.current_thread() is threading.main_thread(), calls)
    lock.release()
    print('child lock', lock.acquire(timeout=1))
    t2 = threading.Thread(target=lambda: print('child thread runs'))
    t2.start()
    t2.join()
    print('joining the vanished thread returns', t.join(1) is None)
    sys.stdout.flush()
    os._exit(7)
_, status = os.waitpid(pid, 0)
print('parent', os.WIFEXITED(status), os.WEXITSTATUS(status), calls,
      threading.active_count())
ev.set()
t.join()
print('done')
