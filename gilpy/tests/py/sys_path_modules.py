# sys.path and sys.modules
import sys

here = __file__[:__file__.rfind('/')]
print(type(sys.path).__name__, sys.path[0] == here, all(type(p) is str for p in sys.path))
print(type(sys.modules).__name__, 'sys' in sys.modules, '__main__' in sys.modules)
print(sys.modules['__main__'].__name__, sys.modules['sys'] is sys)
main = sys.modules['__main__']
main_marker = 'found through sys.modules'
print(main.main_marker)
import math
print(sys.modules['math'] is math)
