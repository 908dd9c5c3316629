# SyntaxError from an imported module, caught: filename, line and offset
import sys
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')

try:
    import bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg)
    print(e.filename.endswith('mods/bad_syntax.py'), e.lineno, e.offset, repr(e.text))
print('bad_syntax' in sys.modules)
try:
    exec('def f():\n    return (\n')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    eval('1 +* 2')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
