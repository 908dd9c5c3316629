# builtins can be shadowed by globals and locals, and restored by del
print(len('abc'))
len = lambda x: 'shadowed'
print(len('abc'))
del len
print(len('abc'))


def local_shadow():
    max = 'local max'
    return max


print(local_shadow(), max(1, 2))
list_ = list
list = 5
print(list, list_('ab'))
del list
print(list('xy'))
