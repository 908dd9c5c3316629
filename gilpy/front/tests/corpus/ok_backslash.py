x = 1 + \
    2
if a and \
   b:
    y = \
        3
z = [1, \
     2]
assert x, \
  y
