if x:
    a = 1
  ñ = 2
