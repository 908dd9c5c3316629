# uncaught exception raised while handling another: both are printed
def cleanup():
    raise RuntimeError('cleanup failed')


try:
    print('working')
    1 / 0
except ZeroDivisionError:
    cleanup()
