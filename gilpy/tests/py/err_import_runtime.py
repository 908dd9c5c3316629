# an exception raised while importing a module, uncaught
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

import raiser
