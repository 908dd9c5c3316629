if x:
    y = 'a'
    s = '''one
two'''
# c
z = (1,
  2)
