# SystemExit can be caught and inspected
import sys

for arg in [(), (0,), (5,), ('message',), (None,)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(type(e).__name__, repr(e.code), e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
try:
    exit_fn = sys.exit
    exit_fn('via alias')
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception), e)
print('still running')
