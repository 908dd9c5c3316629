# getswitchinterval / setswitchinterval
import sys

print(sys.getswitchinterval(), type(sys.getswitchinterval()).__name__)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.5)
print(sys.getswitchinterval())
sys.setswitchinterval(1)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setswitchinterval('fast')
except TypeError as e:
    print(type(e).__name__, e)
