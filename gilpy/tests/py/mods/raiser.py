# Raises while being imported.
before = 1


def fail():
    raise ValueError('raised while importing raiser')


fail()
after = 2
