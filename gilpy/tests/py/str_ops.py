# concatenation, repetition, comparison, membership, iteration, hashing sanity
a = 'abc'
b = 'abd'
print(a + b, a * 3, 3 * a, a * 0, repr(a * -1))
print(a < b, a == 'abc', a != b, 'a' < 'ab', 'B' < 'a', '' < 'a', 'abc' <= 'abc')
print('b' in a, 'bc' in a, 'cb' in a)
print(list('hey'), [c.upper() for c in 'hey'], tuple('ab'))
print(hash('abc') == hash('ab' + 'c'), len(''), len('four'))
print(str(), str(123), str(1.5), str(None), str(True), str(b'x'))
print(max('hello'), min('hello'), sorted('hello'), 'hello'[::-1])
s = 'x'
s += 'y'
print(s)
try:
    'a' + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' * 'b'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' - 'b'
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in 'abc'
except TypeError as e:
    print(type(e).__name__, e)
