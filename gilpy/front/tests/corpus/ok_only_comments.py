# one

   # two
	# three
