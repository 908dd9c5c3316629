# print follows sys.stdout when it is replaced by any object with write()
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


real = sys.stdout
cap = Capture()
sys.stdout = cap
print('captured', 1, 2)
print('second', end='!')
sys.stdout = real
print(cap.parts)
print('restored')
err = Capture()
print('to a custom file', file=err)
print(err.parts)
