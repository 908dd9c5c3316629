# repr of tuples in various contexts
print(repr((1,)), repr(((),)), repr((('a', "b'"), None)))
print(str((1.0, -0.0)), [(1,)], {(1,): (2,)})
t = ([],)
t[0].append(t)
print(t)
