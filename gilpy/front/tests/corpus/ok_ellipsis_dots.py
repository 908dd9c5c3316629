x = ...
y = a.b.c
z = x[..., 1:2, ::3]
w = 1..real
v = 1. .real
u = .5 . real
from .. import m
from ... import n
from .... import o
