# threading.stack_size / _thread.stack_size: default 0, returns the previous value, invalid sizes, threads run and recurse to the limit with 256 KiB and 1 MiB stacks
import _thread
import threading

print(threading.stack_size is _thread.stack_size)
print('initial', threading.stack_size())


def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


check('stack_size(-1)', lambda: threading.stack_size(-1))
check('stack_size(4096)', lambda: threading.stack_size(4096))
check('stack_size(32767)', lambda: threading.stack_size(32767))
check('stack_size("x")', lambda: threading.stack_size('x'))
check('stack_size(1, 2)', lambda: threading.stack_size(1, 2))
print('still', threading.stack_size())


def recurse(n):
    return recurse(n + 1)


def work(out):
    total = 0
    for i in range(1000):
        total += i
    try:
        recurse(0)
    except RecursionError as e:
        out.append((total, str(e)))


for size in (0x40000, 0x100000):
    print('set', size, 'previous', threading.stack_size(size))
    out = []
    threads = [threading.Thread(target=work, args=(out,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(out)
    raw_done = threading.Event()
    raw_out = []

    def raw():
        work(raw_out)
        raw_done.set()

    _thread.start_new_thread(raw, ())
    raw_done.wait()
    print('raw thread', raw_out)
    # stack_size() with no argument returns the setting and resets it to 0
    print('was', threading.stack_size(), 'then', threading.stack_size())

print('32 KiB accepted', threading.stack_size(32768), threading.stack_size(0))
print('set twice', threading.stack_size(65536), threading.stack_size(0x80000),
      threading.stack_size(0), threading.stack_size(0))
