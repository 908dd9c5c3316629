# __del__ runs once even when the object is resurrected (PEP 442)
import gc

saved = []


class Phoenix:
    def __init__(self):
        self.cycle = self

    def __del__(self):
        print('__del__ called')
        saved.append(self)


gc.collect()
p = Phoenix()
del p
gc.collect()
print('resurrected:', len(saved), type(saved[0]).__name__)
saved.clear()
gc.collect()
print('second collection does not call __del__ again')
