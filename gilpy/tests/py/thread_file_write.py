# several threads writing to one open text file and to a shared in-memory sink: no errors, every line arrives whole
import sys
import threading
sys.path.insert(0, __file__[:__file__.rfind('/') + 1] + 'mods')
from tmputil import tmpname, remove

sys.setswitchinterval(1e-5)
NT = 6
N = 300
path = tmpname('threads')
errors = []

with open(path, 'w') as f:
    def writer(k):
        try:
            for i in range(N):
                f.write('thread %d line %d\n' % (k, i))
                if i % 50 == 0:
                    f.flush()
        except Exception as e:
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(NT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

with open(path) as f:
    lines = f.read().splitlines()
remove(path)
print('errors', errors)
print('lines', len(lines))
print('whole lines', sorted(lines) == sorted('thread %d line %d' % (k, i) for k in range(NT) for i in range(N)))
for k in range(NT):
    mine = [line for line in lines if line.startswith('thread %d ' % k)]
    if mine != ['thread %d line %d' % (k, i) for i in range(N)]:
        print('thread', k, 'lines out of order')


# print() from several threads into one sink
class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


sink = Sink()


def printer(k):
    for i in range(N):
        print('p %d %d\n' % (k, i), end='', file=sink)


threads = [threading.Thread(target=printer, args=(k,)) for k in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()
text = ''.join(sink.parts)
print('printed lines', len(text.splitlines()),
      sorted(text.splitlines()) == sorted('p %d %d' % (k, i) for k in range(NT) for i in range(N)))
sys.setswitchinterval(0.005)
