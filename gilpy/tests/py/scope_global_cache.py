# Global and builtin name lookups stay right while globals and builtins
# change under running code (gilpy caches LOAD_GLOBAL by dict versions).
import builtins
import threading


def use_len():
    return len([1, 2, 3])


print(use_len())
len = lambda x: 'shadowed'          # a global now hides the builtin
print(use_len())
del len                             # and the builtin shows again
print(use_len())
old_len = builtins.len
builtins.len = lambda x: 'patched builtin'
print(use_len())
builtins.len = old_len
print(use_len())

counter = 0


def bump():
    global counter
    counter += 1
    return counter


print([bump() for _ in range(5)], counter)

# one code object, many globals dicts (freed and new ones at the same
# addresses): each run sees its own
code = compile('result = value * 2', '<cache>', 'exec')
for i in range(2000):
    ns = {'value': i}
    exec(code, ns)
    if ns['result'] != 2 * i:
        print('wrong result', i, ns['result'])
        break
else:
    print('exec with 2000 fresh globals: ok')

reader = compile('out.append(name)', '<cache>', 'exec')
out = []
for i in range(300):
    g = {'out': out}
    if i % 3:
        g['name'] = i
    try:
        exec(reader, g)
    except NameError as e:
        out.append(str(e))
print(out[:6], len(out))

# builtins dict replaced by a globals '__builtins__'
ns = {'__builtins__': {'len': lambda x: 'own builtins'}}
exec('r = len([])', ns)
print(ns['r'])
ns = {'__builtins__': {}}
try:
    exec('len([])', ns)
except NameError as e:
    print('NameError', e)

# a global rebound by another thread while this one reads it in a loop
flag = 0


def writer():
    global flag
    for i in range(1, 20001):
        flag = i


def reader_loop():
    seen_last = 0
    while seen_last < 20000:
        v = flag
        if v < seen_last:
            print('went backwards', v, seen_last)
            return
        seen_last = v
    print('reader saw the final value')


r = threading.Thread(target=reader_loop)
w = threading.Thread(target=writer)
r.start()
w.start()
w.join()
r.join()


def f():
    return missing_name


for attempt in range(2):
    try:
        f()
    except NameError as e:
        print(e)
    missing_name = 'now global'
    print(f())
    del missing_name
