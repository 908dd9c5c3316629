# raising the recursion limit allows deeper recursion
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


try:
    depth(3000)
except RecursionError as e:
    print('default limit:', type(e).__name__, e)
sys.setrecursionlimit(6000)
print(depth(5000))
sys.setrecursionlimit(1000)
try:
    depth(3000)
except RecursionError as e:
    print('restored limit:', type(e).__name__, e)
