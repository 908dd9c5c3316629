# Unicode strings: code points, lengths, case mapping, escapes
s = 'aé€😀'
print(len(s), [ord(c) for c in s], [hex(ord(c)) for c in s])
print(chr(97), chr(233), chr(0x20ac), chr(0x1f600), chr(0x10ffff) == '\U0010ffff')
print(s.encode('utf-8'), len(s.encode('utf-8')))
print('Straße'.upper(), 'ǅ'.lower(), 'ǆ'.title(), 'İ'.lower().encode('utf-8'))
print('ﬁ'.upper(), 'ΣΑΣ'.lower(), 'ß'.casefold(), 'Σ'.casefold())
print('日本'.isalpha(), '١٢٣'.isdigit(), '١٢٣'.isdecimal(), '½'.isnumeric(), '½'.isdigit())
print(repr('é'), repr('\u200b'), repr('\U0001f600'), repr('\x80'), repr('\xa0'), repr('\ud800'))
print(ascii('é😀\n'), ascii('plain'))
print(sorted(['b', 'ä', 'a', 'Z', 'é']))
print('😀' > 'z', '€' < '😀', max('aé€'), min('aé€'))
print('ab' + 'ç' * 3, 'é' in 'café', 'café'.find('é'), 'café'.index('f'))
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord('')
except TypeError as e:
    print(type(e).__name__, e)
