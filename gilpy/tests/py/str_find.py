# find, rfind, index, rindex, count, startswith, endswith
s = 'the quick brown fox jumps over the lazy dog'
print(s.find('the'), s.find('the', 1), s.rfind('the'), s.find('cat'), s.find(''))
print(s.find('o', 15, 20), s.rfind('o', 0, 20), s.find('q', -40), s.rfind(''))
print(s.index('fox'), s.rindex('o'), s.count('o'), s.count('the'), s.count(''))
print('aaaa'.count('aa'), 'aaaa'.count('a', 1, 3))
print(s.startswith('the'), s.startswith('quick', 4), s.endswith('dog'), s.endswith('lazy', 0, 38))
print(s.startswith(('a', 'b', 't')), s.endswith(('cat', 'dog')), ''.startswith(''))
try:
    s.index('cat')
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex('cat')
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.startswith(['the'])
except TypeError as e:
    print(type(e).__name__, e)
