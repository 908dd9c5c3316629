# PEP 585 generic aliases of the built-in containers: list[int] and friends
print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
print(set[str], frozenset[bytes], tuple[()])
x: dict[str, int] = {'a': 1}
print(x, list[int]('ab'), list[int].__origin__, list[int].__args__)
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
