def f():
    global x
    x = 1
    global x
