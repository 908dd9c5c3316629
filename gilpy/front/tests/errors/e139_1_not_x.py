1 = not x
