# invalid time.sleep arguments
import time

try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep('1')
except TypeError as e:
    print(type(e).__name__, e)
try:
    time.sleep(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print(type(e).__name__, e)
