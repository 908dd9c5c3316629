# Nothing leaks, cycles included: after each kind of garbage is made many
# times and collected, the number of objects the collector tracks is back
# where it started (a leak of one object per round would show as 1000).
import gc
import threading


class Node:
    def __init__(self):
        self.me = self
        self.items = [self, {'node': self}]


class WithDel:
    deleted = 0

    def __init__(self):
        self.cycle = [self]

    def __del__(self):
        WithDel.deleted += 1


def closure_cycle():
    def inner():
        return inner
    return inner


def gen_cycle():
    def g():
        yield me
    me = g()
    next(me)
    return me


def exc_cycle():
    try:
        raise ValueError('x')
    except ValueError as e:
        return e        # e -> traceback -> frame -> locals -> e


def method_cycle():
    class K:
        def m(self):
            pass
    k = K()
    k.bound = k.m
    return k


def thread_round():
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join()


def local_round():
    loc = threading.local()
    loc.x = [loc]


makers = [Node, WithDel, closure_cycle, gen_cycle, exc_cycle, method_cycle,
          lambda: [[], {}, set(), (1, [2])], thread_round, local_round]


def count():
    gc.collect()
    return len(gc.get_objects())


for make in makers:
    make()              # caches, interned names: made on the first round
    base = count()
    for i in range(1000):
        make()
    grown = count() - base
    print(getattr(make, '__name__', '?'), 'leaked' if grown > 20 else 'ok')
print('finalizers run:', WithDel.deleted)
