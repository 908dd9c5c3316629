import threading as _thr
from __future__ import annotations
class Foo_Bar9: pass
def _private(__x, y2, _3): return None
if True and not False or None: pass
while x is not y: break
for i in range(10): continue
try: raise ValueError
except Exception as exc: del exc
finally: global g; nonlocal n
with open(p) as fh: yield from fh
lambda: (yield)
assert __debug__, "msg"
