# iterating sets of small ints is deterministic in content; sum and sort it
s = set(range(20)) - {5, 7}
print(sum(s), len(s), min(s), max(s))
total = 0
for x in s:
    total += x
print(total)
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(type(e).__name__, e)
