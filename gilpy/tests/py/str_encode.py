# encode to bytes and decode back
s = 'héllo €'
b = s.encode()
print(b, type(b).__name__, len(b))
print(s.encode('utf-8') == b, b.decode() == s, b.decode('utf-8'))
print('abc'.encode('ascii'), 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
print('é'.encode('ascii', 'replace'), 'é'.encode('ascii', 'ignore'))
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(issubclass(UnicodeDecodeError, ValueError), issubclass(UnicodeError, ValueError))
