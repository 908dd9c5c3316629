# measuring elapsed time around work: only relations between readings are printed
import time


def busy(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


start = time.perf_counter()
start_ns = time.perf_counter_ns()
result = busy(20000)
elapsed = time.perf_counter() - start
elapsed_ns = time.perf_counter_ns() - start_ns
print(result, elapsed >= 0, elapsed_ns >= 0, elapsed < 5)
w0 = time.time()
time.sleep(0.02)
print(time.time() - w0 > 0.01)
