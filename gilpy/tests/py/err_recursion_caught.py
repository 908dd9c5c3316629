# RecursionError caught and printed, then the program exits normally
def walk(node):
    return walk([node])


try:
    walk([])
except RecursionError as e:
    print('caught:', type(e).__name__, e)
print('exit normally')
