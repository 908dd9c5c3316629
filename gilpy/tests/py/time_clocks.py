# time.time, monotonic, perf_counter and their _ns forms: types and monotonicity only
import time

t = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
tn = time.time_ns()
mn1 = time.monotonic_ns()
pn1 = time.perf_counter_ns()
print(type(t).__name__, type(m1).__name__, type(p1).__name__)
print(type(tn).__name__, type(mn1).__name__, type(pn1).__name__)
print(t > 1.6e9, tn > 1_600_000_000 * 10 ** 9, abs(tn / 1e9 - t) < 60)
m2 = time.monotonic()
p2 = time.perf_counter()
mn2 = time.monotonic_ns()
pn2 = time.perf_counter_ns()
print(m2 >= m1, p2 >= p1, mn2 >= mn1, pn2 >= pn1)
samples = [time.monotonic() for _ in range(1000)]
print(all(a <= b for a, b in zip(samples, samples[1:])))
samples = [time.perf_counter_ns() for _ in range(1000)]
print(all(a <= b for a, b in zip(samples, samples[1:])))
