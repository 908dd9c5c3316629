# KeyError details
d = {}
for key in ['missing', 42, (1, 2), None, '']:
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, str(e), repr(e), e.args)
try:
    {}.fromkeys(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.get()
except TypeError as e:
    print(type(e).__name__, e)
