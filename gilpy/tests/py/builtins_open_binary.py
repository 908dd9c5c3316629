# open() in binary mode
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')
from tmputil import tmpname, remove

path = tmpname('binary')
data = bytes(range(256)) + 'é'.encode('utf-8')
with open(path, 'wb') as f:
    print(f.write(data), f.mode)
with open(path, 'rb') as f:
    back = f.read()
    print(type(back).__name__, len(back), back == data, back[:4], back[-2:])
with open(path, 'rb') as f:
    print(f.read(3), f.read(2), f.tell())
    f.seek(250)
    print(f.read(3), f.tell())
with open(path, 'ab') as f:
    f.write(b'\n\x00tail')
with open(path, 'rb') as f:
    print(f.read()[-6:])
with open(path, 'r', encoding='latin-1') as f:
    text = f.read()
print(len(text), type(text).__name__)
with open(path, 'w') as f:
    f.write('caf\u00e9\n')
with open(path, 'rb') as f:
    print(f.read())
try:
    with open(path, 'wb') as f:
        f.write('text into a binary file')
except TypeError as e:
    print(type(e).__name__, e)
try:
    with open(path, 'w') as f:
        f.write(b'bytes into a text file')
except TypeError as e:
    print(type(e).__name__, e)
remove(path)
try:
    open(path, 'rz')
except ValueError as e:
    print(type(e).__name__, e)
