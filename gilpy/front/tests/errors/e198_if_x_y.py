if x y:
