# output that does not end with a newline, on both streams
import sys

print('line one')
print('stderr without newline', end='', file=sys.stderr)
print('stdout without newline', end='')
