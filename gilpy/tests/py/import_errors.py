# ImportError and ModuleNotFoundError messages
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from no_such_module_xyz import thing
except ImportError as e:
    print(type(e).__name__, e, isinstance(e, ModuleNotFoundError))
try:
    from helper import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).replace(__file__[:__file__.rfind('/') + 1], 'DIR/'))
try:
    from sys import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import raiser
except ValueError as e:
    print('error while importing:', type(e).__name__, e)
print('raiser' in sys.modules)
