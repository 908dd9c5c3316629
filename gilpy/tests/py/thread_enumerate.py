# threading.enumerate/active_count/current_thread/main_thread/get_ident: running threads are listed, joined ones are gone (even with a tiny switch interval), foreign threads get a _DummyThread
import _thread
import sys
import threading

main = threading.main_thread()
print(threading.enumerate() == [main], threading.active_count())
print(type(main).__name__, main.name, main.daemon, main.is_alive())
print(main.ident == threading.get_ident() == _thread.get_ident())
print(type(threading.get_native_id()).__name__, main.native_id == threading.get_native_id())
print(type(threading.enumerate()).__name__, threading.enumerate() is not threading.enumerate())

# test_enumerate_after_join
old = sys.getswitchinterval()
sys.setswitchinterval(1e-6)
bad = 0
for i in range(200):
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join()
    if t in threading.enumerate():
        bad += 1
    if threading.active_count() != 1:
        bad += 1
sys.setswitchinterval(old)
print('joined threads left in enumerate:', bad)

# a thread is listed only between start and end
gate = threading.Event()
t = threading.Thread(target=gate.wait, name='listed')
print('before start', t in threading.enumerate(), threading.active_count())
t.start()
print('running', t in threading.enumerate(), threading.active_count(), len(threading.enumerate()))
print(sorted(x.name for x in threading.enumerate()))
gate.set()
t.join()
print('after join', t in threading.enumerate(), threading.active_count())

# what a thread sees of itself
seen = {}


def look():
    me = threading.current_thread()
    seen['is t'] = me is t2
    seen['ident'] = me.ident == threading.get_ident() == _thread.get_ident()
    seen['main'] = threading.main_thread() is main
    seen['not main ident'] = threading.get_ident() != main.ident
    seen['listed'] = me in threading.enumerate()
    seen['alive'] = me.is_alive()
    seen['count'] = threading.active_count()
    seen['native'] = me.native_id == threading.get_native_id()


t2 = threading.Thread(target=look)
t2.start()
t2.join()
print(seen)

# many threads at once
gate = threading.Event()
threads = [threading.Thread(target=gate.wait) for i in range(20)]
for t in threads:
    t.start()
listed = threading.enumerate()
print('20 running', threading.active_count(), all(t in listed for t in threads))
gate.set()
for t in threads:
    t.join()
print('all joined', threading.active_count(), threading.enumerate() == [main])

# a foreign (_thread) thread asking for current_thread() gets a _DummyThread
res = {}
done = threading.Event()


def foreign():
    me = threading.current_thread()
    res['type'] = type(me).__name__
    res['name'] = me.name.startswith('Dummy-')
    res['daemon'] = me.daemon
    res['alive'] = me.is_alive()
    res['listed'] = me in threading.enumerate()
    res['same'] = threading.current_thread() is me
    res['ident'] = me.ident == threading.get_ident()
    res['count'] = threading.active_count()
    try:
        me.join()
    except BaseException as e:
        res['join'] = (type(e).__name__, str(e))
    done.set()


# a raw thread that never asks is not listed
running = threading.Event()
finish = threading.Event()


def quiet():
    running.set()
    finish.wait()


_thread.start_new_thread(quiet, ())
running.wait()
print('raw thread not listed:', threading.active_count(), threading.enumerate() == [main])
finish.set()

_thread.start_new_thread(foreign, ())
done.wait()
print(res)
