# inf and nan
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, repr(inf), str(-inf))
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf + 1, inf * -1, inf * 0, 1 / inf, -1 / inf)
print(float('Infinity'), float('-INF'), float('nan'), float('-nan'), float(' +inf '))
print(1e308 * 10, -1e308 * 10)
print([nan] == [nan], nan in [nan])
print(max(1.0, inf), min(-inf, 0.0))
print(abs(-inf), -(-inf))
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
print(inf.is_integer(), nan.is_integer())
