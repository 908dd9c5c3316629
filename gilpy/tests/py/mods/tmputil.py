"""Temporary files for the builtins_open* tests: a unique name under /tmp
and its removal.  The only place the tests touch the os module."""
import time

_count = 0


def tmpname(tag):
    global _count
    _count += 1
    return '/tmp/gilpy-test-%s-%d-%d-%d' % (tag, time.time_ns(), id(object()), _count)


def remove(path):
    try:
        import os
    except ImportError:
        # No os module: leave an empty file behind rather than fail.
        open(path, 'w').close()
        return
    os.remove(path)


def exists(path):
    try:
        open(path, 'rb').close()
    except FileNotFoundError:
        return False
    return True
