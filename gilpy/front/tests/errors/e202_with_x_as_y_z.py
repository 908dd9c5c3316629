with x as y z:
