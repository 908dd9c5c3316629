# sys.exit from deep inside calls, with finally blocks running on the way out
import sys


def inner():
    try:
        sys.exit(7)
    finally:
        print('inner finally')


def outer():
    try:
        inner()
    finally:
        print('outer finally')


outer()
