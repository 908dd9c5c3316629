# time.sleep blocks at least the requested time
import time

t0 = time.monotonic()
r = time.sleep(0.05)
t1 = time.monotonic()
print(r, t1 - t0 >= 0.05, t1 - t0 < 5)
p0 = time.perf_counter_ns()
time.sleep(0.01)
print(time.perf_counter_ns() - p0 >= 10_000_000)
time.sleep(0)
time.sleep(1e-6)
time.sleep(0.001)
print('short sleeps return')
t0 = time.monotonic()
time.sleep(1 / 50)
print(time.monotonic() - t0 >= 0.02)
