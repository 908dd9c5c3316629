# every augmented assignment operator
x = 10
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1111; print(x)
x |= 0x100; print(x)
x ^= 0xff; print(x)
y = 7
y /= 2; print(y)
s = 'ab'
s += 'cd'; print(s)
s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
m = [[1, 2]]
m[0][1] += 40
print(m)
