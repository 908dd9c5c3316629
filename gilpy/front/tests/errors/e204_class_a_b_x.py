class A(B) x:
