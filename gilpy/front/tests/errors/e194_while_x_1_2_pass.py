while x = 1 = 2: pass
