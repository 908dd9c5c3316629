# print: sep, end, file, flush, multiple args, no args
import sys

print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ', end='.\n')
print('no newline', end='')
print(' <- continued')
print()
print(1, 2.5, None, True, [1], (2,), {'k': 3}, sep='|')
print('to stderr', 'too', file=sys.stderr)
print('flushed', flush=True)
print('to stdout explicitly', file=sys.stdout)
print('x', sep=None, end=None)
print('x', 'y', file=None)
print(*[], sep='-')
print('', end='')
print(end='end only\n')
try:
    print('x', sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print('x', bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
