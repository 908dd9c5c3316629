# slicing strings
s = 'Hello, World'
print(s[0:5], s[7:], s[:-7], s[-5:-1], s[::3], s[::-1], s[1:10:2], s[10:1:-3])
print(repr(s[5:5]), repr(s[20:30]), repr(s[-100:-90]))
u = 'héllo wörld ☃ 😀'
print(u[1:5], u[-1], u[-3:], u[::-1], u[::2])
print(len(u), len(u[12:]))
print(s[slice(2, None)], s[slice(None, 2)])
