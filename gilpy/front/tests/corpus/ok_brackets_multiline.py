result = call(
    arg1,   # comment inside
    [1, 2,

     3],
        {'k':
  'v'},
)
t = (
)
if (a and
        b):
    pass
