# id and hash: print only deterministic facts
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0)
print(id(None) == id(None), id(1) == id(1))
print(hash(1) == hash(1.0), hash('s') == hash('s'), type(hash('s')).__name__)
print(hash((1, 'a')) == hash((1, 'a')), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(None) == hash(None), hash(True) == 1, hash(-1), hash(10 ** 30) == hash(10 ** 30))
for unhashable in ([], {}, set(), bytearray()):
    try:
        hash(unhashable)
    except TypeError as e:
        print(type(e).__name__, e)
