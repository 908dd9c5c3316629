# case conversions
for s in ['hello World', 'HELLO', "they're bill's friends", 'ß', '', 'mIxEd 123 cAsE']:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print('hello'.islower(), 'Hello'.istitle(), 'HELLO'.isupper(), '123'.islower(), 'A1'.isupper())
