# infinite recursion raises RecursionError, which can be caught
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError))


def count_depth(n):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n


d = count_depth(0)
print('reached a depth between 900 and 1000:', 900 < d < 1000)
print('recovered and still working:', sum(range(10)))
