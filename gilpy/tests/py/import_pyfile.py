# importing a .py module from a directory put on sys.path
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

import helper
print(helper.VALUE, helper.greet('import'), helper.Point(1, 2), helper.where())
print(helper.__name__, helper.__doc__, type(helper).__name__)
print(helper.__file__.endswith('mods/helper.py'))
print(helper)
from helper import greet, Point as P, VALUE as V
print(greet('from'), P(3, 4), V)
import helper as h
print(h is helper, sys.modules['helper'] is helper)
print(sorted(k for k in vars(helper) if not k.startswith('__')))
