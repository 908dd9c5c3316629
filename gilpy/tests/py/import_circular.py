# circular imports see partially initialised modules
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

import circ_a
print('main: circ_a.A_LATE =', circ_a.A_LATE)
import circ_b
print('main: circ_b.B_VALUE =', circ_b.B_VALUE)
