# with targets can be unpacked, attributes or subscripts
class Pair:
    def __enter__(self):
        return (1, [2, 3])

    def __exit__(self, *a):
        return None


with Pair() as (a, [b, c]):
    print(a, b, c)


class Holder:
    pass


h = Holder()
d = {}
with Pair() as h.value:
    pass
with Pair() as d['k']:
    pass
print(h.value, d)
