# try/except basics: matching, except tuples, as-name, bare except
def risky(kind):
    if kind == 'value':
        raise ValueError('bad value')
    if kind == 'type':
        raise TypeError('bad type')
    if kind == 'key':
        return {}['k']
    if kind == 'zero':
        return 1 / 0
    return 'fine'


for kind in ['value', 'type', 'key', 'zero', 'none']:
    try:
        r = risky(kind)
        print('no exception:', r)
    except ValueError as e:
        print('ValueError branch:', e)
    except (TypeError, KeyError) as e:
        print('tuple branch:', type(e).__name__, e)
    except:
        print('bare except caught something')
try:
    raise IndexError
except LookupError as e:
    print('caught by base class:', type(e).__name__, repr(e))
