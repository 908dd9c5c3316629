# insertion order is preserved, including after deletion and reinsertion
d = {}
for k in ['zebra', 'apple', 'mango', 'kiwi', 'banana']:
    d[k] = len(k)
print(list(d), list(d.values()))
del d['apple']
d['apple'] = 0
print(list(d.items()))
d['zebra'] = 99
print(d)
big = {}
for i in range(1000):
    big[(i * 37) % 1000] = i
print(list(big)[:10], list(big)[-3:], len(big))
for i in range(0, 1000, 2):
    del big[i]
print(list(big)[:10], len(big))
print({3: 'c', 1: 'a', 2: 'b'})
