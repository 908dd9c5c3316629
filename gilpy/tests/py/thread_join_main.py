# a thread that joins the main thread wakes when the main module has finished; then main_thread() is no longer alive and current_thread() is still the worker; a timed join of the main thread returns
import threading


def waiter():
    main = threading.main_thread()
    main.join()
    print('waiter saw main end: alive', main.is_alive(),
          'current is worker', threading.current_thread().name == 'waiter',
          'main_thread unchanged', threading.main_thread() is main)


threading.Thread(target=waiter, name='waiter').start()
t = threading.Thread(target=lambda: threading.main_thread().join(0.01))
t.start()
t.join()
print('a timed join of the main thread returns', threading.main_thread().is_alive())
print('main module ends')
