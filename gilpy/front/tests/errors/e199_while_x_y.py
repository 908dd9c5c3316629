while x y:
