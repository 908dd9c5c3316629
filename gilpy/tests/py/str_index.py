# indexing strings, including negative indexes and errors
s = 'python'
print(s[0], s[5], s[-1], s[-6], len(s))
for i in range(len(s)):
    print(i, s[i], s[-1 - i])
for bad in (6, -7, 100):
    try:
        s[bad]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    s['x']
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1.0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = 'P'
except TypeError as e:
    print(type(e).__name__, e)
print(type(s[0]).__name__, len(s[0]))
