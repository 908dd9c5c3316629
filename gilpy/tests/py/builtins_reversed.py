# reversed over sequences and objects with __reversed__
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))), list(reversed(range(3))))
print(''.join(reversed('hello')), list(reversed({'a': 1, 'b': 2})))


class Rev:
    def __reversed__(self):
        return iter('custom')


class SeqOnly:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 100


print(list(reversed(Rev())), list(reversed(SeqOnly())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(iter([1]))
except TypeError as e:
    print(type(e).__name__, e)
