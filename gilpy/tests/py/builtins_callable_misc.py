# callable, isinstance on builtins, issubclass with tuples
print(callable(print), callable(int), callable(1), callable('s'), callable(lambda: 0), callable([].append))
print(isinstance(1, (str, int)), isinstance('s', (int, float)), isinstance([], (list, tuple)))
print(issubclass(int, (str, object)), issubclass(bool, (int,)), issubclass(list, (dict, set)))
print(isinstance(1, ()), issubclass(int, ()))
print(isinstance(b'x', bytes), isinstance(bytearray(), bytes), isinstance(range(1), range))
print(isinstance({}.keys(), object), isinstance(print, object), isinstance(type, type))
