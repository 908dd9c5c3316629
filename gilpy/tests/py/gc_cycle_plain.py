# cycles of plain containers and instances are reclaimed by the collector
import gc


class Tracker:
    alive = 0

    def __init__(self):
        Tracker.alive += 1

    def __del__(self):
        Tracker.alive -= 1


gc.collect()
gc.disable()
for i in range(100):
    t = Tracker()
    t.self_ref = t
    lst = [t]
    lst.append(lst)
del t, lst
print('alive before collect:', Tracker.alive)
gc.collect()
print('alive after collect:', Tracker.alive)
d = {}
d['me'] = d
del d
print(gc.collect() >= 1)
gc.enable()
