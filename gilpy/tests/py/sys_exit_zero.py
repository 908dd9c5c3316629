# sys.exit() and sys.exit(0) end the program with status 0
import sys

print('output before exit')
sys.stdout.flush()
sys.exit(0)
print('not reached')
