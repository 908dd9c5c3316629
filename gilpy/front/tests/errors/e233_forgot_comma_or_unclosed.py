f(=
x
