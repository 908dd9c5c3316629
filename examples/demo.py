"""gilpy's demonstration: what the GIL's scheduling does to threads.

Runs, for 0, 1 and 2 CPU-bound threads, an I/O-like thread beside them that
makes short blocking calls (time.sleep of 100 us, which releases the GIL
and wants it back as soon as it wakes).  Prints one line per run:

  runtime  cpu-threads  cpu-work  io-calls/s  wake-p50  wake-p99  switches

cpu-work is the CPU threads' total loop iterations per second (thousands);
io-calls/s is how many short blocking calls the I/O thread completed per
second; wake-p50/p99 is how late it got the GIL back after each call, on
top of the 100 us it asked for; switches is the GIL hand-overs libgil
counted (gilpy only).  Under CPython 3.11 a CPU thread keeps the GIL for
the whole 5 ms switch interval, so the I/O thread's rate collapses (the
convoy effect); gilpy's fair policy hands the GIL back at once.

  gilpy examples/demo.py [seconds-per-run] [label]
  python3.11 examples/demo.py [seconds-per-run] [label]
"""
import sys
import threading
import time

try:
    import gil
except ImportError:
    gil = None

SLEEP = 0.0001


def cpu_thread(stop, work, slot):
    n = 0
    while not stop.is_set():
        x = 0
        for i in range(500):
            x += i
        n += 1
    work[slot] = n * 500


def io_thread(stop, lateness):
    clock = time.perf_counter
    while not stop.is_set():
        t0 = clock()
        time.sleep(SLEEP)
        lateness.append(clock() - t0 - SLEEP)


def percentile(sorted_values, q):
    if not sorted_values:
        return 0.0
    i = int(q * (len(sorted_values) - 1))
    return sorted_values[i]


def run(ncpu, seconds):
    stop = threading.Event()
    work = [0] * ncpu
    lateness = []
    threads = [threading.Thread(target=cpu_thread, args=(stop, work, i))
               for i in range(ncpu)]
    threads.append(threading.Thread(target=io_thread, args=(stop, lateness)))
    if gil:
        gil.reset_stats()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    switches = gil.stats()['switches'] if gil else None
    lateness.sort()
    return (sum(work) / elapsed / 1000, len(lateness) / elapsed,
            percentile(lateness, 0.5), percentile(lateness, 0.99), switches)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    if len(sys.argv) > 2:
        label = sys.argv[2]
    elif gil:
        label = 'gilpy/' + gil.policy()
    else:
        label = 'CPython-%d.%d' % sys.version_info[:2]
    for ncpu in (0, 1, 2):
        work, rate, p50, p99, switches = run(ncpu, seconds)
        print('%-16s %d %10.0f %10.0f %8.3f %8.3f %8s' % (
            label, ncpu, work, rate, p50 * 1000, p99 * 1000,
            '-' if switches is None else switches))
        sys.stdout.flush()


if __name__ == '__main__':
    main()
