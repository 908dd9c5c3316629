# slicing sequences and slice objects
s = 'abcdefgh'
print(s[2:5], s[:3], s[5:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::3], s[::-1], s[-1:-4:-1], s[6:1:-2])
print(s[100:], s[-100:2], s[3:1], s[5:-100:-1])
lst = list(range(10))
print(lst[2:8:2], lst[::-3], lst[-2:])
t = tuple(range(5))
print(t[1:3], t[::-1])
sl = slice(1, 7, 2)
print(sl, sl.start, sl.stop, sl.step)
print(s[sl], lst[sl])
print(slice(3), slice(None, None, -1))
print(s[slice(None, None, -1)])
print(sl.indices(5), slice(None, None, -1).indices(4))
print(lst[1:9][::2][1:])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
