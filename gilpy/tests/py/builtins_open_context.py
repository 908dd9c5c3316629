# files as context managers close even when the body raises
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')
from tmputil import tmpname, remove

path = tmpname('ctx')
try:
    with open(path, 'w') as f:
        f.write('partial')
        raise RuntimeError('inside with')
except RuntimeError as e:
    print(type(e).__name__, e, f.closed)
with open(path) as f:
    print(f.read())
with open(path, 'w') as a, open(path + '.2', 'w') as b:
    a.write('A')
    b.write('B')
print(a.closed, b.closed)
with open(path) as a, open(path + '.2') as b:
    print(a.read() + b.read())
f = open(path)
print(f.__enter__() is f)
f.__exit__(None, None, None)
print(f.closed)
remove(path)
remove(path + '.2')
