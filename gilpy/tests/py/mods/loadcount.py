# Prints once per real execution, so a second import shows caching.
print('loadcount: executing module body')
loads = 1
