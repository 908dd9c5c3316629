# sys.path is a list that import consults in order
import sys
mods = __file__[:__file__.rfind('/') + 1] + 'mods'
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
try:
    import star_noall
except ImportError as e:
    print('before:', type(e).__name__, e)
sys.path.append(mods)
import star_noall
print('after:', star_noall.public)
