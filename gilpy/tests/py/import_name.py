# __name__ of an imported module is its name, not "__main__"
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

import mainname
print('main script __name__:', __name__)
