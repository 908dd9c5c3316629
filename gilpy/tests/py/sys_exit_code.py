# sys.exit(3): prints nothing more, exit status 3; finally blocks run
import sys

print('before exit')
try:
    sys.exit(3)
finally:
    print('finally runs during SystemExit')
print('not reached')
