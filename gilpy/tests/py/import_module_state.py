# module globals are shared by everyone who imports the module
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

import state
from state import bump, counter
print(state.counter, counter)
bump()
bump()
print(state.counter, counter)
state.counter = 100
print(bump())
state.new_attr = 'set from outside'
import state as s2
print(s2.new_attr)
