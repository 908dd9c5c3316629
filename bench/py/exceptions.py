# Exceptions: raise and catch in a loop, try/finally, with statements.
class Boom(Exception):
    pass

class Guard:
    def __init__(self):
        self.n = 0

    def __enter__(self):
        self.n += 1
        return self

    def __exit__(self, et, ev, tb):
        return et is Boom

def risky(i):
    if i % 3 == 0:
        raise Boom(i)
    return i

def run(n):
    caught = 0
    g = Guard()
    total = 0
    for i in range(n):
        try:
            total += risky(i)
        except Boom:
            caught += 1
        finally:
            total += 1
        with g:
            if i % 5 == 0:
                raise Boom()
        try:
            {}[i]
        except KeyError as e:
            total += 1
    return caught, g.n, total

print(run(500000))
