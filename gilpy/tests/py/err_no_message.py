# an uncaught exception without a message, raised as a class
def check():
    raise NotImplementedError


check()
