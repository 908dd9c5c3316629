# a module body runs once; later imports come from sys.modules
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

print('first import:')
import loadcount
print('second import:')
import loadcount
print('from-import:')
from loadcount import loads
print(loads, 'loadcount' in sys.modules)
del sys.modules['loadcount']
print('after removing it from sys.modules:')
import loadcount as again
print(again.loads)
