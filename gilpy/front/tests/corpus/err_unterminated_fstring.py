name = 1
msg = f"hello {name}
