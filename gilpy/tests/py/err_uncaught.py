# an uncaught exception at module level: traceback on stderr, exit status 1
print('before the error')
x = {'a': 1}
value = x['b']
print('not reached')
