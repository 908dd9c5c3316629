# __del__ runs while an exception propagates (the frame that held the
# object drops it on the way out, or a `finally` deletes it): the
# exception survives, whatever __del__ does.  When exactly a frame's
# locals die differs (CPython keeps them while the traceback lives), so
# the events are collected and printed at the end.
import sys

events = []
sys.unraisablehook = lambda args: events.append(
    ('unraisable', args.exc_type.__name__, str(args.exc_value)))


class T:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __del__(self):
        events.append(('del', self.name))
        if self.fail:
            raise RuntimeError('in __del__')


def at_exit_quiet():
    x = T('frame exit')
    raise ValueError('v')


def at_exit_failing():
    x = T('frame exit, failing', fail=True)
    raise KeyError('k')


def in_finally():
    z = T('finally')
    try:
        raise TypeError('inner')
    finally:
        del z


for fn in (at_exit_quiet, at_exit_failing, in_finally):
    try:
        fn()
    except Exception as e:
        print('caught', type(e).__name__, e)
for ev in events:
    print(*ev)
