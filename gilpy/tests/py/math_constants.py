# math constants
import math

print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.tau == 2 * math.pi, math.isinf(math.inf), math.isnan(math.nan), -math.inf < 0)
print(type(math.pi).__name__)
