def f() x:
