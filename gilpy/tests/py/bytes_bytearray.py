# bytearray: a mutable bytes
ba = bytearray(b'hello')
print(ba, len(ba), type(ba).__name__)
ba[0] = ord('J')
print(ba)
ba.append(33)
ba.extend(b' ok')
print(ba)
ba[1:3] = b'EE'
print(ba)
del ba[0]
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 65)
ba.remove(ord('E'))
print(ba)
ba.reverse()
print(ba)
ba += b'++'
print(ba, ba * 2)
print(bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray(b'ab') == b'ab')
print(bytes(ba), ba.upper(), ba.find(b'+'), ba[0], ba[-2:])
ba2 = bytearray(b'abc')
ba2[::2] = b'XY'
print(ba2)
ba2.clear()
print(ba2, len(ba2))
try:
    ba[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    ba.remove(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray().pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    hash(bytearray())
except TypeError as e:
    print(type(e).__name__, e)
