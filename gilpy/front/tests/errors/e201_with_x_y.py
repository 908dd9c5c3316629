with x y:
