# nested data structures built from dicts and lists
inventory = {}
for item, qty in [('apple', 3), ('pear', 1), ('apple', 2), ('fig', 5), ('pear', 4)]:
    inventory.setdefault(item, []).append(qty)
print(inventory)
totals = {k: sum(v) for k, v in inventory.items()}
print(totals)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
tree = {'a': {'b': {'c': 1}}}
tree['a']['b']['d'] = 2
print(tree, tree['a']['b']['c'])
