f"{*a b}"
