# Module-level state changed through functions and from outside.
counter = 0


def bump():
    global counter
    counter += 1
    return counter
