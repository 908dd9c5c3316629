x = 'abc\
def'
y = "a\\"
z = 'a\'b'
w = 'ends with backslash-backslash \\'
