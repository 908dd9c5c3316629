class A(a, x for x in y): pass
