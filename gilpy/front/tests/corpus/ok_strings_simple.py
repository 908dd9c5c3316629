x = ''
x = ""
x = 'a' "b"
x = 'it\'s' "say \"hi\"" 'mixed "quotes"' "mixed 'quotes'"
x = '\n\t\\\x41\u00e9\N{BULLET}\0'
x = 'a\
b'
x = "tab	inside"
