# repr of strings: quote choice and escapes
for s in ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\t', 'nl\n', 'cr\r',
          'back\\slash', '\x00\x01\x1f', '\x7f', 'é', '\u0378', '\U0001f600', '\u2028', '']:
    print(repr(s))
print(str('x'), str(5), str([1, 'a']), str(('a',)), str({'k': "v'"}))
print([repr('a')], repr(repr('a')))
