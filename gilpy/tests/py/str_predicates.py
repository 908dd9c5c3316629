# is* predicates
tests = ['abc', 'ABC', 'Abc', 'abc123', '123', '12.5', ' ', '', '\t\n', 'a b',
         '_name', 'name1', '1name', 'class', '²', 'Ⅻ', '\x00', 'é']
for t in tests:
    print(repr(t), t.isalpha(), t.isalnum(), t.isdigit(), t.isdecimal(), t.isnumeric(),
          t.isspace(), t.isidentifier(), t.isprintable(), t.isascii(), t.islower(), t.isupper())
