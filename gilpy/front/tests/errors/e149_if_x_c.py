if x  # c
