# a SyntaxError from compile() left uncaught
source = 'total = 0\nfor i in range(3):\n    total += i\nprint(total'
print('compiling')
code = compile(source, '<generated>', 'exec')
