# import statements inside functions bind local names
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')


def use():
    import math
    from helper import greet
    return math.floor(2.7), greet('local')


print(use())
print('math' in globals(), 'greet' in globals())


def conditional(flag):
    if flag:
        import helper as hp
        return hp.VALUE
    return 'skipped'


print(conditional(False), conditional(True))
