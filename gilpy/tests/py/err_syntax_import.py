# importing a module with a syntax error: the error points into the module
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

print('importing bad_syntax')
import bad_syntax
