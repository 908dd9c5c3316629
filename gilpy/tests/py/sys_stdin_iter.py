# reading all of stdin: read(), iteration over lines
import sys

first = sys.stdin.readline()
print(repr(first))
for i, line in enumerate(sys.stdin):
    print(i, repr(line))
print(repr(sys.stdin.read()))
