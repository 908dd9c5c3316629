def f():
    x = 1
    try:
        pass
