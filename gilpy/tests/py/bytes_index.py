# indexing bytes yields ints; slicing yields bytes
b = b'hello'
print(b[0], b[-1], type(b[0]).__name__, b[1:3], b[::-1], b[::2], b[10:])
print(list(b), [c for c in b'AB'], 104 in b, b'ell' in b, b'x' in b)
try:
    b[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' in b
except TypeError as e:
    print(type(e).__name__, e)
try:
    300 in b
except ValueError as e:
    print(type(e).__name__, e)
