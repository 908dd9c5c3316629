def f() -> int x:
