# string literal forms
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "it's")
print('tab\there', 'new\\nline', 'bell\x07'.encode())
print('\x41\101\u00e9\U0001F600'.encode('utf-8'))
print(len('\N{GREEK SMALL LETTER ALPHA}'), '\N{GREEK SMALL LETTER ALPHA}' == '\u03b1')
print(r'raw\n\t', R'C:\dir', len(r'\n'))
print('adjacent ' 'literals ' "concatenate")
print('''line one
line two''')
print("""a "quoted" word""")
print(repr('\0'), repr('\r\n'), repr('\x7f'), repr('\\'))
print(u'u-prefix', rb'raw\bytes', Rb'\x00', BR'x')
print(b'bytes' b' concat')
print('\
continued')
