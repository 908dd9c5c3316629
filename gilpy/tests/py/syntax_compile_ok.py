# compile(), exec() and eval() of valid source
code = compile('a = 6 * 7\nprint("in exec", a)', '<string>', 'exec')
print(type(code).__name__)
ns = {}
exec(code, ns)
print(ns['a'])
print(eval('1 + 2 * 3'))
print(eval(compile('[x * x for x in range(4)]', '<e>', 'eval')))
g = {'y': 10}
print(eval('y + 1', g))
exec('def sq(n):\n    return n * n', g)
print(g['sq'](9))
local = {}
exec('z = y * 2', g, local)
print(local, 'z' in g)
exec('print("single")')
