# from module import *, with and without __all__
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

from star_all import *
print(alpha, beta)
print('gamma' in dir(), '_delta' in dir())
from star_noall import *
print(public, func())
print('_hidden' in dir())
