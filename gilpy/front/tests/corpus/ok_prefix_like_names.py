b = r = u = f = rb = br = fr = rf = 1
ur = bu = fb = bf = uf = ub = rr = bb = ff = 2
ur'x' bu'x' fb'x' bru'x' rbf'x'
print(b, r, u, f, rb, br, fr, rf, ur)
