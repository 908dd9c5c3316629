# sys.stdout / sys.stderr / sys.stdin objects
import sys

n = sys.stdout.write('written with write\n')
print(n, type(n).__name__)
sys.stdout.write('no newline, then flush')
sys.stdout.flush()
sys.stdout.write('\n')
print(sys.stderr.write('to stderr via write\n'))
sys.stderr.flush()
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdin.isatty() is False)
line = sys.stdin.readline()
print('readline:', repr(line))
rest = sys.stdin.readline()
print('readline:', repr(rest))
print('readline at EOF:', repr(sys.stdin.readline()))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
