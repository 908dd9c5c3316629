# open() in text mode: write, read, read with size, readline, readlines, iteration, append
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')
from tmputil import tmpname, remove, exists

path = tmpname('text')
f = open(path, 'w')
print(type(f).__name__, f.closed, f.mode)
print(f.write('first line\n'), f.write('second line\nthird'))
f.close()
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, 'r') as f:
    print(repr(f.read(5)), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for n, line in enumerate(f):
        print(n, repr(line))
with open(path, 'a') as f:
    f.write('\nappended ünïcode\n')
with open(path, encoding='utf-8') as f:
    print(f.read().splitlines())
print(exists(path))
remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    with open(tmpname('closed'), 'w') as g:
        pass
    g.write('x')
except ValueError as e:
    print(type(e).__name__, e)
    remove(g.name)
