# list / dict / str work: building, indexing, sorting, joining, counting.
def words(n):
    out = []
    for i in range(n):
        out.append("w%d" % (i * 7919 % 1000))
    return out

def count(ws):
    d = {}
    for w in ws:
        d[w] = d.get(w, 0) + 1
    return d

def run():
    ws = words(1000000)
    d = count(ws)
    top = sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    s = ",".join(ws[:20000])
    parts = s.split(",")
    up = [p.upper() for p in parts if p.endswith("7")]
    sq = {i: i * i for i in range(300000)}
    total = sum(sq[k] for k in range(0, 300000, 3))
    return len(d), top, len(up), total, s.count("w1")

print(run())
