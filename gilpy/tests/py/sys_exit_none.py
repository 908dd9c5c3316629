# raise SystemExit(True): a bool code counts as the int 1
import sys

print('exiting with True means status 1')
raise SystemExit(True)
