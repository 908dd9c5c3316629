1 = x, y
