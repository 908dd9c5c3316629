# strip family, removeprefix/removesuffix
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcHIcba'.strip('abc'), 'www.example.com'.lstrip('w.'))
print('mississippi'.rstrip('ips'), repr('   '.strip()), repr(''.strip()))
print('\u3000wide space\u00a0'.strip())
print('prefix-body'.removeprefix('prefix-'), 'prefix-body'.removeprefix('nope'))
print('file.tar.gz'.removesuffix('.gz'), 'file'.removesuffix('.gz'))
