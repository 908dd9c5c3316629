if a:
	if b:
		c = 1
	else:
		d = 2
e = 3
