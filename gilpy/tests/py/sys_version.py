# version and implementation: types only, never the values
import sys

vi = sys.version_info
print(type(sys.version).__name__, len(vi) == 5, vi >= (3,), vi[0] == vi.major)
print(type(vi.minor).__name__, type(vi.micro).__name__, type(vi.releaselevel).__name__)
print(type(sys.implementation.name).__name__, sys.implementation.name == sys.implementation.name.lower())
print(type(sys.hexversion).__name__, type(sys.maxsize).__name__, sys.maxsize == 2 ** 63 - 1)
print(sys.byteorder in ('little', 'big'), type(sys.platform).__name__)
