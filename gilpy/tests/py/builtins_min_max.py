# min and max: iterables, several args, key, default
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min((2.5, 1)))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'kiwi'], key=len))
print(max([], default='empty'), min([], default=None), max([1], default=0))
print(max(1, 2, key=lambda x: -x), max([(1, 'b'), (1, 'a')]), min({5: 'x', 3: 'y'}))
print(max([3, 3.0]), max([3.0, 3]))
for args in [(), ([],), (5,)]:
    try:
        max(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    min([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 'a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    min(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
