# importing built-in modules in every form
import sys
import math
import time as t
from math import sqrt, pi as PI
from sys import argv as arguments, maxsize
import gc, math as m2

print(type(sys).__name__, sys.__name__, math.__name__, t.__name__, gc.__name__)
print(sqrt(16), PI == math.pi, m2 is math, arguments is sys.argv, maxsize == sys.maxsize)
print(sys, t, gc, repr(math).startswith("<module 'math'"))
print('math' in sys.modules, sys.modules['math'] is math)
